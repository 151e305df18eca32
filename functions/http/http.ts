import { Buffer } from 'node:buffer';
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { type Caller, callerFromClaims, InvalidClaims } from '#domain/caller.ts';
import {
  AlreadyDecided,
  Contradiction,
  Forbidden,
  InvalidInput,
  LeavingRefused,
  NotFound,
  NotNow,
  RetryLater,
  Unavailable,
  UnfitInput,
  VersionMismatch,
} from '#domain/errors.ts';
import { type IntegrationScope, isIntegration, type Principal } from '#domain/integration.ts';
import { IllegalOrderTransition, IllegalTransition } from '#domain/lifecycle.ts';
import { mayCallRoute } from '#domain/policy.ts';
import {
  AccountsTakenElsewhere,
  AccountsUnavailable,
  AccountTaken,
  NoInvitationToResend,
} from '#functions/accounts/ports.ts';
import { fallbackLocale } from '#i18n/locales.ts';
import { DocumentUnwritable } from '#rendering/order-documents/document-order.ts';
import { BadCursorError, ConflictError, StaleRevision } from '#store/ports.ts';
import { principalOfBearer } from './principal.ts';
import {
  badRequest,
  type FieldError,
  forbidden,
  HttpProblem,
  notFound,
  unauthorized,
  unprocessable,
  versionConflict,
} from './problem.ts';
import type { ResponseDef } from './responses.ts';
import { refuseRevokedToken } from './revocation.ts';
import type { RouteDef } from './routes.ts';
import { sourceMappedStack } from './source-mapped-stack.ts';
import { logger } from './telemetry.ts';

/**
 * The one middleware stack of every HTTP handler: telemetry, header normalizing, body parsing, zod validation,
 * authentication and role checks, domain-error mapping to problem+json, and the security headers.
 */

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;

const maxBodyBytes = 256 * 1024;

type Output<R, K extends string, Fallback> = R extends { [P in K]: infer S extends z.ZodType } ? z.output<S> : Fallback;

export interface HttpRequest<R extends RouteDef> {
  params: Output<R, 'params', Record<string, never>>;
  query: Output<R, 'query', Record<string, never>>;
  body: Output<R, 'body', undefined>;
  /** A person; on a route machines may call too (it names a `scope`), a person or an integration. */
  caller: R['auth'] extends 'jwt' ? (R extends { scope: IntegrationScope } ? Principal : Caller) : undefined;
  /** Lower-cased names; those the route declares are validated and typed. */
  headers: Output<R, 'headers', unknown> & Record<string, string | undefined>;
  log: Logger;
  event: HttpEvent;
  context: Context;
}

/** A header left undefined is not sent (two replies of one handler may name different headers). */
type Headers = Record<string, string | undefined>;

export type Reply =
  | { status: number; body?: unknown; headers?: Headers }
  | { status: number; html: string; headers?: Headers }
  /** Any other text (a CSV export): its media type is the handler's to name. */
  | { status: number; text: string; contentType: string; headers?: Headers }
  /** A document (the quote PDF): sent base64-encoded, as API Gateway passes binary bodies. */
  | { status: number; bytes: Uint8Array; contentType: string; headers?: Headers };

type Answers<R extends { responses: Record<number, ResponseDef> }> = R['responses'];
type Status<R extends { responses: Record<number, ResponseDef> }> = keyof Answers<R> & number;
type ContentOf<A> = A extends { content: infer C } ? C : never;
type JsonOf<A> = ContentOf<A> extends { 'application/json': infer J extends z.ZodType } ? J : never;

/** The statuses whose answer has content of type `M`; those without content when `M` is never. */
type StatusesWith<R extends { responses: Record<number, ResponseDef> }, M extends string> = {
  [S in Status<R>]: [M] extends [never]
    ? [ContentOf<Answers<R>[S]>] extends [never]
      ? S
      : never
    : M extends keyof ContentOf<Answers<R>[S]>
      ? S
      : never;
}[Status<R>];

/** The statuses whose JSON body has the schema `J`: one reply type for all of them (the email links' outcomes). */
type StatusesWithJson<R extends { responses: Record<number, ResponseDef> }, J> = {
  [S in Status<R>]: [JsonOf<Answers<R>[S]>] extends [J] ? ([J] extends [JsonOf<Answers<R>[S]>] ? S : never) : never;
}[Status<R>];

type JsonReply<R extends { responses: Record<number, ResponseDef> }> = {
  [S in Status<R>]: [JsonOf<Answers<R>[S]>] extends [never]
    ? never
    : { status: StatusesWithJson<R, JsonOf<Answers<R>[S]>>; body: z.input<JsonOf<Answers<R>[S]>>; headers?: Headers };
}[Status<R>];

type KindReply<S, Fields> = [S] extends [never] ? never : { status: S; headers?: Headers } & Fields;

/**
 * What a route's handler may return: one of the answers its definition declares, a JSON body typed by that answer's
 * schema — so a view that drifts from the documented schema does not compile. Problems are thrown, not returned.
 */
export type ReplyTo<R extends { responses: Record<number, ResponseDef> }> =
  | JsonReply<R>
  | KindReply<StatusesWith<R, 'text/html'>, { html: string }>
  | KindReply<
      StatusesWith<R, 'text/csv' | 'application/xml' | 'application/edi-x12'>,
      { text: string; contentType: string }
    >
  | KindReply<StatusesWith<R, 'application/pdf'>, { bytes: Uint8Array; contentType: string }>
  | KindReply<StatusesWith<R, never>, { body?: undefined }>;

const securityHeaders = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};
const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const pagePolicy =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * Everything here carries data or decides something; nothing may be cached unless a handler says so. Every answer
 * names the language its words are in: English unless the handler renders for a reader in another (a link page, the
 * PDF, in the reader's language, send their own `content-language`).
 */
const render = (reply: Reply): HttpResult => {
  const html = 'html' in reply;
  const headers: Record<string, string> = {
    ...securityHeaders,
    'cache-control': 'no-store',
    'content-language': fallbackLocale,
    'content-security-policy': html ? pagePolicy : apiPolicy,
    ...(html
      ? { 'content-type': 'text/html; charset=utf-8' }
      : 'text' in reply || 'bytes' in reply
        ? { 'content-type': reply.contentType }
        : reply.body !== undefined && { 'content-type': 'application/json' }),
    ...Object.fromEntries(
      Object.entries(reply.headers ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [[k.toLowerCase(), v]])),
    ),
  };
  if ('bytes' in reply)
    return {
      statusCode: reply.status,
      headers,
      body: Buffer.from(reply.bytes).toString('base64'),
      isBase64Encoded: true,
    };
  const body = html
    ? reply.html
    : 'text' in reply
      ? reply.text
      : reply.body === undefined
        ? ''
        : JSON.stringify(reply.body);
  return { statusCode: reply.status, headers, body };
};

export const problemReply = (problem: HttpProblem): Reply => ({
  status: problem.status,
  body: problem.toProblem(),
  headers: { 'content-type': 'application/problem+json', ...problem.headers },
});

/** A problem as an API Gateway result, with the same headers every route sends. */
export const problemResult = (problem: HttpProblem): HttpResult => render(problemReply(problem));

/** Domain and adapter errors as HTTP problems; anything unknown is a 500 that says nothing about internals. */
export const toProblem = (error: unknown): HttpProblem => {
  if (error instanceof HttpProblem) return error;
  if (error instanceof Forbidden) return forbidden(error.message);
  if (error instanceof NotFound) return notFound(error.message);
  if (error instanceof VersionMismatch) return versionConflict(error.message, error.currentVersion);
  if (error instanceof AlreadyDecided || error instanceof NotNow) return new HttpProblem(409, error.message);
  if (error instanceof RetryLater)
    return new HttpProblem(409, error.message, undefined, { 'retry-after': String(error.afterSeconds) });
  if (error instanceof InvalidInput) return badRequest(error.message, error.errors);
  if (error instanceof UnfitInput) return unprocessable(error.message, error.errors);
  if (error instanceof Unavailable)
    return new HttpProblem(
      503,
      error.message,
      undefined,
      { 'retry-after': String(error.afterSeconds) },
      { cause: error },
    );
  if (error instanceof IllegalTransition || error instanceof IllegalOrderTransition)
    return new HttpProblem(409, error.message);
  if (error instanceof Contradiction) return new HttpProblem(409, error.message, error.errors);
  if (error instanceof DocumentUnwritable) return new HttpProblem(409, error.message);
  if (error instanceof ConflictError) return new HttpProblem(409, 'somebody else changed this first; reload and retry');
  if (error instanceof StaleRevision)
    return new HttpProblem(
      412,
      'Somebody else saved this company since you opened it: reload to see their changes, then make yours again',
    );
  if (error instanceof BadCursorError)
    return badRequest('the cursor is not one this list gave out', [{ path: 'cursor', message: 'invalid cursor' }]);
  if (error instanceof InvalidClaims) return unauthorized(error.message);
  // The user pool's refusals: a person who signs in elsewhere (nothing saved), or a pool that did not answer.
  if (error instanceof AccountsTakenElsewhere || error instanceof LeavingRefused)
    return new HttpProblem(409, error.message, error.errors);
  if (error instanceof AccountTaken)
    return new HttpProblem(409, `${error.email} already signs in for another company or for the seller`);
  if (error instanceof NoInvitationToResend) return new HttpProblem(409, error.message);
  if (error instanceof AccountsUnavailable)
    return new HttpProblem(503, error.message, undefined, { 'retry-after': '5' }, { cause: error });
  const name = error instanceof Error ? error.name : '';
  if (name === 'WaitGoneError') return new HttpProblem(409, 'this was already decided or has expired');
  if (name === 'IdempotencyValidationError')
    return new HttpProblem(422, 'this Idempotency-Key was already used with a different request body');
  return new HttpProblem(500, 'something went wrong on our side; the request id is in the logs');
};

const fieldErrors = (prefix: string, error: z.ZodError): FieldError[] =>
  error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean);
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: 'unknown field' }));
    return [{ path: base.join('.') || prefix || 'body', message: issue.message }];
  });

/** A form's fields by name (the last value of a repeated one); schemas give them their shape. */
const formFields = (text: string): Record<string, string> => Object.fromEntries(new URLSearchParams(text));

/**
 * The raw body as data; a missing body is `undefined`. JSON everywhere; a form only where the route takes one (the
 * email-link pages post forms). Anything else — curl's default form encoding on a JSON route included — is 415 naming
 * what to send, rather than a form read as one strange field.
 */
export const parseBody = (event: HttpEvent, takesForms = false, largest = maxBodyBytes): unknown => {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > largest) throw new HttpProblem(413, `the body is larger than ${largest} bytes`);
  const text = raw.toString('utf8');
  const type = (event.headers['content-type'] ?? 'application/json').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded' && takesForms) return formFields(text);
  if (type !== 'application/json' && !type.endsWith('+json'))
    throw new HttpProblem(
      415,
      `send the body as application/json (Content-Type: application/json)${takesForms ? ' or as a form' : ''}, not ${type}`,
      undefined,
      { accept: takesForms ? 'application/json, application/x-www-form-urlencoded' : 'application/json' },
    );
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('the body is not valid JSON');
  }
};

type Checked = { ok: true; value: unknown } | { ok: false; errors: FieldError[] };

const check = (schema: z.ZodType | undefined, value: unknown, where: string): Checked => {
  if (!schema) return { ok: true, value };
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: fieldErrors(where, result.error) };
};

/** Why a principal may not pass a route's gate, in words that say what it needs and what it has. */
const refusal = (spec: RouteDef, principal: Principal): string =>
  isIntegration(principal)
    ? `this needs the scope ${spec.scope ?? '(none: it is for people only)'}; your token's scopes: ${principal.scopes.join(' ') || 'none that count here'}`
    : `this needs the role ${spec.roles?.join(' or ')}; your token's roles: ${principal.groups.join(', ') || 'none that count here'}`;

/**
 * The caller of a route: on a people's route from the claims API Gateway's JWT authorizer verified; on a route
 * machines may call too (it names a `scope`), from the bearer token it verifies itself (principal.ts). The gate is the
 * policy's (a person's roles, an integration's scope); a person's token is then checked against their revocation.
 */
const authenticate = async (spec: RouteDef, event: HttpEvent): Promise<Principal | undefined> => {
  if (spec.auth === 'public') return undefined;
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  if (!spec.scope && !claims) throw unauthorized();
  const { principal, issuedAt } = spec.scope
    ? await principalOfBearer(event.headers.authorization)
    : { principal: callerFromClaims(claims ?? {}), issuedAt: claims?.iat };
  if (!mayCallRoute(principal, spec)) throw forbidden(refusal(spec, principal));
  if (!isIntegration(principal)) await refuseRevokedToken(principal.email, issuedAt);
  return principal;
};

/** Parses and validates params, query, declared headers and body at once, so a 400 names every bad field at once. */
const parseInput = (spec: RouteDef, event: HttpEvent) => {
  const params = check(spec.params, event.pathParameters ?? {}, 'path');
  const query = check(spec.query, event.queryStringParameters ?? {}, 'query');
  const headers = check(spec.headers, event.headers ?? {}, 'headers');
  const body = check(spec.body, spec.body ? parseBody(event, spec.forms === true, spec.maxBodyBytes) : undefined, '');
  const errors = [params, query, headers, body].flatMap((part) => (part.ok ? [] : part.errors));
  if (errors.length > 0) throw badRequest('the request has invalid fields', errors);
  const value = (part: Checked) => (part.ok ? part.value : undefined);
  return { params: value(params), query: value(query), headers: value(headers), body: value(body) };
};

/**
 * A request that failed on our side is logged with its route, status and duration; every other request only by the
 * API's access log (infra/api.ts: request id, route, status, latency), which the function no longer repeats per
 * request as a log line and a metric: that was a third of what the middleware spent per request.
 */
const outcome = (spec: RouteDef & { key: string }): MiddlewareObj<HttpEvent, HttpResult> => {
  const started = new WeakMap<object, number>();
  const record = (status: number, startedAt: number | undefined) => {
    if (status >= 500)
      logger.error('request failed', {
        route: spec.key,
        status,
        durationMs: startedAt ? Date.now() - startedAt : undefined,
      });
  };
  return {
    before: (request) => {
      started.set(request, Date.now());
      logger.setCorrelationId(request.event.requestContext?.requestId);
      logger.appendKeys({ route: spec.key });
      const rfqId = request.event.pathParameters?.rfqId;
      if (rfqId) logger.appendKeys({ rfqId });
    },
    after: (request) => {
      record(request.response?.statusCode ?? 200, started.get(request));
    },
    onError: (request) => {
      const problem = toProblem(request.error);
      if (problem.status >= 500) {
        const error = request.error as Error;
        if (error.stack) error.stack = sourceMappedStack(error.stack);
        logger.error('unexpected error', { error });
      }
      request.response = problemResult(problem);
      record(problem.status, started.get(request));
    },
  };
};

/**
 * Wraps a route's handler: `http(route('POST /rfqs/{rfqId}/accept'), async ({ params, body, caller }) => ...)`.
 * The handler sees validated, typed input and an authenticated caller; it returns JSON or an HTML page.
 */
export const http = <R extends RouteDef & { key: string }, const Answer extends ReplyTo<R>>(
  spec: R,
  // `const`: a handler's `status: 200` stays the literal that picks the declared answer its body is checked against.
  handle: (request: HttpRequest<R>) => Promise<Answer>,
) =>
  middy<HttpEvent, HttpResult, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpHeaderNormalizer())
    .use(outcome(spec))
    .handler(async (event, context) => {
      const caller = await authenticate(spec, event);
      const input = parseInput(spec, event);
      const reply = await handle({
        params: input.params,
        query: input.query,
        body: input.body,
        caller,
        headers: { ...event.headers, ...(input.headers as object) },
        log: logger,
        event,
        context,
      } as HttpRequest<R>);
      return render(reply);
    });
