import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Brand } from '#domain/brand.ts';

/**
 * The web app on the local API's origin: built once per content (a fresh clone's first `npm start` builds it in a few
 * seconds; later starts reuse the build while `web/` and the lockfile are unchanged), and served under `/app` with
 * its runtime config — the same app that CloudFront serves from S3 on AWS, where `config.json` names Cognito.
 */
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const web = join(root, 'web');
const builds = join(web, 'dist');

/** What the app reads at start instead of build-time settings, so one build runs against any sign-in provider. */
export interface AppConfig {
  authority: string;
  clientId: string;
  /** Where signing out goes, Cognito's `/logout` shape (`client_id`, `logout_uri`): the local provider serves it too. */
  signOutUrl: string;
  /** Whose app it is: the seller's name, logo and colour, as functions/config.ts reads them. */
  brand: Brand;
}

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'dist' || entry.name === 'node_modules' ? [] : sources(path);
    return [path];
  });

/**
 * A hash of everything the build reads — the app, the domain rules it imports (functions/domain) and the lockfile: a
 * build directory is named by it, so a stale build is never served.
 */
const sourceHash = (): string => {
  const hash = createHash('sha256');
  const read = [...sources(web), ...sources(join(root, 'functions', 'domain')), join(root, 'package-lock.json')];
  for (const file of read.sort()) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
};

/**
 * Builds the app into `web/dist/<hash>/` unless that build exists. Concurrent starts (parallel test files) each build
 * into their own temporary directory and rename it into place; the rename is atomic, and a loser keeps the winner's.
 */
export const buildWebApp = async (): Promise<string> => {
  const outDir = join(builds, sourceHash());
  if (existsSync(join(outDir, 'index.html'))) return outDir;
  const temporary = `${outDir}.${process.pid}.${Date.now()}`;
  const { build } = await import('vite');
  await build({ configFile: join(web, 'vite.config.ts'), build: { outDir: temporary }, logLevel: 'warn' });
  try {
    renameSync(temporary, outDir);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(join(outDir, 'index.html'))) throw error;
  }
  for (const old of readdirSync(builds)) {
    const path = join(builds, old);
    if (path !== outDir && !old.includes('.') && Date.now() - statSync(path).mtimeMs > 3600_000)
      rmSync(path, { recursive: true, force: true });
  }
  return outDir;
};

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/** The app's CSP: its own scripts and styles only; it talks to this origin and the sign-in provider. */
const policy = (config: AppConfig) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${new URL(config.authority).origin}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

export interface AppFiles {
  prefix: string;
  handle(request: IncomingMessage, response: ServerResponse): void;
}

/** `/app/assets/*` as files (immutable: their names carry a hash), `/app/config.json`, anything else: index.html. */
export const appFiles = (dir: string, config: AppConfig, files: { logo?: string } = {}): AppFiles => {
  const index = readFileSync(join(dir, 'index.html'));
  const headers = {
    'content-security-policy': policy(config),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  return {
    prefix: '/app',
    handle: (request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://local').pathname);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD' });
        response.end();
        return;
      }
      if (path === '/app') {
        response.writeHead(301, { location: '/app/' });
        response.end();
        return;
      }
      if (path === '/app/config.json') {
        response.writeHead(200, { ...headers, 'content-type': types['.json'], 'cache-control': 'no-cache' });
        response.end(JSON.stringify(config));
        return;
      }
      // The demo seller's logo, on the app's origin as a deployment's own CDN would serve it.
      if (path === '/app/brand-logo.svg' && files.logo) {
        response.writeHead(200, { ...headers, 'content-type': types['.svg'], 'cache-control': 'public, max-age=3600' });
        response.end(request.method === 'HEAD' ? undefined : readFileSync(files.logo));
        return;
      }
      const file = resolve(dir, `.${path.slice('/app'.length)}`);
      if (path.startsWith('/app/assets/') && file.startsWith(dir + sep) && existsSync(file)) {
        response.writeHead(200, {
          ...headers,
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'public, max-age=31536000, immutable',
        });
        response.end(request.method === 'HEAD' ? undefined : readFileSync(file));
        return;
      }
      response.writeHead(path.startsWith('/app/assets/') ? 404 : 200, {
        ...headers,
        'content-type': types['.html'],
        'cache-control': 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : index);
    },
  };
};
