import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { type HttpEvent, type HttpResult, problemResult } from '#http/http.ts';
import { matchRoute, unmatchedProblem } from '#http/match-route.ts';
import { badRequest, HttpProblem, unauthorized } from '#http/problem.ts';
import { type RouteSpec, routes as routeTable } from '#http/routes.ts';
import { apiEvent, authorizerClaims, lambdaContext } from './api-event.ts';
import { type DevIssuer, devTokenRequest } from './dev-tokens.ts';
import { listenOn } from './free-port.ts';
import { createJwtAuthorizer, type JwtAuthorizerConfig } from './jwt-authorizer.ts';

/**
 * The local HTTP API: routes requests with the same route table API Gateway is built from, verifies bearer tokens as
 * the HTTP API JWT authorizer does (jwt-authorizer.ts), builds a payload-2.0 event and calls the handler module in
 * process with a Lambda-shaped context. With a dev issuer it also serves `POST /dev/token` and its JWKS — local only,
 * never in the route table.
 */
export interface ApiServerOptions {
  port?: number;
  host?: string;
  jwt: JwtAuthorizerConfig;
  devIssuer?: DevIssuer;
  /**
   * An access-log line per request: method, route (the table's path template, so no link token is ever printed),
   * status and duration.
   */
  log?: (line: string) => void;
  routes?: readonly RouteSpec[];
  /**
   * Other local services on the API's origin, by path prefix, as CloudFront puts the app beside the API on AWS: the
   * web app under `/app` and the OIDC provider under `/oidc`. Never in the route table.
   */
  mounts?: readonly Mount[];
}

export interface Mount {
  prefix: string;
  handle(request: IncomingMessage, response: ServerResponse): void;
}

export interface ApiServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

type Handler = (event: HttpEvent, context: Context) => Promise<HttpResult | string | undefined>;

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** API Gateway's own payload limit; the handlers enforce the API's smaller one with a problem+json 413. */
const maxPayloadBytes = 10 * 1024 * 1024;

const modules = new Map<string, Promise<Handler>>();
const loadHandler = (path: string): Promise<Handler> => {
  let loaded = modules.get(path);
  if (!loaded) {
    loaded = import(pathToFileURL(resolve(root, path)).href).then((m: { handler?: Handler }) => {
      if (typeof m.handler !== 'function') throw new Error(`${path} exports no handler`);
      return m.handler;
    });
    modules.set(path, loaded);
  }
  return loaded;
};

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxPayloadBytes) chunks.push(chunk);
    });
    request.on('end', () =>
      size > maxPayloadBytes ? fail(new HttpProblem(413, 'the body is too large')) : done(Buffer.concat(chunks)),
    );
    request.on('error', fail);
  });

/** Like API Gateway: header values joined by commas, names lower-cased. */
const headersOf = (request: IncomingMessage): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
};

const send = (response: ServerResponse, result: HttpResult): void => {
  const body = result.body === undefined ? '' : result.body;
  const payload = result.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  const headers: Record<string, string | number | boolean | string[]> = { ...result.headers };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  response.writeHead(result.statusCode ?? 200, { ...headers, 'content-length': payload.byteLength });
  response.end(payload);
};

/** API Gateway's reading of a payload-2.0 result that is not a structured response: JSON with status 200. */
const normalize = (result: HttpResult | string | undefined): HttpResult =>
  typeof result === 'object' && result !== null && 'statusCode' in result
    ? result
    : { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result ?? null) };

export const startApiServer = async (options: ApiServerOptions): Promise<ApiServer> => {
  const table = options.routes ?? routeTable;
  const authorize = createJwtAuthorizer(options.jwt);

  const verify = async (authorization: string | undefined): Promise<Record<string, string>> => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw unauthorized();
    try {
      return authorizerClaims(await authorize(token));
    } catch {
      throw unauthorized('the bearer token is not valid');
    }
  };

  const devRoutes = async (method: string, path: string, body: Buffer): Promise<HttpResult | undefined> => {
    const issuer = options.devIssuer;
    if (!issuer) return undefined;
    if (method === 'GET' && path === '/.well-known/jwks.json')
      return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(issuer.jwks) };
    if (path !== '/dev/token') return undefined;
    if (method !== 'POST')
      return problemResult(
        new HttpProblem(405, 'POST a { email, groups, companyId? } body', undefined, { allow: 'POST' }),
      );
    let data: unknown;
    try {
      data = JSON.parse(body.toString('utf8'));
    } catch {
      return problemResult(badRequest('the body is not valid JSON'));
    }
    const parsed = devTokenRequest.safeParse(data);
    if (!parsed.success)
      return problemResult(
        badRequest(
          'send { email, groups, companyId? }',
          parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        ),
      );
    const { expiresInSeconds, ...claims } = parsed.data;
    const token = await issuer.token(claims, expiresInSeconds ? { expiresInSeconds } : undefined);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: JSON.stringify({ token }),
    };
  };

  const answer = async (request: IncomingMessage, seen: { route: string }): Promise<HttpResult> => {
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://local');
    const body = await readBody(request);
    const dev = await devRoutes(method, url.pathname, body);
    if (dev) {
      seen.route = url.pathname;
      return dev;
    }
    const match = matchRoute(table, method, url.pathname);
    if (match.kind !== 'route') return problemResult(unmatchedProblem(match, method, url.pathname));
    const { route, params } = match;
    seen.route = route.path;
    const headers = headersOf(request);
    // A route integrations call too has no authorizer on AWS either: its handler verifies the token itself.
    const claims = route.auth === 'jwt' && !route.scope ? await verify(headers.authorization) : undefined;
    const requestId = randomUUID();
    const event = apiEvent({
      route,
      params,
      url,
      method,
      headers,
      body,
      requestId,
      ...(claims && { claims }),
      sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
      protocol: `HTTP/${request.httpVersion}`,
    });
    const handler = await loadHandler(route.handler);
    try {
      return normalize(await handler(event, lambdaContext(route, requestId)));
    } catch {
      // What API Gateway answers when the integration fails; the handler's own log says why.
      return {
        statusCode: 500,
        headers: { 'content-type': 'application/json' },
        body: '{"message":"Internal Server Error"}',
      };
    }
  };

  const mountFor = (url: string | undefined): Mount | undefined => {
    const path = (url ?? '/').split('?')[0] ?? '/';
    return options.mounts?.find((m) => path === m.prefix || path.startsWith(`${m.prefix}/`));
  };

  const server = createServer((request, response) => {
    const mount = mountFor(request.url);
    if (mount) {
      mount.handle(request, response);
      return;
    }
    const started = performance.now();
    const seen = { route: '(no route)' };
    answer(request, seen)
      .catch((error: unknown) =>
        problemResult(error instanceof HttpProblem ? error : new HttpProblem(500, 'the local API failed')),
      )
      .then((result) => {
        send(response, result);
        const ms = Math.round(performance.now() - started);
        options.log?.(`${request.method} ${seen.route} → ${result.statusCode ?? 200} (${ms} ms)`);
      });
  });
  server.keepAliveTimeout = 1000;
  const port = await listenOn(server, options.port, 'the local HTTP API', options.host);
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    stop: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
};
