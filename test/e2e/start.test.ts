import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { delimiter, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDynamoStore } from '#store/dynamo-store.ts';
import { createTable, deleteTable } from '#store/table.ts';
import { freePort } from '../../local/free-port.ts';
import { products } from '../../local/seed/catalog.ts';
import { demoUsers, seedDemoData } from '../../local/seed/seed.ts';
import { contractFetch } from './contract.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** PATH as a person's shell has it: without the node_modules/.bin that `npm test` put in front (and its pinned node). */
const shellPath = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((dir) => !dir.endsWith(`node_modules${sep}.bin`))
  .join(delimiter);
const pinnedNode = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
).devDependencies.node;

interface Run {
  child: ChildProcess;
  output(): string;
  errors(): string;
  exited: Promise<number | null>;
}

/** `npm start` as a person runs it, one process (node with the tsx loader), so signals reach it directly. */
const start = (args: string[], env: Record<string, string> = {}): Run => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, errors: () => err, exited };
};

const printed = async (run: Run, text: string, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!run.output().includes(text)) {
    if (run.child.exitCode !== null) throw new Error(`npm start exited ${run.child.exitCode}: ${run.errors()}`);
    if (Date.now() > deadline) throw new Error(`npm start did not print "${text}" in time:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** Free ports for every service, so a test never collides with a running `npm start` on the defaults. */
const freePorts = async () => {
  const [api, ses, sfn, dynamodb, events] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const args = [
    ...['--api-port', String(api), '--ses-port', String(ses), '--sfn-port', String(sfn)],
    ...['--dynamodb-port', String(dynamodb), '--events-port', String(events)],
  ];
  return { api, ses, dynamodb, args };
};

const javaOnPort = (port: number): boolean => {
  try {
    return execFileSync('pgrep', ['-f', `DynamoDBLocal.jar.*-port ${port}`], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
};

describe('npm start', () => {
  const running: Run[] = [];
  afterAll(() => {
    for (const run of running) {
      if (run.child.exitCode !== null || run.child.pid === undefined) continue;
      // npm runs detached in its own process group: take the whole group down if a test failed half-way.
      try {
        process.kill(run.child.spawnargs[0] === 'npm' ? -run.child.pid : run.child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  it('brings the stack up, prints every URL and a working token per seeded user, and Ctrl-C leaves no java', async () => {
    const { api, ses, dynamodb, args } = await freePorts();
    const run = start(args);
    running.push(run);
    await printed(run, 'Ctrl-C stops everything.', 100_000);
    const output = run.output();

    expect(output).toMatch(/▸ DynamoDB Local\s+… ready \(\d+\.\d s\)/);
    expect(output).toContain(`API             http://127.0.0.1:${api}`);
    expect(output).toContain(`Inbox (email)   http://127.0.0.1:${ses}/`);
    expect(output).toContain(`OpenAPI         http://127.0.0.1:${api}/openapi.json`);
    for (const user of demoUsers) expect(output).toContain(user.email);

    const buyerToken = /dana@acme\.example\s+buyer @acme\s+(\S+)/.exec(output)?.[1];
    const rfqs = await contractFetch(`http://127.0.0.1:${api}/rfqs`, {
      headers: { authorization: `Bearer ${buyerToken}` },
    });
    expect(rfqs.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${ses}/`)).status).toBe(200);
    expect(javaOnPort(dynamodb)).toBe(true);

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(javaOnPort(dynamodb)).toBe(false);
  }, 120_000);

  it('runs on the pinned Node whatever `node` is on PATH, and stops everything on SIGTERM to npm, whose shell does not pass it on', async () => {
    const { dynamodb, args } = await freePorts();
    const npm = spawn('npm', ['start', '--', ...args], {
      cwd: root,
      env: { ...process.env, PATH: shellPath },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    npm.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const run: Run = { child: npm, output: () => out, errors: () => '', exited: new Promise(() => undefined) };
    running.push(run);
    await printed(run, 'Ctrl-C stops everything.', 100_000);
    expect(out).toContain(`starting the local stack on Node ${pinnedNode}`);
    expect(javaOnPort(dynamodb)).toBe(true);

    npm.kill('SIGTERM');
    const deadline = Date.now() + 15_000;
    while (javaOnPort(dynamodb) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(javaOnPort(dynamodb)).toBe(false);
  }, 120_000);

  it('says in one line which port is taken, and exits 1', async () => {
    const holder: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      holder.listen(0, '127.0.0.1', () => resolve((holder.address() as { port: number }).port)),
    );
    try {
      const run = start([], { API_PORT: String(port) });
      running.push(run);
      expect(await run.exited).toBe(1);
      expect(run.errors().trim()).toBe(
        `✗ port ${port} for the HTTP API is already in use — stop what holds it or choose another port`,
      );
    } finally {
      holder.close();
    }
  });

  it('says in one line that Java is missing, and exits 1', async () => {
    const run = start((await freePorts()).args, { PATH: '/nonexistent' });
    running.push(run);
    expect(await run.exited).toBe(1);
    expect(run.errors().trim()).toBe('✗ Java 17+ is required for DynamoDB Local and `java` was not found on PATH');
  });
});

describe('the seed', () => {
  const tableName = `seed-${randomUUID().slice(0, 8)}`;
  const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'us-east-1' });
  const store = createDynamoStore(DynamoDBDocumentClient.from(client), tableName);

  afterAll(async () => {
    await deleteTable(client, tableName);
    client.destroy();
  });

  it('loads a realistic catalog and two companies, and loading it again changes nothing', async () => {
    await createTable(client, tableName);
    const today = new Date('2026-11-23T12:00:00Z');
    await seedDemoData(store.catalog, today);
    const first = {
      acme: await store.catalog.getCompany('acme'),
      contract: await store.catalog.getContract('globex'),
      rules: await store.catalog.getApprovalRules('acme'),
    };
    await seedDemoData(store.catalog, today);

    expect(await store.catalog.getCompany('acme')).toEqual(first.acme);
    expect(await store.catalog.getContract('globex')).toEqual(first.contract);
    expect(await store.catalog.getApprovalRules('acme')).toEqual(first.rules);
    const catalog = await store.catalog.getProducts(products.map((p) => p.sku));
    expect(catalog.size).toBeGreaterThanOrEqual(20);
    expect([...catalog.values()].some((p) => !p.active)).toBe(true);
    const { validFrom, validTo } = first.contract ?? { validFrom: '', validTo: '' };
    expect(validFrom <= '2026-11-23' && validTo >= '2026-11-23').toBe(true);
    expect(first.acme?.accountRepEmail).toBe('riley@northwind.example');
    expect(first.rules.flatMap((r) => r.levels.map((l) => l.mode))).toEqual(['any', 'any']);
  });
});
