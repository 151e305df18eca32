import { beforeAll, describe, expect, it } from 'vitest';
import { orderFrom } from '#domain/order.ts';
import { routes } from '#http/routes.ts';
import { aContract } from '../builders/contract.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';
import type { User } from './api.ts';
import { useTestStack } from './test-stack.ts';
import { acme, anRfqRequest, bolts, idempotencyKey, people, seed, submit } from './world.ts';

/**
 * Every role × every route × own / other company. The resource in each row belongs to Acme (served by acmeRep): a
 * caller who may not see it gets 404 (existence never leaks), a caller whose role may not call the route 403, no
 * valid token 401. The decision rows answer 409 to the right caller: the RFQ is still SUBMITTED, nothing to decide.
 */
type Who =
  | 'anonymous'
  | 'acmeBuyer'
  | 'acmeApprover'
  | 'acmeAdmin'
  | 'globexBuyer'
  | 'globexApprover'
  | 'acmeRep'
  | 'globexRep'
  | 'salesManager'
  | 'admin';
const columns: Who[] = [
  'anonymous',
  'acmeBuyer',
  'acmeApprover',
  'acmeAdmin',
  'globexBuyer',
  'globexApprover',
  'acmeRep',
  'globexRep',
  'salesManager',
  'admin',
];

interface Fixture {
  rfqId: string;
  orderId: string;
  /** The RFQ the order came from: its quote was sent, so it has a PDF. */
  orderedRfqId: string;
  /** An integration with a webhook endpoint and one delivery in its log. */
  integrationId: string;
  deliveryId: string;
}

interface Row {
  route: string;
  request: (f: Fixture, who: Who) => Promise<{ path: string; body?: unknown; headers?: Record<string, string> }>;
  expect: number[];
}

/** A delegation each caller may name: someone on their side who could decide in their place. */
const delegateOf: Record<Who, string> = {
  anonymous: 'al@acme.example',
  acmeBuyer: 'al@acme.example',
  acmeApprover: 'ada@acme.example',
  acmeAdmin: 'al@acme.example',
  globexBuyer: 'gia@globex.example',
  globexApprover: 'al@acme.example',
  acmeRep: 'rob@seller.example',
  globexRep: 'rita@seller.example',
  salesManager: 'rita@seller.example',
  admin: 'rita@seller.example',
};
const delegationTo = (who: Who) => ({
  delegateEmail: delegateOf[who],
  from: new Date(Date.now() - 60_000).toISOString(),
  to: new Date(Date.now() + 7 * 86_400_000).toISOString(),
});

const rfqPath =
  (suffix = '') =>
  async (f: Fixture) => ({ path: `/rfqs/${f.rfqId}${suffix}` });

const api = useTestStack('authorization', { seed: false, holdWorkflow: true });

const matrix: Row[] = [
  {
    route: 'POST /rfqs',
    request: async (_, who) => ({
      path: '/rfqs',
      body: who.endsWith('Rep')
        ? { ...anRfqRequest(), companyId: 'acme', buyerEmail: people.acmeBuyer.email }
        : anRfqRequest(),
      headers: { 'idempotency-key': idempotencyKey() },
    }),
    //       anon acmeB acmeAp acmeAd globB globAp acmeRep globRep  sm  admin
    expect: [401, 201, 403, 403, 201, 403, 201, 403, 403, 403],
  },
  {
    route: 'GET /rfqs',
    request: async () => ({ path: '/rfqs' }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  { route: 'GET /rfqs/{rfqId}', request: rfqPath(), expect: [401, 200, 200, 200, 404, 404, 200, 404, 200, 200] },
  {
    route: 'GET /rfqs/{rfqId}/quote.pdf',
    request: async (f) => ({ path: `/rfqs/${f.orderedRfqId}/quote.pdf` }),
    expect: [401, 200, 200, 200, 404, 404, 200, 404, 200, 200],
  },
  {
    // Still SUBMITTED: whoever may read it is told there is no quote to print yet; nobody else learns it exists.
    route: 'GET /rfqs/{rfqId}/quote.pdf',
    request: rfqPath('/quote.pdf'),
    expect: [401, 409, 409, 409, 404, 404, 409, 404, 409, 409],
  },
  {
    route: 'GET /rfqs/{rfqId}/comments',
    request: rfqPath('/comments'),
    expect: [401, 200, 200, 200, 404, 404, 200, 404, 200, 200],
  },
  {
    route: 'POST /rfqs/{rfqId}/comments',
    request: async (f) => ({ path: `/rfqs/${f.rfqId}/comments`, body: { text: 'When can you ship?' } }),
    expect: [401, 201, 201, 201, 404, 404, 201, 404, 201, 201],
  },
  {
    // A seller note: the buyer company's people may not write one (403 once they may see the RFQ at all).
    route: 'POST /rfqs/{rfqId}/comments',
    request: async (f) => ({
      path: `/rfqs/${f.rfqId}/comments`,
      body: { text: 'margin is thin here', visibility: 'seller' },
    }),
    expect: [401, 403, 403, 403, 404, 404, 201, 404, 201, 201],
  },
  {
    route: 'GET /rfqs/{rfqId}/versions',
    request: rfqPath('/versions'),
    expect: [401, 200, 200, 200, 404, 404, 200, 404, 200, 200],
  },
  {
    route: 'POST /rfqs/{rfqId}/review',
    request: async (f) => ({ path: `/rfqs/${f.rfqId}/review`, body: { decision: 'approve', quoteVersion: 1 } }),
    expect: [401, 403, 403, 403, 403, 403, 409, 404, 409, 403],
  },
  {
    route: 'GET /rfqs/{rfqId}/review',
    request: rfqPath('/review'),
    expect: [401, 403, 403, 403, 403, 403, 200, 404, 200, 403],
  },
  {
    route: 'POST /rfqs/{rfqId}/accept',
    request: async (f) => ({ path: `/rfqs/${f.rfqId}/accept`, body: { poNumber: 'PO-1', quoteVersion: 1 } }),
    expect: [401, 409, 403, 403, 404, 403, 403, 403, 403, 403],
  },
  {
    // Which orders of the company carry a PO number: the company's buyers, who accept with it; anyone else's answer
    // would tell them of Acme's orders (PO-7 is on the fixture's order).
    route: 'GET /rfqs/{rfqId}/po-number-uses',
    request: rfqPath('/po-number-uses?poNumber=po-7'),
    expect: [401, 200, 403, 403, 404, 403, 403, 403, 403, 403],
  },
  {
    route: 'POST /rfqs/{rfqId}/decline',
    request: async (f) => ({ path: `/rfqs/${f.rfqId}/decline`, body: { reason: 'too dear', quoteVersion: 1 } }),
    expect: [401, 409, 403, 403, 404, 403, 403, 403, 403, 403],
  },
  {
    route: 'POST /rfqs/{rfqId}/revise',
    request: async (f) => ({ path: `/rfqs/${f.rfqId}/revise`, body: { comment: 'cheaper please', quoteVersion: 1 } }),
    expect: [401, 409, 403, 403, 404, 403, 403, 403, 403, 403],
  },
  {
    route: 'POST /rfqs/{rfqId}/cancel',
    // Each cancel gets its own RFQ: the one that succeeds must not change the others' resource.
    request: async () => ({ path: `/rfqs/${await submit(api, people.acmeBuyer)}/cancel` }),
    expect: [401, 202, 403, 403, 404, 403, 403, 403, 403, 403],
  },
  {
    route: 'POST /rfqs/{rfqId}/approval',
    request: async (f) => ({ path: `/rfqs/${f.rfqId}/approval`, body: { decision: 'approve', quoteVersion: 1 } }),
    expect: [401, 403, 409, 409, 403, 404, 403, 403, 403, 403],
  },
  {
    route: 'GET /me',
    request: async () => ({ path: '/me' }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  {
    route: 'GET /me/tasks',
    request: async () => ({ path: '/me/tasks' }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  {
    route: 'GET /me/queue',
    request: async () => ({ path: '/me/queue' }),
    expect: [401, 403, 403, 403, 403, 403, 200, 200, 403, 403],
  },
  {
    // Nobody has a delegation yet: those who may have one are told so (404); the rest may not ask (403).
    route: 'GET /me/delegation',
    request: async () => ({ path: '/me/delegation' }),
    expect: [401, 403, 404, 404, 403, 404, 404, 404, 404, 404],
  },
  {
    // Each names someone who could decide in their place; nobody else at Globex approves, so Gia's delegate is refused.
    route: 'PUT /me/delegation',
    request: async (_, who) => ({ path: '/me/delegation', body: delegationTo(who) }),
    expect: [401, 403, 200, 200, 403, 400, 200, 200, 200, 200],
  },
  {
    route: 'GET /me/delegation',
    request: async () => ({ path: '/me/delegation' }),
    expect: [401, 403, 200, 200, 403, 404, 200, 200, 200, 200],
  },
  {
    // Al's, set by himself or by Acme's admin; the seller's admin administers the seller's staff, not Acme's people.
    route: 'PUT /me/delegation',
    request: async () => ({ path: '/me/delegation?for=al@acme.example', body: delegationTo('acmeApprover') }),
    expect: [401, 403, 200, 200, 403, 403, 403, 403, 403, 404],
  },
  {
    // Rita's (an account's rep): herself, or the seller's admin; to Acme's admin she is no one at Acme.
    route: 'PUT /me/delegation',
    request: async () => ({ path: '/me/delegation?for=rita@seller.example', body: delegationTo('acmeRep') }),
    expect: [401, 403, 403, 404, 403, 403, 200, 403, 403, 200],
  },
  {
    route: 'DELETE /me/delegation',
    request: async () => ({ path: '/me/delegation' }),
    expect: [401, 403, 204, 204, 403, 404, 204, 204, 204, 204],
  },
  // `?for=` on every verb: only whoever administers the person named, as the company's stored list or the seller's
  // staff say — never an admin of another company, nor the seller's admin for a buyer company's people (issue 24 #1).
  ...(['GET', 'DELETE'] as const).flatMap((verb): Row[] => {
    const ok = verb === 'GET' ? 200 : 204;
    const row = (person: User, expect: number[]): Row => ({
      route: `${verb} /me/delegation`,
      request: async () => {
        await api.store.delegations.put({
          personEmail: person.email,
          ...(person.companyId && { companyId: person.companyId }),
          ...delegationTo('admin'),
          setBy: person.email,
          setAt: new Date().toISOString(),
        });
        return { path: `/me/delegation?for=${person.email}` };
      },
      expect,
    });
    return [
      //                          anon acmeB acmeAp acmeAd globB globAp acmeRep globRep sm admin
      row(people.acmeApprover, [401, 403, ok, ok, 403, 403, 403, 403, 403, 404]),
      row(people.globexApprover, [401, 403, 403, 404, 403, ok, 403, 403, 403, 404]),
      row(people.acmeRep, [401, 403, 403, 404, 403, 403, ok, 403, 403, ok]),
    ];
  }),
  {
    route: 'GET /catalog',
    request: async () => ({ path: '/catalog?companyId=acme' }),
    expect: [401, 200, 200, 200, 404, 404, 200, 404, 200, 200],
  },
  {
    route: 'GET /orders',
    request: async () => ({ path: '/orders' }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  {
    route: 'GET /orders/{orderId}',
    request: async (f) => ({ path: `/orders/${f.orderId}` }),
    expect: [401, 200, 200, 200, 404, 404, 200, 404, 200, 200],
  },
  {
    route: 'GET /orders/{orderId}/documents/{format}',
    request: async (f) => ({ path: `/orders/${f.orderId}/documents/ubl` }),
    expect: [401, 200, 200, 200, 404, 404, 200, 404, 200, 200],
  },
  {
    route: 'GET /integration/events',
    request: async () => ({ path: '/integration/events?limit=5' }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  // The ERP's reports on the order: the seller's admin (integration clients with orders.write besides). Each is
  // answered in full for the admin: the confirmation and the cancellation land, the shipment names no line of the
  // order and the invoice another currency (422), whatever the order's status by then.
  {
    route: 'POST /integration/orders/{orderId}/confirmation',
    request: async (f) => ({
      path: `/integration/orders/${f.orderId}/confirmation`,
      body: { decision: 'accept' },
      headers: { 'idempotency-key': idempotencyKey() },
    }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'POST /integration/orders/{orderId}/shipments',
    request: async (f) => ({
      path: `/integration/orders/${f.orderId}/shipments`,
      body: { shipmentId: 'S1', carrier: 'DHL', lines: [{ lineId: 'L9', quantity: 1 }] },
      headers: { 'idempotency-key': idempotencyKey() },
    }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 422],
  },
  {
    route: 'POST /integration/orders/{orderId}/invoices',
    request: async (f) => ({
      path: `/integration/orders/${f.orderId}/invoices`,
      body: { invoiceNumber: 'INV-1', amount: 100, currency: 'EUR', dueDate: '2027-01-31' },
      headers: { 'idempotency-key': idempotencyKey() },
    }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 422],
  },
  {
    route: 'POST /integration/orders/{orderId}/cancellation',
    request: async (f) => ({
      path: `/integration/orders/${f.orderId}/cancellation`,
      body: { reason: 'the authorization matrix' },
      headers: { 'idempotency-key': idempotencyKey() },
    }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'PUT /integrations/{integrationId}/webhook',
    request: async (f) => ({
      path: `/integrations/${f.integrationId}/webhook`,
      body: { url: `${api.urls.api}/webhook-sink` },
    }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'GET /integrations/{integrationId}/webhook',
    request: async (f) => ({ path: `/integrations/${f.integrationId}/webhook` }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'GET /integrations/{integrationId}/deliveries',
    request: async (f) => ({ path: `/integrations/${f.integrationId}/deliveries` }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    // The sink answers 404: the retry is made and recorded, and the route answers the delivery.
    route: 'POST /integrations/{integrationId}/deliveries/{deliveryId}/retry',
    request: async (f) => ({ path: `/integrations/${f.integrationId}/deliveries/${f.deliveryId}/retry` }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'DELETE /integrations/{integrationId}/webhook',
    request: async (f) => ({ path: `/integrations/${f.integrationId}/webhook` }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 204],
  },
  {
    route: 'PUT /integration/products',
    request: async () => ({ path: '/integration/products', body: { products: [bolts] } }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'POST /integrations',
    request: async () => ({ path: '/integrations', body: { name: 'matrix ERP', scopes: ['orders.read'] } }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 201],
  },
  {
    route: 'GET /integrations',
    request: async () => ({ path: '/integrations' }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'POST /integrations/{integrationId}/secret',
    request: async () => ({ path: '/integrations/int-unknown0/secret' }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 404],
  },
  {
    route: 'DELETE /integrations/{integrationId}',
    request: async () => ({ path: '/integrations/int-unknown0' }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 404],
  },
  {
    route: 'GET /products',
    request: async () => ({ path: '/products?q=bolt' }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'PUT /products/{sku}',
    request: async () => ({ path: `/products/${bolts.sku}`, body: bolts }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'PUT /companies/{companyId}',
    request: async () => ({ path: '/companies/acme', body: acme }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'GET /companies/{companyId}',
    request: async () => ({ path: '/companies/acme' }),
    expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 200],
  },
  {
    // A rep lists their own accounts (Globex's rep: Globex), the seller's admin every company.
    route: 'GET /companies',
    request: async () => ({ path: '/companies' }),
    expect: [401, 403, 403, 403, 403, 403, 200, 200, 403, 200],
  },
  {
    route: 'GET /companies/{companyId}/contract',
    request: async () => {
      await api.store.catalog.putContract(aContract('acme-read').for('acme').withPrice(bolts.sku, 9_00).build());
      return { path: '/companies/acme/contract' };
    },
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'PUT /tax/settings',
    request: async () => ({
      path: '/tax/settings',
      body: { homeCountry: 'SE', rates: [{ country: 'SE', taxClass: 'standard', rate: 25, label: 'Moms' }] },
    }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'GET /tax/settings',
    request: async () => {
      await api.store.catalog.putTaxSettings({ homeCountry: 'SE', rates: [] });
      return { path: '/tax/settings' };
    },
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'GET /companies/{companyId}/budgets',
    request: async () => ({ path: '/companies/acme/budgets' }),
    expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'PUT /companies/{companyId}/users',
    request: async () => ({ path: '/companies/acme/users', body: { users: acme.users } }),
    expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 200],
  },
  {
    // Moving people between companies is the seller's admin's alone; the person put here is already Acme's as listed.
    route: 'PUT /companies/{companyId}/users/{email}',
    request: async () => {
      const { email, ...entry } = acme.users[0]!;
      return { path: `/companies/acme/users/${email}`, body: entry };
    },
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    // This world's people have no sign-in accounts (the store was seeded directly): no invitation is open.
    route: 'GET /companies/{companyId}/invitations',
    request: async () => ({ path: '/companies/acme/invitations' }),
    expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 200],
  },
  {
    // This world's people have no sign-in accounts (the store was seeded directly): nothing to send again, 409.
    route: 'POST /companies/{companyId}/users/{email}/invitation',
    request: async () => ({ path: `/companies/acme/users/${acme.users[0]!.email}/invitation` }),
    expect: [401, 403, 403, 409, 403, 403, 403, 403, 403, 409],
  },
  {
    route: 'GET /companies/{companyId}/approval-rules',
    request: async () => ({ path: '/companies/acme/approval-rules' }),
    expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'GET /companies/{companyId}/approval-chain',
    request: async () => ({ path: '/companies/acme/approval-chain?total=250000' }),
    expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'PUT /companies/{companyId}/contract',
    request: async () => ({
      path: '/companies/acme/contract',
      body: {
        contractId: 'c-1',
        companyId: 'acme',
        currency: 'USD',
        validFrom: '2026-01-01',
        validTo: '2027-12-31',
        prices: [],
      },
    }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'PUT /companies/{companyId}/approval-rules',
    request: async () => ({ path: '/companies/acme/approval-rules', body: { rules: [] } }),
    expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'PUT /companies/{companyId}/budgets',
    request: async () => ({ path: '/companies/acme/budgets', body: { budgets: [] } }),
    expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 200],
  },
  {
    route: 'GET /kpis',
    request: async () => ({ path: '/kpis?groupBy=company' }),
    expect: [401, 403, 403, 200, 403, 403, 200, 200, 200, 200],
  },
  {
    route: 'GET /kpis',
    request: async () => ({ path: '/kpis?companyId=acme' }),
    expect: [401, 403, 403, 200, 403, 403, 403, 403, 200, 200],
  },
  {
    route: 'GET /kpis',
    request: async () => ({ path: '/kpis?repEmail=rob@seller.example' }),
    expect: [401, 403, 403, 403, 403, 403, 403, 200, 200, 200],
  },
  {
    route: 'GET /approvals/{token}',
    request: async () => ({ path: '/approvals/bm8tc3VjaC10b2tlbi1ldmVyLWlzc3VlZC1oZXJlLTAwMDAwMDA' }),
    expect: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  },
  {
    route: 'POST /approvals/{token}',
    request: async () => ({
      path: '/approvals/bm8tc3VjaC10b2tlbi1ldmVyLWlzc3VlZC1oZXJlLTAwMDAwMDA',
      body: { decision: 'approve' },
    }),
    expect: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  },
  {
    route: 'GET /openapi.json',
    request: async () => ({ path: '/openapi.json' }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
];

const cases = matrix.flatMap((row) =>
  columns.map((who, i) => ({ route: row.route, who, status: row.expect[i]!, request: row.request })),
);

/** An Acme order, made the way the workflow makes one: an APPROVED RFQ converted in one transaction. */
const anAcmeOrder = async (): Promise<{ orderId: string; orderedRfqId: string }> => {
  const quote = aQuote().withLine(bolts.sku, 10, 12_00).validUntil('2026-12-31').build();
  const rfq = anRfq()
    .for('acme', people.acmeRep.email)
    .by(people.acmeBuyer.email)
    .withQuote(quote)
    .withStatus('APPROVED')
    .withPoNumber('PO-7')
    .build();
  await api.store.rfqs.create(rfq, { actor: { email: people.acmeBuyer.email, role: 'buyer' }, action: 'submitted' });
  const order = orderFrom(rfq, { paymentTerms: 'NET30', at: new Date().toISOString() });
  await api.store.rfqs.convertToOrder(rfq, order, {
    actor: { email: 'system@seller.example', role: 'system' },
    action: 'ordered',
  });
  return { orderId: order.orderId, orderedRfqId: rfq.rfqId };
};

/** An integration whose webhook endpoint has one delivery of the feed's last event. */
const anIntegrationWithADelivery = async (): Promise<{ integrationId: string; deliveryId: string }> => {
  const at = new Date().toISOString();
  const integrationId = 'int-authmatrix';
  await api.store.integrations.create({
    integrationId,
    name: 'Matrix ERP',
    clientId: 'matrix-erp-client',
    scopes: ['orders.read'],
    createdAt: at,
    createdBy: people.admin.email,
    secretIssuedAt: at,
  });
  const event = { id: 'authmatrix/event:1', type: 'quote.sent', occurredAt: at, subject: 'authmatrix', data: {} };
  await api.store.feed.append(event);
  const deliveryId = String(await api.store.feed.head());
  await api.store.webhooks.createDelivery(
    {
      integrationId,
      deliveryId,
      eventId: event.id,
      eventType: event.type,
      subject: event.subject,
      occurredAt: at,
      state: 'failed',
      attempts: 1,
      waitedSeconds: 0,
    },
    new Date(),
  );
  return { integrationId, deliveryId };
};

let fixture: Fixture;
beforeAll(async () => {
  await seed(api);
  fixture = {
    rfqId: await submit(api, people.acmeBuyer),
    ...(await anAcmeOrder()),
    ...(await anIntegrationWithADelivery()),
  };
});

describe('the authorization matrix', () => {
  it.each(cases)('$route as $who → $status', async ({ route, who, status, request }) => {
    const { path, body, headers } = await request(fixture, who);
    const as = who === 'anonymous' ? undefined : (people[who] as User);
    const answer = await api.call(route.split(' ')[0]!, path, { ...(as && { as }), body, headers });
    expect(answer.status, answer.text).toBe(status);
    if (status >= 400 && !route.includes('/approvals/')) {
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('has a row for every route that needs a token', () => {
    const guarded = routes.filter((r) => r.auth === 'jwt').map((r) => r.key);
    expect(guarded.filter((key) => !matrix.some((row) => row.route === key))).toEqual([]);
  });

  it('lets anyone reach every public route without a token', async () => {
    for (const route of routes.filter((r) => r.auth === 'public' && r.method === 'GET')) {
      const path = route.path.replace(/\{\w+\}/g, fixture.rfqId);
      const answer = await api.call('GET', path);
      expect([401, 403], `${route.key} → ${answer.status}`).not.toContain(answer.status);
      expect(answer.status, route.key).toBeLessThan(500);
    }
  });

  it('never lets another company see the RFQ in a list either', async () => {
    for (const who of ['globexBuyer', 'globexApprover', 'globexRep'] as const) {
      const list = await api.call('GET', '/rfqs?limit=100', { as: people[who] });
      expect(list.body.items.map((r: { rfqId: string }) => r.rfqId)).not.toContain(fixture.rfqId);
      const orders = await api.call('GET', '/orders?limit=100', { as: people[who] });
      expect(orders.body.items.map((o: { orderId: string }) => o.orderId)).not.toContain(fixture.orderId);
    }
  });
});

describe('tokens the JWT authorizer would refuse', () => {
  const refusals: [string, () => Promise<string>][] = [
    [
      'an expired token',
      async () =>
        api.issuer.token(people.admin, { expiresInSeconds: 1 }).then(async (t) => {
          await new Promise((r) => setTimeout(r, 1_100));
          return t;
        }),
    ],
    [
      'a token of another issuer',
      async () => {
        const { createDevIssuer } = await import('../../local/dev-tokens.ts');
        return (await createDevIssuer({ issuer: 'https://evil.example' })).token(people.admin);
      },
    ],
    [
      'a token for another audience',
      async () => {
        const { createDevIssuer } = await import('../../local/dev-tokens.ts');
        return (await createDevIssuer({ audience: 'someone-else' })).token(people.admin);
      },
    ],
    [
      'a token with a forged signature',
      async () => {
        const [header, , signature] = (await api.issuer.token(people.acmeBuyer)).split('.');
        const payload = Buffer.from(
          JSON.stringify({ sub: 'x', email: 'root@seller.example', 'cognito:groups': ['admin'] }),
        ).toString('base64url');
        return `${header}.${payload}.${signature}`;
      },
    ],
    ['garbage', async () => 'not-a-jwt'],
  ];

  // The feed is a route integrations call too: its function verifies the token itself and must refuse the same.
  it.each(
    refusals.flatMap(([what, token]) => ['/rfqs', '/integration/events'].map((path) => [what, path, token] as const)),
  )('refuses %s on %s with 401 problem+json', async (_, path, token) => {
    const answer = await api.call('GET', path, { as: await token() });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });
});
