import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '#http/openapi.ts';
import { freePort } from '#local/free-port.ts';

/**
 * A second, independent judge of the contract: with `CONTRACT_PRISM=1` (`npm run test:prism`), the tests' clients
 * send every API call through Stoplight Prism as a validating proxy (`prism proxy openapi.json <api>`), one per API
 * origin, and read its verdict from the `sl-violations` header it adds. Prism reads the generated OpenAPI document, not
 * our zod schemas, so it checks the document as well as the answers. It is fetched by npx on demand: about 74 MB that
 * an ordinary `npm ci` need not carry.
 */
export const prismVersion = '5.16.0';

export const prismEnabled = (): boolean => process.env.CONTRACT_PRISM === '1';

const root = fileURLToPath(new URL('../../', import.meta.url));
const proxies = new Map<string, Promise<string>>();

const documentFile = (): string => {
  const dir = join(root, 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `openapi-prism-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(openApiDocument()));
  return file;
};

/**
 * Runs a command in a process group of its own and ends the whole group when its stdin closes: the test process holds
 * the other end, so Prism (npx, its shell and node) goes with it however that process ends — a worker killed by
 * signal runs no exit handler.
 */
const untilParentGoes = `
const { spawn } = require('node:child_process');
const [command, ...args] = process.argv.slice(1);
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
const end = () => { try { process.kill(-child.pid, 'SIGTERM'); } catch {} process.exit(0); };
process.stdin.on('end', end).on('error', end).resume();
child.on('exit', (code) => process.exit(code ?? 1));
`;

const startProxy = async (upstream: string): Promise<string> => {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '-e',
      untilParentGoes,
      '--',
      'npx',
      '-y',
      `@stoplight/prism-cli@${prismVersion}`,
      'proxy',
      documentFile(),
      upstream,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--errors',
      'false',
    ],
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let said = '';
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`Prism did not start within 120 s:\n${said}`)), 120_000);
    const listen = (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('Prism is listening')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Prism exited (${code}):\n${said}`));
    });
  });
  return `http://127.0.0.1:${port}`;
};

/**
 * Whether Prism passes the request on at all: Prism 5.16 never answers a request whose JSON body does not parse (the
 * tests send one on purpose), so such a call goes to the API directly and only our own check judges its answer.
 */
export const prismForwards = (init: RequestInit): boolean => {
  const type = new Headers(init.headers).get('content-type') ?? '';
  if (typeof init.body !== 'string' || !type.includes('json')) return true;
  try {
    JSON.parse(init.body);
    return true;
  } catch {
    return false;
  }
};

/** The URL to call instead: the same path and query on the Prism proxy in front of the URL's origin. */
export const throughPrism = async (url: string): Promise<string> => {
  const target = new URL(url);
  let proxy = proxies.get(target.origin);
  if (!proxy) {
    proxy = startProxy(target.origin);
    proxies.set(target.origin, proxy);
  }
  return `${await proxy}${target.pathname}${target.search}`;
};

interface Violation {
  location?: string[];
  severity?: string;
  code?: string | number;
  message?: string;
}

/** Prism's findings about the answer (not the request: tests send bad requests on purpose), one line each. */
export const responseViolations = (header: string | null): string[] => {
  if (!header) return [];
  const violations = JSON.parse(header) as Violation[];
  return violations
    .filter((v) => v.location?.[0] === 'response')
    .map((v) => `${v.severity ?? ''} ${v.location?.join('.')}: ${v.message ?? v.code}`.trim());
};
