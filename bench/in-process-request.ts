import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { decodeJwt } from 'jose';
import type { HttpEvent, HttpResult } from '#http/http.ts';
import { type RouteKey, routes } from '#http/routes.ts';
import { apiEvent, authorizerClaims, lambdaContext } from '#local/api-event.ts';

export type HttpHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

/**
 * The event and context a handler gets for one request, built exactly as the local API server builds them (after it
 * has verified the token), so a handler can be called in process and timed without HTTP and JWT verification.
 */
export const inProcessRequest = (
  key: RouteKey,
  request: {
    path: string;
    token: string;
    params?: Record<string, string>;
    headers?: Record<string, string>;
    body?: string;
  },
): { event: HttpEvent; context: Context } => {
  const route = routes.find((r) => r.key === key);
  if (!route) throw new Error(`no route ${key}`);
  const requestId = randomUUID();
  return {
    event: apiEvent({
      route,
      params: request.params ?? {},
      url: new URL(request.path, 'http://localhost'),
      method: route.method,
      headers: { host: 'localhost', 'content-type': 'application/json', ...request.headers },
      body: Buffer.from(request.body ?? '', 'utf8'),
      requestId,
      claims: authorizerClaims(decodeJwt(request.token)),
    }),
    context: lambdaContext(route, requestId),
  };
};
