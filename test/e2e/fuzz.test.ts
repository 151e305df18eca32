import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { hashLinkToken, mintLinkToken } from '#application/link-token.ts';
import { dynamoClient } from '#functions/clients/dynamodb.ts';
import type { HttpEvent, HttpResult } from '#http/http.ts';
import { type RouteDef, type RouteKey, route, routes } from '#http/routes.ts';
import { apiEvent, authorizerClaims, lambdaContext } from '../../local/api-event.ts';
import { aQuote } from '../builders/quote.ts';
import type { User } from './api.ts';
import { checkAnswer } from './contract.ts';
import { useTestStack } from './test-stack.ts';
import { acme, bolts, people, placedOrder, seed, submit } from './world.ts';

/**
 * Property-based fuzzing of every write route: start from a valid body and break one thing (a wrong type, a missing or
 * extra field, a number out of range, a negative or fractional amount of money, a huge or exotic string), or send
 * random JSON or no JSON at all. A body the route's schema refuses always gets a 4xx problem+json and writes nothing;
 * a body it accepts never gets a 5xx. Handlers are called in process with payload-2.0 events, as API Gateway would.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const pathsOf = (value: Json, prefix: Path = []): Path[] => {
  const children: Path[] = Array.isArray(value)
    ? value.flatMap((item, i) => pathsOf(item, [...prefix, i]))
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))
      : [];
  return prefix.length > 0 ? [prefix, ...children] : children;
};

const objectPathsOf = (value: Json): Path[] =>
  [[], ...pathsOf(value)].filter((path) => {
    const target = path.reduce<Json | undefined>((v, k) => (v as Record<string, Json>)?.[k as string], value);
    return target !== null && typeof target === 'object' && !Array.isArray(target);
  });

type Mutation =
  | { kind: 'set'; path: Path; value: Json }
  | { kind: 'delete'; path: Path }
  | { kind: 'extra'; path: Path; key: string; value: Json };

const mutate = (body: Json, mutation: Mutation): Json => {
  const copy = structuredClone(body);
  const parent = mutation.kind === 'extra' ? mutation.path : mutation.path.slice(0, -1);
  const holder = parent.reduce<Json>((v, k) => (v as Record<string, Json>)[k as string]!, copy) as Record<string, Json>;
  if (mutation.kind === 'extra') holder[mutation.key] = mutation.value;
  else {
    const last = mutation.path.at(-1)!;
    if (mutation.kind === 'delete') {
      if (Array.isArray(holder)) holder.splice(last as number, 1);
      else delete holder[last as string];
    } else holder[last as string] = mutation.value;
  }
  return copy;
};

const strange: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, [], {}, 0, -1, 1.5, -0.01, 12.345, 2 ** 53, 1e21, -(2 ** 31), '', ' '),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    'x'.repeat(2_100),
    '😀'.repeat(1_100),
    'x'.repeat(300 * 1024),
    '2026-02-30',
    'NOT-AN-EMAIL',
    '<script>',
  ),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }) as fc.Arbitrary<Json>,
);

/** A near-valid body (one field broken), random JSON, or a raw string that may not even be JSON. */
const bodies = (valid: Json): fc.Arbitrary<{ json?: Json; raw?: string }> => {
  const paths = pathsOf(valid);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...paths), value: strange }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...paths) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('extra' as const),
        path: fc.constantFrom(...objectPathsOf(valid)),
        key: fc.string({ minLength: 1, maxLength: 12 }),
        value: strange,
      }),
    },
  );
  return fc.oneof(
    { weight: 8, arbitrary: mutation.map((m) => ({ json: mutate(valid, m) })) },
    { weight: 1, arbitrary: (fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>).map((json) => ({ json })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((raw) => ({ raw })) },
  );
};

interface Target {
  key: RouteKey;
  path: string;
  params: Record<string, string>;
  valid: Json;
  as?: User;
}

const api = useTestStack('fuzz', { seed: false, holdWorkflow: true });
const targets: Target[] = [];

const handlers = new Map<string, (event: HttpEvent, context: unknown) => Promise<HttpResult>>();
/**
 * One bearer token per person for the run (they last 12 hours): signing one for each of a thousand bodies cost a
 * route that verifies its bearer more than its checks did.
 */
const bearers = new Map<string, Promise<string>>();
const bearerOf = (user: User): Promise<string> => {
  if (!bearers.has(user.email)) bearers.set(user.email, api.tokenFor(user));
  return bearers.get(user.email)!;
};
const invoke = async (target: Target, body: { json?: Json; raw?: string }, contentType = 'application/json') => {
  const spec = route(target.key);
  let handler = handlers.get(spec.handler);
  if (!handler) {
    handler = (await import(/* @vite-ignore */ pathToFileURL(resolve(spec.handler)).href)).handler as (
      e: HttpEvent,
      c: unknown,
    ) => Promise<HttpResult>;
    handlers.set(spec.handler, handler);
  }
  const requestId = randomUUID();
  const text = body.raw ?? JSON.stringify(body.json);
  const headers: Record<string, string> = { 'content-type': contentType, 'idempotency-key': requestId };
  // A route machines may call too verifies the bearer itself, as it does behind API Gateway.
  if ('scope' in spec && target.as) headers.authorization = `Bearer ${await bearerOf(target.as)}`;
  const event = apiEvent({
    route: spec,
    params: target.params,
    url: new URL(target.path, 'http://local'),
    method: spec.method,
    headers,
    body: Buffer.from(text ?? ''),
    requestId,
    ...(target.as && {
      claims: authorizerClaims({
        sub: `sub-${target.as.email}`,
        email: target.as.email,
        'cognito:groups': target.as.groups,
        ...(target.as.companyId && { 'custom:companyId': target.as.companyId }),
      }),
    }),
  });
  const result = await handler(event, lambdaContext(spec, requestId));
  // Called as API Gateway calls it, the handler's answer is held to the contract like every answer a test receives.
  checkAnswer({
    method: spec.method,
    url: new URL(target.path, 'http://local').href,
    status: result.statusCode ?? 200,
    contentType: result.headers?.['content-type'] === undefined ? null : String(result.headers['content-type']),
    text: result.body ?? '',
  });
  return result;
};

const itemCount = async (): Promise<number> => {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(
      new ScanCommand({
        TableName: api.tableName,
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey: start as never,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
};

/** What the middleware sees: JSON text parsed back (undefined dropped, -0 as 0), checked by the route's own schema. */
const acceptedBySchema = (target: Target, body: { json?: Json; raw?: string }): boolean => {
  if (body.raw !== undefined) return false;
  const schema = (route(target.key) as RouteDef).body as z.ZodType | undefined;
  // A route that takes no body (DELETE /me/delegation) ignores whatever comes: every body is as good as none.
  if (!schema) return true;
  const text = JSON.stringify(body.json);
  if (text === undefined || Buffer.byteLength(text) > 256 * 1024) return false;
  return schema.safeParse(JSON.parse(text)).success;
};

beforeAll(async () => {
  await seed(api);
  const open = await submit(api, people.acmeBuyer);
  const cancelled = await submit(api, people.acmeBuyer);
  const order = await placedOrder(api);
  const reports = {
    confirmation: {
      decision: 'change',
      lines: [{ lineId: 'L1', quantity: 8, unitPrice: 11_00, deliveryDate: '2026-12-20' }],
      reason: 'two back-ordered',
    },
    shipments: {
      shipmentId: 'S1',
      carrier: 'DHL',
      trackingNumber: 'TRK-1',
      trackingUrl: 'https://tracking.example/TRK-1',
      lines: [{ lineId: 'L1', quantity: 2 }],
    },
    invoices: { invoiceNumber: 'INV-1', amount: 96_00, currency: 'USD', dueDate: '2027-01-20' },
    cancellation: { reason: 'discontinued' },
  };
  const cancel = await api.call('POST', `/rfqs/${cancelled}/cancel`, { as: people.acmeBuyer });
  expect(cancel.status).toBe(202);
  const rfq = (rfqId: string, verb: string) => ({ path: `/rfqs/${rfqId}/${verb}`, params: { rfqId } });
  const integration = async (name: string): Promise<string> => {
    const made = await api.call('POST', '/integrations', { as: people.admin, body: { name, scopes: ['orders.read'] } });
    expect(made.status).toBe(201);
    return (made.body as { integrationId: string }).integrationId;
  };
  const erp = await integration('Fuzzed ERP');
  const doomed = await integration('Fuzzed and deleted ERP');
  targets.push(
    {
      key: 'POST /rfqs',
      path: '/rfqs',
      params: {},
      as: people.acmeBuyer,
      valid: {
        lines: [{ sku: bolts.sku, quantity: 100, targetUnitPrice: 9_50 }],
        note: 'rush',
        requestedDeliveryDate: '2026-12-24',
      },
    },
    {
      key: 'POST /rfqs/{rfqId}/comments',
      ...rfq(open, 'comments'),
      as: people.acmeRep,
      valid: { text: 'Can ship from the Leeds stock next week.', visibility: 'seller' },
    },
    {
      key: 'POST /rfqs/{rfqId}/review',
      ...rfq(open, 'review'),
      as: people.acmeRep,
      valid: {
        decision: 'approve',
        adjustments: [{ sku: bolts.sku, unitPrice: 11_00 }],
        comment: 'ok',
        quoteVersion: 1,
      },
    },
    {
      key: 'POST /rfqs/{rfqId}/accept',
      ...rfq(open, 'accept'),
      as: people.acmeBuyer,
      valid: { poNumber: 'PO-1', quoteVersion: 1 },
    },
    {
      key: 'POST /rfqs/{rfqId}/decline',
      ...rfq(open, 'decline'),
      as: people.acmeBuyer,
      valid: { reason: 'too dear', quoteVersion: 1 },
    },
    {
      key: 'POST /rfqs/{rfqId}/revise',
      ...rfq(open, 'revise'),
      as: people.acmeBuyer,
      valid: { comment: 'cheaper?', quoteVersion: 1 },
    },
    {
      key: 'POST /rfqs/{rfqId}/cancel',
      ...rfq(cancelled, 'cancel'),
      as: people.acmeBuyer,
      valid: { reason: 'changed mind' },
    },
    {
      key: 'POST /rfqs/{rfqId}/approval',
      ...rfq(open, 'approval'),
      as: people.acmeApprover,
      valid: { decision: 'approve', comment: 'fine', quoteVersion: 1 },
    },
    {
      key: 'PUT /me/delegation',
      path: '/me/delegation',
      params: {},
      as: people.acmeApprover,
      valid: {
        delegateEmail: people.acmeAdmin.email,
        from: new Date(Date.now() + 86_400_000).toISOString(),
        to: new Date(Date.now() + 8 * 86_400_000).toISOString(),
      },
    },
    {
      key: 'DELETE /me/delegation',
      path: '/me/delegation',
      params: {},
      as: people.acmeApprover,
      valid: {},
    },
    {
      key: 'PUT /companies/{companyId}/budgets',
      path: '/companies/acme/budgets',
      params: { companyId: 'acme' },
      as: people.admin,
      valid: { timeZone: 'Europe/Berlin', fiscalYearStartMonth: 4, budgets: [{ period: 'month', amount: 1_500_00 }] },
    },
    {
      key: 'POST /approvals/{token}',
      path: '/approvals/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      params: { token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      valid: { decision: 'approve', comment: 'fine', adjustments: [{ sku: bolts.sku, unitPrice: 10_00 }] },
    },
    {
      key: 'PUT /products/{sku}',
      path: `/products/${bolts.sku}`,
      params: { sku: bolts.sku },
      as: people.admin,
      valid: {
        ...bolts,
        cost: 5_00,
        category: 'fasteners',
        taxClass: 'reduced',
        listPrices: [{ currency: 'SEK', listPrice: 110_00 }],
      } as Json,
    },
    {
      key: 'PUT /companies/{companyId}',
      path: '/companies/acme',
      params: { companyId: 'acme' },
      as: people.admin,
      valid: acme as Json,
    },
    {
      key: 'PUT /companies/{companyId}/users',
      path: '/companies/acme/users',
      params: { companyId: 'acme' },
      as: people.admin,
      valid: { users: acme.users } as Json,
    },
    {
      key: 'PUT /companies/{companyId}/users/{email}',
      path: `/companies/acme/users/${acme.users[0]!.email}`,
      params: { companyId: 'acme', email: acme.users[0]!.email },
      as: people.admin,
      valid: { name: acme.users[0]!.name, roles: acme.users[0]!.roles } as Json,
    },
    {
      key: 'POST /companies/{companyId}/users/{email}/invitation',
      path: `/companies/acme/users/${acme.users[0]!.email}/invitation`,
      params: { companyId: 'acme', email: acme.users[0]!.email },
      as: people.admin,
      valid: {},
    },
    {
      key: 'PUT /tax/settings',
      path: '/tax/settings',
      params: {},
      as: people.admin,
      valid: {
        homeCountry: 'SE',
        rates: [
          { country: 'SE', taxClass: 'standard', rate: 25, label: 'Moms' },
          { country: 'DE', taxClass: 'reduced', rate: 7, label: 'MwSt' },
        ],
      },
    },
    {
      key: 'PUT /companies/{companyId}/contract',
      path: '/companies/acme/contract',
      params: { companyId: 'acme' },
      as: people.admin,
      valid: {
        contractId: 'c-1',
        companyId: 'acme',
        currency: 'USD',
        validFrom: '2026-01-01',
        validTo: '2027-12-31',
        discountPercent: 5,
        prices: [{ sku: bolts.sku, unitPrice: 10_00, tiers: [{ minQty: 100, unitPrice: 9_00 }] }],
      },
    },
    ...(['confirmation', 'shipments', 'invoices', 'cancellation'] as const).map(
      (what): Target => ({
        key: `POST /integration/orders/{orderId}/${what}`,
        path: `/integration/orders/${order}/${what}`,
        params: { orderId: order },
        as: people.admin,
        valid: reports[what],
      }),
    ),
    {
      key: 'PUT /integrations/{integrationId}/webhook',
      path: `/integrations/${erp}/webhook`,
      params: { integrationId: erp },
      as: people.admin,
      // A closed local port: an endpoint the fuzzing enables is refused at once, never waited on.
      valid: { url: 'http://127.0.0.1:9/hooks', rotateSecret: true },
    },
    {
      key: 'DELETE /integrations/{integrationId}/webhook',
      path: `/integrations/${erp}/webhook`,
      params: { integrationId: erp },
      as: people.admin,
      valid: {},
    },
    {
      key: 'POST /integrations/{integrationId}/deliveries/{deliveryId}/retry',
      path: `/integrations/${erp}/deliveries/1/retry`,
      params: { integrationId: erp, deliveryId: '1' },
      as: people.admin,
      valid: {},
    },
    {
      key: 'POST /integrations',
      path: '/integrations',
      params: {},
      as: people.admin,
      valid: { name: 'Another ERP', scopes: ['orders.read', 'catalog.write'] },
    },
    {
      key: 'POST /integrations/{integrationId}/secret',
      path: `/integrations/${erp}/secret`,
      params: { integrationId: erp },
      as: people.admin,
      valid: {},
    },
    {
      key: 'DELETE /integrations/{integrationId}',
      path: `/integrations/${doomed}`,
      params: { integrationId: doomed },
      as: people.admin,
      valid: {},
    },
    {
      key: 'PUT /integration/products',
      path: '/integration/products',
      params: {},
      as: people.admin,
      valid: { products: [{ ...bolts, cost: 5_00, category: 'fasteners' }] } as Json,
    },
    {
      key: 'PUT /companies/{companyId}/approval-rules',
      path: '/companies/acme/approval-rules',
      params: { companyId: 'acme' },
      as: people.admin,
      valid: {
        rules: [
          {
            ruleId: 'big',
            name: 'Big spend',
            when: {
              all: [
                { field: 'total', op: 'gt', value: 5_000_00 },
                { not: { field: 'category', op: 'in', value: ['office'] } },
              ],
            },
            levels: [{ approvers: ['al@acme.example'], mode: 'any' }],
          },
        ],
      },
    },
  );
});

/** A real, open rep-review link on a priced RFQ: what the rep's email form posts to. */
const openReviewLink = async (): Promise<Target> => {
  const rfqId = await submit(api, people.acmeBuyer);
  const submitted = (await api.store.rfqs.get(rfqId))!;
  const quote = aQuote().withLine(bolts.sku, 100, 9_00, { contractPrice: 9_00, cost: 6_00 }).build();
  await api.store.rfqs.transition(
    submitted,
    'price',
    { quote },
    { actor: { email: 'fuzz@seller.example', role: 'system' }, action: 'priced' },
  );
  const { token, tokenHash } = mintLinkToken();
  const now = new Date();
  await api.store.links.createLinks([
    {
      tokenHash,
      rfqId,
      quoteVersion: quote.version,
      purpose: 'rep-review',
      waitId: `fuzz-${rfqId}`,
      approver: people.acmeRep.email,
      taskToken: 'no-such-task-token',
      status: 'PENDING',
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
    },
  ]);
  expect(hashLinkToken(token)).toBe(tokenHash);
  return { key: 'POST /approvals/{token}', path: `/approvals/${token}`, params: { token }, valid: {} };
};

/**
 * A condition nested `depth` levels deep, each level one of all / any / not, as JSON text: written out level by level,
 * since serializing a few thousand levels recursively would overflow this test's own stack before the API saw them.
 */
const nested = (depth: number, kinds: ('all' | 'any' | 'not')[]): string => {
  let opening = '';
  let closing = '';
  for (let level = depth - 1; level >= 1; level--) {
    const kind = kinds[level % kinds.length]!;
    opening += kind === 'not' ? '{"not":' : `{"${kind}":[`;
    closing = (kind === 'not' ? '}' : ']}') + closing;
  }
  return `${opening}{"field":"total","op":"gt","value":1}${closing}`;
};

describe('fuzzing the email-link form and deep rule conditions', () => {
  const form = (fields: Record<string, string>) => ({ raw: new URLSearchParams(fields).toString() });
  const formType = 'application/x-www-form-urlencoded';

  it('answers a price too large for a line total with 400 on the form, and the link still works', async () => {
    const link = await openReviewLink();
    const huge = await invoke(
      link,
      form({ decision: 'approve', [`price:${bolts.sku}`]: '9999999999999.99' }),
      formType,
    );
    expect(huge.statusCode, huge.body).toBe(400);
    expect(huge.body).toContain('too large');
    const stillOpen = await invoke({ ...link, key: 'GET /approvals/{token}' }, {});
    expect(stillOpen.statusCode).toBe(200);
  });

  it('never answers a 5xx to 300 random forms posted to a live link', async () => {
    const link = await openReviewLink();
    const price = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.stringMatching(/^\d{1,20}([.,]\d{0,6})?$/),
      fc.constantFrom('9999999999999.99', '0', '-1', '1e9', 'NaN', '８.５', '6.00', '5.99'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          decision: fc.constantFrom('approve', 'reject', 'maybe', ''),
          price,
          comment: fc.string({ maxLength: 300 }),
        }),
        async ({ decision, price: text, comment }) => {
          const result = await invoke(link, form({ decision, [`price:${bolts.sku}`]: text, comment }), formType);
          expect(result.statusCode, `${decision} ${text} → ${(result.body ?? '').slice(0, 200)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 300, seed: 20261129 },
    );
  });

  it('refuses rule conditions nested deeper than 6 levels with a 400 naming the field, at any depth, never a 5xx', async () => {
    const rules: Target = {
      key: 'PUT /companies/{companyId}/approval-rules',
      path: '/companies/acme/approval-rules',
      params: { companyId: 'acme' },
      as: people.admin,
      valid: {},
    };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20_000 }),
        fc.array(fc.constantFrom('all' as const, 'any' as const, 'not' as const), { minLength: 1, maxLength: 3 }),
        async (depth, kinds) => {
          const levels = JSON.stringify([{ approvers: ['al@acme.example'], mode: 'any' }]);
          const raw = `{"rules":[{"ruleId":"deep","name":"Deep","when":${nested(depth, kinds)},"levels":${levels}}]}`;
          const result = await invoke(rules, { raw });
          expect(result.statusCode, `depth ${depth}: ${(result.body ?? '').slice(0, 200)}`).toBe(
            depth <= 6 ? 200 : 400,
          );
          if (depth > 6) expect(result.body).toContain('rules.0.when');
        },
      ),
      {
        numRuns: 60,
        seed: 20261129,
        examples: [
          [40, ['not']],
          [1_000, ['all']],
          [20_000, ['all']],
          [20_000, ['any', 'not']],
          [6, ['any']],
          [7, ['not']],
        ],
      },
    );
  });
});

const isProblem = (result: HttpResult) => result.headers?.['content-type'] === 'application/problem+json';

interface Refusal {
  refused: boolean;
  status: number;
  named: string[];
}

/**
 * How a route says no: a 4xx problem+json naming the fields — except the bulk upsert, which answers each product on
 * its own (an ERP's batch is not lost to one bad product), so a body it refuses is a 200 whose every product is
 * rejected with its fields named. Either way nothing is written.
 */
const refusal = (target: Target, result: HttpResult): Refusal => {
  const status = result.statusCode ?? 200;
  const body = (result.body ? JSON.parse(result.body) : {}) as {
    errors?: { path: string }[];
    items?: { index: number; outcome: string; errors?: { path: string }[] }[];
  };
  if (target.key === 'PUT /integration/products' && status === 200) {
    const items = body.items ?? [];
    return {
      refused: items.length > 0 && items.every((item) => item.outcome === 'rejected'),
      status,
      named: items.flatMap((item) => (item.errors ?? []).map((e) => `products.${item.index}.${e.path}`)),
    };
  }
  return {
    refused: status >= 400 && status < 500 && isProblem(result),
    status,
    named: (body.errors ?? []).map((e) => e.path.replace(/^body\./, '')),
  };
};

describe('fuzzing the write routes', () => {
  it('covers every write route of the table', () => {
    const writes = routes.filter((r) => r.method !== 'GET').map((r) => r.key);
    expect(targets.map((t) => t.key).sort()).toEqual(writes.sort());
  });

  it('answers 1,000 refused bodies per route with a 4xx problem+json and writes nothing', async () => {
    for (const target of targets.filter((t) => (route(t.key) as RouteDef).body !== undefined)) {
      const before = await itemCount();
      await fc.assert(
        fc.asyncProperty(
          bodies(target.valid).filter((b) => !acceptedBySchema(target, b)),
          async (body) => {
            const result = await invoke(target, body);
            expect(
              refusal(target, result).refused,
              `${target.key} ${JSON.stringify(body).slice(0, 200)} → ${result.statusCode} ${result.body?.slice(0, 300)}`,
            ).toBe(true);
          },
        ),
        { numRuns: 1_000, seed: 20261123 },
      );
      expect(await itemCount(), `${target.key} wrote something`).toBe(before);
    }
  });

  it('refuses a bidirectional override, a control character or 100,000 characters in every string, naming it', async () => {
    const spoiled = (text: string) => [`${text}\u202E`, `${text}\u0000`, `${text}\u001B[2J`, 'x'.repeat(100_000)];
    for (const target of targets) {
      const strings = pathsOf(target.valid).filter(
        (path) =>
          typeof path.reduce<Json | undefined>((v, k) => (v as Record<string, Json>)?.[k as string], target.valid) ===
          'string',
      );
      for (const path of strings) {
        const text = path.reduce<Json>((v, k) => (v as Record<string, Json>)[k as string]!, target.valid) as string;
        for (const value of spoiled(text)) {
          const result = await invoke(target, { json: mutate(target.valid, { kind: 'set', path, value }) });
          const { refused, status, named } = refusal(target, result);
          const field = path.join('.');
          // A rule's condition is one of several shapes: a bad value inside it is named by the condition that holds it.
          expect(
            [
              refused && (status === 400 || status === 200),
              named.some((p) => field === p || field.startsWith(`${p}.`)),
            ],
            `${target.key} ${field} = ${JSON.stringify(value.slice(0, 40))} → ${(result.body ?? '').slice(0, 300)}`,
          ).toEqual([true, true]);
        }
      }
    }
  });

  it('never answers a 5xx to near-valid bodies the schema accepts', async () => {
    for (const target of targets) {
      // The valid body itself is in the mix: a schema that refuses every one-field change (three required fields, no
      // extras, as PUT /me/delegation's) would otherwise leave fast-check generating for minutes to find one it takes.
      // A route that takes no body (DELETE /me/delegation) is sent any JSON at all.
      const nearValid =
        (route(target.key) as RouteDef).body === undefined
          ? (fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>).map((json) => ({ json }))
          : fc.oneof(
              { weight: 1, arbitrary: fc.constant({ json: target.valid }) },
              { weight: 9, arbitrary: bodies(target.valid) },
            );
      await fc.assert(
        fc.asyncProperty(
          nearValid.filter((b) => acceptedBySchema(target, b)),
          async (body) => {
            const result = await invoke(target, body);
            expect(
              result.statusCode,
              `${target.key} ${JSON.stringify(body).slice(0, 200)} → ${result.body}`,
            ).toBeLessThan(500);
            if ((result.statusCode ?? 200) >= 400 && target.key !== 'POST /approvals/{token}')
              expect(isProblem(result)).toBe(true);
          },
        ),
        { numRuns: 60, seed: 20261123 },
      );
    }
  });
});
