import { describe, expect, it } from 'vitest';
import type { Caller } from '#domain/caller.ts';
import {
  actorOf,
  type Integration,
  type IntegrationScope,
  integrationScopes,
  type Principal,
  principalOf,
  scopesOfClaim,
} from '#domain/integration.ts';
import {
  hasScope,
  mayCallRoute,
  mayManageIntegrations,
  mayReadCompanyRecord,
  mayReadIntegrationFeed,
  mayReadOrder,
  mayReadOrderDocuments,
  mayReportOrderStatus,
  mayWriteCatalog,
  mayWriteCompanyRecord,
} from '#domain/policy.ts';
import { routes } from '#http/routes.ts';

const erp: Integration = {
  integrationId: 'int-erp0001',
  name: 'SAP',
  clientId: 'client-erp',
  scopes: ['orders.read', 'catalog.write'],
  createdAt: '2026-12-07T19:00:00.000Z',
  createdBy: 'ada@seller.example',
  secretIssuedAt: '2026-12-07T19:00:00.000Z',
};
const machine = (...scopes: IntegrationScope[]) => principalOf({ ...erp, scopes: [...integrationScopes] }, scopes);
const sellerAdmin: Caller = { sub: 's', email: 'ada@seller.example', groups: ['admin'] };
const acmeBuyer: Caller = { sub: 'b', email: 'bea@acme.example', groups: ['buyer'], companyId: 'acme' };

describe("an integration's scopes", () => {
  it("reads Cognito's resource-server scopes and the local provider's bare ones, ignoring the rest", () => {
    expect(scopesOfClaim('quote-to-order/orders.read quote-to-order/catalog.write')).toEqual([
      'orders.read',
      'catalog.write',
    ]);
    expect(scopesOfClaim('orders.write openid  orders.write admin')).toEqual(['orders.write']);
    expect(scopesOfClaim(undefined)).toEqual([]);
    expect(scopesOfClaim(['orders.read'])).toEqual([]);
  });

  it('counts only what both the token and the record name: the record can take a scope back at once', () => {
    expect(principalOf(erp, ['orders.read', 'orders.write']).scopes).toEqual(['orders.read']);
    expect(principalOf(erp, []).scopes).toEqual([]);
  });

  it('names the integration by its id as the one who acted', () => {
    expect(actorOf(principalOf(erp, ['orders.read']))).toBe('integration:int-erp0001');
    expect(actorOf(sellerAdmin)).toBe('ada@seller.example');
  });
});

describe('the policy asked about a machine', () => {
  const questions = {
    mayReadIntegrationFeed: [mayReadIntegrationFeed, 'orders.read'],
    mayReadOrder: [(p: Principal) => mayReadOrder(p, { companyId: 'globex' }), 'orders.read'],
    mayReadCompanyRecord: [(p: Principal) => mayReadCompanyRecord(p, 'globex'), 'catalog.write'],
    mayWriteCompanyRecord: [(p: Principal) => mayWriteCompanyRecord(p, ['erpCustomerNumber']), 'catalog.write'],
    mayReportOrderStatus: [mayReportOrderStatus, 'orders.write'],
    mayWriteCatalog: [mayWriteCatalog, 'catalog.write'],
  } as const;

  it.each(Object.entries(questions))('%s: yes with exactly its scope', (_, [question, scope]) => {
    for (const held of integrationScopes) expect(question(machine(held)), held).toBe(held === scope);
    expect(question(machine())).toBe(false);
  });

  it('lets the seller admin do by hand what the ERP does, and no buyer of another company', () => {
    for (const [question] of Object.values(questions)) {
      expect(question(sellerAdmin)).toBe(true);
      expect(question(acmeBuyer)).toBe(false);
    }
  });

  it('lets the ERP change only what it keeps of a company: never its people, rep or terms', () => {
    const erpClient = machine('catalog.write');
    expect(mayWriteCompanyRecord(erpClient, ['erpCustomerNumber', 'addresses'])).toBe(true);
    expect(mayWriteCompanyRecord(erpClient, [])).toBe(true);
    for (const field of ['users', 'accountRepEmail', 'name', 'paymentTerms', 'currency', 'companyId'])
      expect(mayWriteCompanyRecord(erpClient, ['addresses', field]), field).toBe(false);
    expect(mayWriteCompanyRecord(machine('orders.read', 'orders.write'), ['addresses'])).toBe(false);
    expect(mayWriteCompanyRecord(sellerAdmin, ['users', 'accountRepEmail'])).toBe(true);
    const companyAdmin: Caller = { ...acmeBuyer, groups: ['approver'], companyAdmin: true };
    expect(mayWriteCompanyRecord(companyAdmin, ['addresses'])).toBe(false);
  });

  it('never lets a machine manage integrations, nor a person hold a scope', () => {
    expect(mayManageIntegrations(machine(...integrationScopes))).toBe(false);
    expect(mayManageIntegrations(sellerAdmin)).toBe(true);
    expect(mayManageIntegrations(acmeBuyer)).toBe(false);
    for (const scope of integrationScopes) expect(hasScope(sellerAdmin, scope)).toBe(false);
  });
});

describe("a route's gate", () => {
  it('lets a machine through only a route that names a scope it holds', () => {
    expect(mayCallRoute(machine('orders.read'), { roles: ['admin'], scope: 'orders.read' })).toBe(true);
    expect(mayCallRoute(machine('catalog.write'), { roles: ['admin'], scope: 'orders.read' })).toBe(false);
    expect(mayCallRoute(machine(...integrationScopes), { roles: ['admin'] })).toBe(false);
  });

  it("lets a person through by the route's roles alone, scope or not", () => {
    expect(mayCallRoute(sellerAdmin, { roles: ['admin'], scope: 'orders.read' })).toBe(true);
    expect(mayCallRoute(acmeBuyer, { roles: ['admin'], scope: 'orders.read' })).toBe(false);
  });

  it('names a scope only on routes whose policy question a machine with it passes (the table agrees with the policy)', () => {
    const questionOf: Record<string, (p: ReturnType<typeof machine>) => boolean> = {
      'GET /integration/events': mayReadIntegrationFeed,
      'PUT /integration/products': mayWriteCatalog,
      'POST /integration/orders/{orderId}/confirmation': mayReportOrderStatus,
      'POST /integration/orders/{orderId}/shipments': mayReportOrderStatus,
      'POST /integration/orders/{orderId}/invoices': mayReportOrderStatus,
      'POST /integration/orders/{orderId}/cancellation': mayReportOrderStatus,
      'PUT /products/{sku}': mayWriteCatalog,
      'PUT /companies/{companyId}/contract': mayWriteCatalog,
      'GET /orders/{orderId}': (p) => mayReadOrder(p, { companyId: 'globex' }),
      'GET /orders/{orderId}/documents/{format}': (p) => mayReadOrderDocuments(p, { companyId: 'globex' }),
      'GET /companies/{companyId}': (p) => mayReadCompanyRecord(p, 'globex'),
      'PUT /companies/{companyId}': (p) => mayWriteCompanyRecord(p, ['erpCustomerNumber', 'addresses']),
    };
    const scoped = routes.filter((r) => r.scope);
    expect(scoped.map((r) => r.key).filter((key) => !(key in questionOf))).toEqual([]);
    for (const r of scoped) {
      const question = questionOf[r.key]!;
      expect(question(machine(r.scope!)), r.key).toBe(true);
      for (const other of integrationScopes.filter((s) => s !== r.scope))
        expect(question(machine(other)), `${r.key} with ${other}`).toBe(false);
    }
  });
});
