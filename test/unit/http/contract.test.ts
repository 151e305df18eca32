import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { previewChain } from '#domain/approval-preview.ts';
import { catalogEntries } from '#domain/catalog-prices.ts';
import { commentView } from '#domain/comment.ts';
import { kpiReport } from '#domain/kpi-report.ts';
import { versionView } from '#domain/quote-version.ts';
import { whitelist } from '#domain/whitelist.ts';
import type { LinkStatus } from '#functions/pages/link-page.ts';
import { approvalLinkView } from '#http/approval-link-view.ts';
import { companyListItem } from '#http/company-list-view.ts';
import { openApiDocument } from '#http/openapi.ts';
import { orderView } from '#http/order-view.ts';
import { responsesOf } from '#http/responses.ts';
import { reviewDeskView } from '#http/review-desk-view.ts';
import { readRfqView, rfqSummary } from '#http/rfq-view.ts';
import { type RouteKey, type route, routes } from '#http/routes.ts';
import { taskView } from '#http/task-view.ts';
import { contractBreach } from '../../e2e/contract.ts';

/** The JSON body a route declares for a status, as its view must build it. */
type Declared<K extends RouteKey, S extends number> =
  ReturnType<typeof route<K>>['responses'] extends Record<
    S,
    { content: { 'application/json': infer J extends z.ZodType } }
  >
    ? z.infer<J>
    : never;

type Document = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
};

describe('one contract per route', () => {
  it('documents, for every route, exactly the answers it declares, by status and media type', () => {
    const document = openApiDocument() as Document;
    for (const route of routes) {
      const documented = document.paths[route.path]?.[route.method.toLowerCase()]?.responses ?? {};
      const declared = responsesOf(route);
      expect(Object.keys(documented), route.key).toEqual(Object.keys(declared));
      for (const [status, answer] of Object.entries(declared))
        expect(Object.keys(documented[status]?.content ?? {}), `${route.key} ${status}`).toEqual(
          Object.keys(answer.content ?? {}),
        );
    }
  });

  it('describes the body of every successful answer but a 204 and a redirect', () => {
    const undescribed = routes.flatMap((route) =>
      Object.entries(route.responses)
        .filter(([status, answer]) => Number(status) < 300 && !answer.content && status !== '204')
        .map(([status]) => `${route.key} ${status}`),
    );
    expect(undescribed).toEqual([]);
  });

  it('ties each view to the schema its route documents (checked by the type checker)', () => {
    expectTypeOf(readRfqView).returns.resolves.toEqualTypeOf<Declared<'GET /rfqs/{rfqId}', 200>>();
    expectTypeOf(rfqSummary).returns.toEqualTypeOf<Declared<'GET /rfqs', 200>['items'][number]>();
    expectTypeOf(orderView).returns.toEqualTypeOf<Declared<'GET /orders/{orderId}', 200>>();
    expectTypeOf(taskView).returns.toEqualTypeOf<Declared<'GET /me/tasks', 200>['items'][number]>();
    expectTypeOf(reviewDeskView).returns.toEqualTypeOf<Declared<'GET /rfqs/{rfqId}/review', 200>>();
    expectTypeOf(companyListItem).returns.toEqualTypeOf<Declared<'GET /companies', 200>['items'][number]>();
    expectTypeOf(commentView).returns.toEqualTypeOf<Declared<'POST /rfqs/{rfqId}/comments', 201>>();
    expectTypeOf(versionView).returns.toEqualTypeOf<Declared<'GET /rfqs/{rfqId}/versions', 200>['items'][number]>();
    expectTypeOf(catalogEntries).returns.toEqualTypeOf<Declared<'GET /catalog', 200>['items']>();
    expectTypeOf(kpiReport).returns.toEqualTypeOf<Declared<'GET /kpis', 200>>();
    expectTypeOf(previewChain).returns.toEqualTypeOf<
      Declared<'GET /companies/{companyId}/approval-chain', 200>['levels']
    >();
    expectTypeOf(approvalLinkView).returns.toEqualTypeOf<
      Declared<'GET /approvals/{token}', 200> & { status: LinkStatus }
    >();
  });
});

/** Every object schema in a schema, however deep, as `path: strict or not`: what a whitelist must hold for. */
const objectsIn = (schema: z.ZodType, path: string, seen = new Set<z.ZodType>()): [string, boolean][] => {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (child: unknown, at = path) => objectsIn(child as z.ZodType, at, seen);
  switch (def.type) {
    case 'object': {
      const catchall = def.catchall as z.ZodType | undefined;
      return [
        [path, catchall?._zod.def.type === 'never'],
        ...Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, child]) =>
          inner(child, `${path}.${key}`),
        ),
      ];
    }
    case 'array':
      return inner(def.element, `${path}[]`);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option, i) => inner(option, `${path}|${i}`));
    case 'pipe':
      return [...inner(def.in), ...inner(def.out)];
    case 'lazy':
      return inner((def.getter as () => z.ZodType)());
    case 'record':
      return inner(def.valueType, `${path}{}`);
    default:
      return 'innerType' in def ? inner(def.innerType) : [];
  }
};

describe('answers are whitelists', () => {
  it('makes a recursive schema strict too, even one already parsed with (zod caches its inner schema)', () => {
    const node: z.ZodType = z.lazy(() => z.object({ children: z.array(node) }));
    expect(node.safeParse({ children: [{ children: [], extra: 1 }] }).success).toBe(true);
    expect(whitelist(node).safeParse({ children: [{ children: [], extra: 1 }] }).success).toBe(false);
    expect(whitelist(node).safeParse({ children: [{ children: [] }] }).success).toBe(true);
  });

  it('declares every object of every answer strict, however deep, so a field the view does not name fails', () => {
    const loose = routes.flatMap((route) =>
      Object.entries(responsesOf(route)).flatMap(([status, answer]) =>
        Object.entries(answer.content ?? {}).flatMap(([type, schema]) =>
          objectsIn(schema, `${route.key} ${status} ${type}`)
            .filter(([, strict]) => !strict)
            .map(([path]) => path),
        ),
      ),
    );
    expect(loose).toEqual([]);
  });
});

describe('request bodies are whitelists too', () => {
  it('declares every object of every body strict, however deep, so a field the route does not name is refused', () => {
    const loose = routes.flatMap((route) =>
      route.body
        ? objectsIn(route.body, `${route.key} body`)
            .filter(([, strict]) => !strict)
            .map(([path]) => path)
        : [],
    );
    expect(loose).toEqual([]);
  });

  it('refuses an unknown field of a line or a condition, naming where it is, as it refuses one at the top', () => {
    const refused = (key: RouteKey, body: unknown) =>
      routes
        .find((route) => route.key === key)
        ?.body?.safeParse(body)
        .error?.issues.map((issue) => [issue.code, [...issue.path, ...('keys' in issue ? issue.keys : [])].join('.')]);
    expect(refused('POST /rfqs', { lines: [{ sku: 'BOLT-M8', quantity: 10, colour: 'red' }] })).toEqual([
      ['unrecognized_keys', 'lines.0.colour'],
    ]);
    const rule = {
      ruleId: 'big',
      name: 'Big orders',
      when: { field: 'total', op: 'gt', value: 1_000_00, rush: true },
      levels: [{ approvers: ['lead@acme.example'], mode: 'any', deadline: 3 }],
    };
    expect(refused('PUT /companies/{companyId}/approval-rules', { rules: [rule] })).toEqual([
      ['unrecognized_keys', 'rules.0.when.rush'],
      ['unrecognized_keys', 'rules.0.levels.0.deadline'],
    ]);
  });
});

describe('checking an answer against the contract (the end-to-end clients do it for every call)', () => {
  const rfq = { rfqId: 'rfq_1', quoteNumber: 'Q-2026-00001', status: 'SUBMITTED' };
  const answer = (status: number, contentType: string | null, body: unknown, method = 'POST', path = '/rfqs') => ({
    method,
    url: `http://127.0.0.1:3000${path}`,
    status,
    contentType,
    text: typeof body === 'string' ? body : JSON.stringify(body),
  });

  it('passes an answer its route declares', () => {
    expect(contractBreach(answer(201, 'application/json', rfq))).toEqual({ route: 'POST /rfqs' });
    expect(contractBreach(answer(204, null, '', 'DELETE', '/me/delegation'))).toEqual({
      route: 'DELETE /me/delegation',
    });
  });

  it('names a status the route does not declare', () => {
    expect(contractBreach(answer(200, 'application/json', rfq))?.breach).toMatch(/status 200 is not one POST \/rfqs/);
  });

  it('names a media type the status does not answer in', () => {
    expect(contractBreach(answer(201, 'text/html', '<p>ok</p>'))?.breach).toMatch(
      /answers application\/json, not text\/html/,
    );
    expect(contractBreach(answer(409, 'text/html; charset=utf-8', '<p>used</p>', 'POST', '/rfqs'))?.breach).toMatch(
      /application\/problem\+json, not text\/html/,
    );
  });

  it('names a field the view does not declare, however deep: answers are whitelists', () => {
    expect(contractBreach(answer(201, 'application/json', { ...rfq, cost: 6_00 }))?.breach).toMatch(/cost/);
    const problem = { type: 'x', title: 'Conflict', status: 409, detail: 'taken', errors: [] };
    expect(
      contractBreach(
        answer(409, 'application/problem+json', { ...problem, errors: [{ path: 'a', message: 'b', at: 1 }] }),
      )?.breach,
    ).toMatch(/errors\.0: .*at/);
  });

  it('names the fields of a body its schema refuses', () => {
    expect(
      contractBreach(answer(201, 'application/json', { rfqId: 1, quoteNumber: null, status: 'NOPE' }))?.breach,
    ).toMatch(/rfqId: .*\n {2}status: /);
  });

  it('expects a problem for a path no route has, and leaves the web app and sign-in alone', () => {
    const problem = { type: 'x', title: 'Not Found', status: 404, detail: 'no route' };
    expect(contractBreach(answer(404, 'application/problem+json', problem, 'GET', '/nowhere'))).toEqual({
      route: '(no route)',
    });
    expect(contractBreach(answer(200, 'text/html', '<p/>', 'GET', '/nowhere'))?.breach).toMatch(/no route/);
    expect(contractBreach(answer(200, 'text/html', '<p/>', 'GET', '/app/rfqs'))).toBeUndefined();
  });
});
