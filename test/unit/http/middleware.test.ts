import type { Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { NotFound, Unavailable, UnfitInput } from '#domain/errors.ts';
import { IllegalTransition } from '#domain/lifecycle.ts';
import { type HttpEvent, type HttpResult, http, type ReplyTo } from '#http/http.ts';
import { notFound } from '#http/problem.ts';
import { htmlPage, json } from '#http/responses.ts';
import { readRevocationsFrom, refuseRevokedToken } from '#http/revocation.ts';
import type { RouteDef } from '#http/routes.ts';
import { BadCursorError, ConflictError } from '#store/ports.ts';
import { WaitGoneError } from '../../../functions/workflow/ports.ts';

const thing = {
  key: 'POST /things/{thingId}',
  method: 'POST',
  path: '/things/{thingId}',
  handler: 'functions/http/thing.ts',
  auth: 'jwt',
  roles: ['buyer'],
  summary: 'a test route',
  params: z.strictObject({ thingId: z.string().regex(/^t-\d+$/) }),
  body: z.strictObject({ quantity: z.number().int().min(1), name: z.string().max(10) }),
  responses: {
    200: json(z.record(z.string(), z.unknown())),
    410: { description: 'gone', content: { 'text/html': htmlPage } },
  },
  needs: { table: 'read' },
} satisfies RouteDef & { key: string };

const buyerClaims = {
  sub: 'u-1',
  email: 'Bea@Acme.example',
  'custom:companyId': 'acme',
  'cognito:groups': '[buyer approver]',
};

const anEvent = (changes: Partial<HttpEvent> & { claims?: Record<string, string> | null } = {}): HttpEvent => {
  const { claims = buyerClaims, ...rest } = changes;
  return {
    version: '2.0',
    routeKey: thing.key,
    rawPath: '/things/t-1',
    rawQueryString: '',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer secret-token-value' },
    pathParameters: { thingId: 't-1' },
    requestContext: {
      accountId: '1',
      apiId: 'api',
      domainName: 'example.com',
      domainPrefix: 'example',
      http: { method: 'POST', path: '/things/t-1', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: thing.key,
      stage: '$default',
      time: '',
      timeEpoch: 0,
      ...(claims && { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } } }),
    },
    body: JSON.stringify({ quantity: 2, name: 'bolts' }),
    isBase64Encoded: false,
    ...rest,
  } as HttpEvent;
};

const context = { functionName: 'test', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 10_000 } as Context;

const call = async (
  event: HttpEvent,
  handle: () => Promise<ReplyTo<typeof thing>> = async () => ({ status: 200, body: { ok: true } }),
) => (await http(thing, handle)(event, context)) as HttpResult & { headers: Record<string, string>; body: string };

const problemOf = (result: { body: string }) => JSON.parse(result.body);

afterEach(() => vi.restoreAllMocks());

/** The middleware alone: nobody's tokens were revoked (revocations are the e2e tests' and the store's). */
let storeRevocations: () => void;
beforeAll(() => {
  storeRevocations = readRevocationsFrom({ validSince: async () => undefined });
});
afterAll(() => storeRevocations());

describe('the HTTP middleware', () => {
  it('hands the handler typed, validated input and the caller from the claims', async () => {
    const seen = vi.fn(async () => ({ status: 200 as const, body: {} }));
    await http(thing, seen)(anEvent(), context);
    expect(seen).toHaveBeenCalledWith(
      expect.objectContaining({
        params: { thingId: 't-1' },
        body: { quantity: 2, name: 'bolts' },
        caller: { sub: 'u-1', email: 'bea@acme.example', groups: ['buyer', 'approver'], companyId: 'acme' },
      }),
    );
  });

  it('names every invalid field in one 400 problem', async () => {
    const result = await call(
      anEvent({
        pathParameters: { thingId: 'nope' },
        body: JSON.stringify({ quantity: 0, name: 'x'.repeat(11), colour: 'red' }),
      }),
    );
    expect(result.statusCode).toBe(400);
    expect(result.headers['content-type']).toBe('application/problem+json');
    const problem = problemOf(result);
    expect(problem).toMatchObject({ status: 400, title: 'Bad Request', type: expect.stringContaining('bad-request') });
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'colour',
      'name',
      'path.thingId',
      'quantity',
    ]);
  });

  it('answers malformed JSON with 400, an oversized body with 413, a strange media type with 415', async () => {
    expect((await call(anEvent({ body: '{"quantity": 2,' }))).statusCode).toBe(400);
    expect((await call(anEvent({ body: JSON.stringify({ name: 'x'.repeat(300 * 1024) }) }))).statusCode).toBe(413);
    expect(
      (await call(anEvent({ headers: { 'content-type': 'text/plain', authorization: 'Bearer x' } }))).statusCode,
    ).toBe(415);
  });

  it('answers a form posted to a JSON route with 415 naming application/json, not "unknown field"', async () => {
    const result = await call(
      anEvent({
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer x' },
        body: '{"quantity":2,"name":"x"}',
      }),
    );
    expect(result.statusCode).toBe(415);
    expect(problemOf(result).detail).toContain('application/json');
    expect(result.headers.accept).toBe('application/json');
  });

  it('reads a missing body as a 400 naming the body', async () => {
    const result = await call(anEvent({ body: undefined }));
    expect(result.statusCode).toBe(400);
    expect(problemOf(result).errors).toEqual([{ path: 'body', message: expect.any(String) }]);
  });

  it('checks the headers a route declares, naming a missing or malformed one', async () => {
    const keyed = { ...thing, headers: z.object({ 'idempotency-key': z.string().regex(/^k-\d+$/) }) };
    const seen = vi.fn(async () => ({ status: 200 as const, body: {} }));
    const missing = (await http(keyed, seen)(anEvent(), context)) as HttpResult & { body: string };
    expect(missing.statusCode).toBe(400);
    expect(problemOf(missing).errors).toEqual([{ path: 'headers.idempotency-key', message: expect.any(String) }]);
    const malformed = (await http(keyed, seen)(
      anEvent({ headers: { 'content-type': 'application/json', 'Idempotency-Key': 'nope' } }),
      context,
    )) as HttpResult & { body: string };
    expect(problemOf(malformed).errors).toEqual([{ path: 'headers.idempotency-key', message: expect.any(String) }]);
    await http(keyed, seen)(
      anEvent({ headers: { 'content-type': 'application/json', 'Idempotency-Key': 'k-1' } }),
      context,
    );
    expect(seen).toHaveBeenCalledOnce();
    expect(seen).toHaveBeenCalledWith(
      expect.objectContaining({ headers: expect.objectContaining({ 'idempotency-key': 'k-1' }) }),
    );
  });

  it('parses forms and base64 bodies', async () => {
    const seen = vi.fn(async () => ({ status: 200 as const, body: {} }));
    const formRoute = {
      ...thing,
      forms: true,
      body: z.strictObject({ quantity: z.coerce.number(), name: z.string() }),
    };
    await http(formRoute, seen)(
      anEvent({
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer x' },
        body: Buffer.from('quantity=3&name=a%20b').toString('base64'),
        isBase64Encoded: true,
      }),
      context,
    );
    expect(seen).toHaveBeenCalledWith(expect.objectContaining({ body: { quantity: 3, name: 'a b' } }));
  });

  it('answers 401 without claims and 403 for the wrong role', async () => {
    const anonymous = await call(anEvent({ claims: null }));
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    const rep = await call(anEvent({ claims: { sub: 'u-2', email: 'rep@seller.example', 'cognito:groups': '[rep]' } }));
    expect(rep.statusCode).toBe(403);
    expect(JSON.parse(rep.body ?? '').detail).toBe("this needs the role buyer; your token's roles: rep");
    const companyRep = await call(
      anEvent({
        claims: { sub: 'u-4', email: 'x@acme.example', 'cognito:groups': '[rep]', 'custom:companyId': 'acme' },
      }),
    );
    expect(JSON.parse(companyRep.body ?? '').detail).toBe(
      "this needs the role buyer; your token's roles: none that count here",
    );
    const noEmail = await call(anEvent({ claims: { sub: 'u-3', 'cognito:groups': '[buyer]' } }));
    expect(noEmail.statusCode).toBe(401);
  });

  it.each([
    ['an illegal transition', 409, new IllegalTransition('accept', 'IN_REVIEW')],
    ['a lost optimistic lock', 409, new ConflictError('stale')],
    ['a foreign cursor', 400, new BadCursorError('bad')],
    ['a wait that is gone', 409, new WaitGoneError('TaskTimedOut')],
    ['a resource the caller may not see', 404, notFound('no RFQ x')],
    ['a use case that finds nothing the caller may see', 404, new NotFound('no RFQ x')],
  ] as const)('maps %s to %i problem+json', async (_, status, error) => {
    const result = await call(anEvent(), async () => {
      throw error;
    });
    expect(result.statusCode).toBe(status);
    expect(result.headers['content-type']).toBe('application/problem+json');
    expect(problemOf(result).status).toBe(status);
  });

  it('maps a use case’s unfit input to 422 naming the field, and a service that did not answer to 503 with Retry-After', async () => {
    const unfit = await call(anEvent(), async () => {
      throw new UnfitInput('that person is not a buyer of this company', [
        { path: 'buyerEmail', message: 'not a buyer' },
      ]);
    });
    expect(unfit.statusCode).toBe(422);
    expect(problemOf(unfit).errors).toEqual([{ path: 'buyerEmail', message: 'not a buyer' }]);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const unavailable = await call(anEvent(), async () => {
      throw new Unavailable('the RFQ is stored but its workflow did not start', 1, { cause: new Error('throttled') });
    });
    expect(unavailable.statusCode).toBe(503);
    expect(unavailable.headers['retry-after']).toBe('1');
    expect(problemOf(unavailable).detail).toBe('the RFQ is stored but its workflow did not start');
  });

  it('answers an unexpected error with a 500 that discloses nothing, and logs it without the token', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await call(anEvent(), async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.7:8000 table quote-to-order');
    });
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toMatch(/ECONNREFUSED|10\.0\.0\.7|table/);
    const lines = logged.mock.calls.map((args) => args.map(String).join(' ')).join('\n');
    expect(lines).toContain('unexpected error');
    expect(lines).not.toContain('secret-token-value');
  });

  it('sends the security headers and no-store on every answer, errors included', async () => {
    for (const result of [await call(anEvent()), await call(anEvent({ claims: null }))]) {
      expect(result.headers).toMatchObject({
        'strict-transport-security': expect.stringContaining('max-age='),
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
        'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
      });
    }
  });

  it('names the language of every answer, English unless the handler renders in the reader’s', async () => {
    const answers = [
      await call(anEvent()),
      await call(anEvent({ claims: null })),
      await call(anEvent(), async () => ({ status: 410, html: '<p>expired</p>' })),
    ];
    expect(answers.map((a) => a.headers['content-language'])).toEqual(['en', 'en', 'en']);
    const swedish = await call(anEvent(), async () => ({
      status: 200,
      body: { saved: true },
      headers: { 'Content-Language': 'sv' },
    }));
    expect(swedish.headers['content-language']).toBe('sv');
  });

  it('serves HTML pages with a page policy', async () => {
    const result = await call(anEvent(), async () => ({ status: 410, html: '<p>expired</p>' }));
    expect(result.statusCode).toBe(410);
    expect(result.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(result.headers['content-security-policy']).toContain("default-src 'none'");
    expect(result.body).toBe('<p>expired</p>');
  });
});

describe('a revoked person’s tokens', () => {
  const revokedAt = 1_800_000_000;
  const at = (seconds: number) => seconds * 1000;

  it('are refused when issued before the revocation, taken when issued after, and a token without iat is refused', async () => {
    const restore = readRevocationsFrom({ validSince: async () => revokedAt });
    try {
      await expect(refuseRevokedToken('pat@acme.example', String(revokedAt - 60), at(revokedAt))).rejects.toMatchObject(
        {
          status: 401,
        },
      );
      await expect(refuseRevokedToken('pat@acme.example', String(revokedAt), at(revokedAt))).resolves.toBeUndefined();
      await expect(refuseRevokedToken('pat@acme.example', undefined, at(revokedAt))).rejects.toMatchObject({
        status: 401,
      });
    } finally {
      restore();
    }
  });

  it('are read once per person per half minute at most: a revocation reaches a warm container within 30 s', async () => {
    let validSince: number | undefined;
    let reads = 0;
    const restore = readRevocationsFrom({
      validSince: async () => {
        reads += 1;
        return validSince;
      },
    });
    try {
      const issued = String(revokedAt - 3600);
      await refuseRevokedToken('pat@acme.example', issued, at(revokedAt - 10));
      validSince = revokedAt;
      await refuseRevokedToken('pat@acme.example', issued, at(revokedAt + 19));
      expect(reads).toBe(1);
      await expect(refuseRevokedToken('pat@acme.example', issued, at(revokedAt + 20))).rejects.toMatchObject({
        status: 401,
      });
      expect(reads).toBe(2);
    } finally {
      restore();
    }
  });
});
