import { describe, expect, it } from 'vitest';
import type { Caller } from '#domain/caller.ts';
import type { Role } from '#domain/company.ts';
import {
  companyScope,
  listScope,
  mayApproveDiscount,
  mayApprovePurchaseLevel,
  mayAskOwnSections,
  mayCancel,
  mayCheckPoNumber,
  mayDecidePurchaseLevel,
  mayDecideQuote,
  mayEditApprovalRules,
  mayEditBudgets,
  mayEditReferenceData,
  mayEnrolAccount,
  mayListOwnTasks,
  mayListProducts,
  mayManageCompanyUsers,
  mayManageDelegation,
  mayManageIntegrations,
  mayManageTaxSettings,
  mayMovePeople,
  mayPostComment,
  mayRead,
  mayReadBudgets,
  mayReadCompanySettings,
  mayReadContract,
  mayReadIntegrationFeed,
  mayReadKpis,
  mayReadOrder,
  mayReadOrderDocuments,
  mayReadQuotePdf,
  mayReadRepQueue,
  mayReadRfq,
  mayReadSellerNote,
  mayReassignByLink,
  mayReportOrderStatus,
  mayReview,
  maySubmit,
  maySubmitOnBehalf,
  mayWriteSellerNote,
  reviewerRole,
  sectionsOf,
  seesBudget,
  seesBudgetStanding,
  seesSellerFields,
  threadRole,
} from '#domain/policy.ts';
import { routes } from '#http/routes.ts';

/**
 * Who may do what, as a table: every kind of caller × every question × their relation to the RFQ (Acme's, served by
 * Rita). Seller roles exist only on tokens without a company; a company admin's groups read as approver.
 */
const acmeRfq = { companyId: 'acme', accountRepEmail: 'rita@seller.example', buyerEmail: 'bea@acme.example' };

const callers = {
  acmeBuyer: { sub: '1', email: 'bea@acme.example', groups: ['buyer'], companyId: 'acme' },
  otherAcmeBuyer: { sub: '1b', email: 'ben@acme.example', groups: ['buyer'], companyId: 'acme' },
  acmeApprover: { sub: '2', email: 'al@acme.example', groups: ['approver'], companyId: 'acme' },
  acmeAdmin: { sub: '3', email: 'ada@acme.example', groups: ['approver'], companyId: 'acme', companyAdmin: true },
  globexBuyer: { sub: '4', email: 'gus@globex.example', groups: ['buyer'], companyId: 'globex' },
  globexAdmin: {
    sub: '4a',
    email: 'gia@globex.example',
    groups: ['approver'],
    companyId: 'globex',
    companyAdmin: true,
  },
  acmeRep: { sub: '5', email: 'rita@seller.example', groups: ['rep'] },
  otherRep: { sub: '6', email: 'rob@seller.example', groups: ['rep'] },
  salesManager: { sub: '7', email: 'sam@seller.example', groups: ['sales-manager'] },
  repAndManager: { sub: '7b', email: 'rita@seller.example', groups: ['rep', 'sales-manager'] },
  sellerAdmin: { sub: '8', email: 'root@seller.example', groups: ['admin'] },
  nobody: { sub: '9', email: 'x@acme.example', groups: [], companyId: 'acme' },
} satisfies Record<string, Caller>;
type Who = keyof typeof callers;
/** The caller as the person a delegation is about: their own. */
const self = (c: Caller) => ({ email: c.email, ...(c.companyId && { companyId: c.companyId }) });
const everyone = Object.keys(callers) as Who[];
const who = (test: (caller: Caller) => boolean): Who[] => everyone.filter((name) => test(callers[name]));

/** Everyone with a part in Acme's RFQ: Acme's people, its account rep, the sales managers and the seller's admin. */
const acmeRfqParties: Who[] = [
  'acmeBuyer',
  'otherAcmeBuyer',
  'acmeApprover',
  'acmeAdmin',
  'acmeRep',
  'salesManager',
  'repAndManager',
  'sellerAdmin',
];

describe('the access policy, as a table', () => {
  it.each<[string, (c: Caller) => boolean, Who[]]>([
    ['read the RFQ', (c) => mayReadRfq(c, acmeRfq), acmeRfqParties],
    ['read its order (sales managers too)', (c) => mayReadOrder(c, acmeRfq), acmeRfqParties],
    ['print its quote as a PDF (always the buyer’s document)', (c) => mayReadQuotePdf(c, acmeRfq), acmeRfqParties],
    [
      'see seller-only fields',
      seesSellerFields,
      ['acmeRep', 'otherRep', 'salesManager', 'repAndManager', 'sellerAdmin'],
    ],
    ['review it', (c) => mayReview(c, acmeRfq), ['acmeRep', 'salesManager', 'repAndManager']],
    ['approve a discount someone else proposed', (c) => mayApproveDiscount(c, 'rita@seller.example'), ['salesManager']],
    ['cancel it', (c) => mayCancel(c, acmeRfq), ['acmeBuyer', 'otherAcmeBuyer']],
    ['accept, decline or revise its quote', (c) => mayDecideQuote(c, acmeRfq), ['acmeBuyer', 'otherAcmeBuyer']],
    ['submit for Acme', (c) => maySubmit(c, acmeRfq), ['acmeBuyer', 'otherAcmeBuyer']],
    ['submit on an Acme buyer’s behalf', (c) => maySubmitOnBehalf(c, acmeRfq), ['acmeRep', 'repAndManager']],
    [
      'write a seller note',
      (c) => mayWriteSellerNote(c, acmeRfq),
      ['acmeRep', 'salesManager', 'repAndManager', 'sellerAdmin'],
    ],
    ['post to the thread', (c) => mayPostComment(c, acmeRfq), acmeRfqParties],
    [
      'read a seller note',
      (c) => mayReadSellerNote(c, acmeRfq),
      ['acmeRep', 'salesManager', 'repAndManager', 'sellerAdmin'],
    ],
    [
      'read Acme’s KPIs',
      (c) => mayReadKpis(c, { companyId: 'acme' }),
      ['acmeAdmin', 'salesManager', 'repAndManager', 'sellerAdmin'],
    ],
    [
      'read Rita’s KPIs',
      (c) => mayReadKpis(c, { repEmail: 'rita@seller.example' }),
      ['acmeRep', 'salesManager', 'repAndManager', 'sellerAdmin'],
    ],
    ['edit reference data', mayEditReferenceData, ['sellerAdmin']],
    ['move a person between companies', mayMovePeople, ['sellerAdmin']],
    ['list every product with its cost', mayListProducts, ['sellerAdmin']],
    ['edit Acme’s approval rules', (c) => mayEditApprovalRules(c, 'acme'), ['acmeAdmin', 'sellerAdmin']],
    [
      'read Acme’s settings and preview its chain',
      (c) => mayReadCompanySettings(c, 'acme'),
      ['acmeAdmin', 'sellerAdmin'],
    ],
    ['manage Acme’s users and roles', (c) => mayManageCompanyUsers(c, 'acme'), ['acmeAdmin', 'sellerAdmin']],
    [
      'decide an Acme purchase level that names them',
      (c) => mayDecidePurchaseLevel(c, acmeRfq, { approvers: [c.email] }),
      ['acmeApprover', 'acmeAdmin'],
    ],
    ['edit Acme’s budgets', (c) => mayEditBudgets(c, 'acme'), ['acmeAdmin', 'sellerAdmin']],
    [
      'see the budget left to the RFQ’s buyer',
      (c) => seesBudget(c, acmeRfq),
      ['acmeBuyer', 'otherAcmeBuyer', 'acmeApprover', 'acmeAdmin'],
    ],
    [
      'set their own out-of-office delegation',
      (c) => mayManageDelegation(c, self(c)),
      [
        'acmeApprover',
        'acmeAdmin',
        'globexAdmin',
        'acmeRep',
        'otherRep',
        'salesManager',
        'repAndManager',
        'sellerAdmin',
      ],
    ],
    [
      'set an Acme approver’s delegation',
      (c) => mayManageDelegation(c, { email: 'al@acme.example', companyId: 'acme' }),
      ['acmeApprover', 'acmeAdmin'],
    ],
    [
      'set Rita’s delegation (the seller’s staff)',
      (c) => mayManageDelegation(c, { email: 'rita@seller.example' }),
      ['acmeRep', 'repAndManager', 'sellerAdmin'],
    ],
  ])('who may %s', (_, question, allowed) => {
    expect(who(question)).toEqual(allowed);
  });

  it('records a review as the rep’s when the account rep holds both groups, so their discount needs someone else', () => {
    expect(reviewerRole(callers.repAndManager, acmeRfq)).toBe('rep');
    expect(reviewerRole(callers.salesManager, acmeRfq)).toBe('sales-manager');
    expect(mayApproveDiscount(callers.repAndManager, 'rita@seller.example')).toBe(false);
    expect(mayApproveDiscount(callers.salesManager, 'sam@seller.example')).toBe(false);
  });

  it.each([
    ['nobody’s (a newcomer)', undefined, true],
    ['Acme’s own (also one it removed)', { companyId: 'acme' }, true],
    ['Globex’s', { companyId: 'globex' }, false],
    ['the seller’s staff’s (no company)', {}, false],
  ])('lets Acme list a person whose sign-in account is %s: %s', (_, account, allowed) => {
    expect(mayEnrolAccount('acme', account)).toBe(allowed);
  });

  it('names the role a person speaks in on the thread', () => {
    expect(threadRole(callers.acmeBuyer, acmeRfq)).toBe('buyer');
    expect(threadRole(callers.acmeAdmin, acmeRfq)).toBe('approver');
    expect(threadRole(callers.acmeRep, acmeRfq)).toBe('rep');
    expect(threadRole(callers.repAndManager, acmeRfq)).toBe('rep');
    expect(threadRole(callers.salesManager, acmeRfq)).toBe('sales-manager');
    expect(threadRole(callers.sellerAdmin, acmeRfq)).toBe('admin');
  });

  it('never lets the buyer who submitted approve their own purchase, even when named on the level', () => {
    const level = { approvers: ['al@acme.example', 'bea@acme.example'] };
    expect(mayApprovePurchaseLevel('al@acme.example', level, acmeRfq)).toBe(true);
    expect(mayApprovePurchaseLevel('bea@acme.example', level, acmeRfq)).toBe(false);
    expect(mayApprovePurchaseLevel('ada@acme.example', level, acmeRfq)).toBe(false);
  });

  it('lets a contact a level was escalated to decide it, never the buyer who submitted', () => {
    const level = { approvers: ['al@acme.example'], escalation: { to: ['ada@acme.example', 'bea@acme.example'] } };
    expect(mayApprovePurchaseLevel('ada@acme.example', level, acmeRfq)).toBe(true);
    expect(mayApprovePurchaseLevel('bea@acme.example', level, acmeRfq)).toBe(false);
    expect(mayDecidePurchaseLevel(callers.acmeAdmin, acmeRfq, level)).toBe(true);
    expect(mayDecidePurchaseLevel(callers.acmeAdmin, acmeRfq, { approvers: ['al@acme.example'] })).toBe(false);
    expect(
      mayDecidePurchaseLevel(callers.globexAdmin, acmeRfq, { ...level, escalation: { to: ['gia@globex.example'] } }),
    ).toBe(false);
  });

  it('lets only a review escalated to the sales manager be reassigned from its link', () => {
    expect(mayReassignByLink({ purpose: 'rep-review', escalated: true })).toBe(true);
    expect(mayReassignByLink({ purpose: 'rep-review' })).toBe(false);
    expect(mayReassignByLink({ purpose: 'approval-level', escalated: true })).toBe(false);
  });

  it('lists every company to the seller admin, a rep’s own accounts to a rep, and none to anyone else', () => {
    expect(companyScope(callers.sellerAdmin)).toEqual({ kind: 'all' });
    expect(companyScope(callers.acmeRep)).toEqual({ kind: 'rep', repEmail: 'rita@seller.example' });
    expect(companyScope(callers.salesManager)).toBeUndefined();
    expect(companyScope(callers.acmeAdmin)).toBeUndefined();
    expect(companyScope(callers.acmeBuyer)).toBeUndefined();
    expect(mayReadContract(callers.sellerAdmin)).toBe(true);
    expect(mayReadContract(callers.acmeAdmin)).toBe(false);
    expect(mayReadContract(callers.acmeRep)).toBe(false);
  });

  it('shows budgets to whoever sets them, and what buyers spent only to the company’s own admin', () => {
    expect(mayReadBudgets(callers.acmeAdmin, 'acme')).toBe(true);
    expect(mayReadBudgets(callers.sellerAdmin, 'acme')).toBe(true);
    expect(mayReadBudgets(callers.globexAdmin, 'acme')).toBe(false);
    expect(mayReadBudgets(callers.acmeBuyer, 'acme')).toBe(false);
    expect(seesBudgetStanding(callers.acmeAdmin, 'acme')).toBe(true);
    expect(seesBudgetStanding(callers.sellerAdmin, 'acme')).toBe(false);
    expect(seesBudgetStanding(callers.globexAdmin, 'acme')).toBe(false);
  });

  it('gives each caller the slice of lists they may read', () => {
    expect(listScope(callers.acmeBuyer)).toEqual({ kind: 'company', companyId: 'acme' });
    expect(listScope(callers.acmeRep)).toEqual({ kind: 'rep', repEmail: 'rita@seller.example' });
    expect(listScope(callers.salesManager)).toEqual({ kind: 'all' });
    expect(listScope(callers.sellerAdmin)).toEqual({ kind: 'all' });
    expect(listScope(callers.nobody)).toBeUndefined();
    expect(mayRead(callers.nobody, acmeRfq)).toBe(false);
  });

  const shop = ['catalog', 'new-rfq', 'my-rfqs', 'my-orders'];
  it.each<[Who, string[]]>([
    ['acmeBuyer', shop],
    ['acmeApprover', ['approvals', ...shop]],
    ['acmeAdmin', ['approvals', ...shop, 'dashboard', 'company-settings']],
    ['acmeRep', ['queue', 'submit-for-buyer', 'customer-orders', 'dashboard']],
    ['salesManager', ['discounts', 'customer-orders', 'dashboard']],
    ['repAndManager', ['queue', 'submit-for-buyer', 'discounts', 'customer-orders', 'dashboard']],
    ['sellerAdmin', ['products', 'contracts', 'companies', 'integrations', 'customer-orders', 'dashboard']],
    ['nobody', []],
  ])('opens the app to %s at the sections its routes let them use: %j', (name, sections) => {
    expect(sectionsOf(callers[name])).toEqual(sections);
  });

  it('starts an approver who also buys at the catalog, like any buyer, with the approvals after the shop', () => {
    expect(sectionsOf({ ...callers.acmeApprover, groups: ['buyer', 'approver'] })).toEqual([...shop, 'approvals']);
  });

  it('lets anyone with a role ask what they may open', () => {
    expect(who(mayAskOwnSections)).toEqual(everyone.filter((name) => name !== 'nobody'));
  });
});

/**
 * The route table's roles are the policy's, not a second opinion: for every route that needs a token, the roles it
 * lets through are exactly the roles for which the policy's question can answer yes. A disagreement fails here.
 */
const questionOf: Record<string, (c: Caller) => boolean> = {
  'POST /rfqs': (c) => maySubmit(c, acmeRfq) || maySubmitOnBehalf(c, acmeRfq),
  'GET /rfqs': (c) => listScope(c) !== undefined,
  'GET /rfqs/{rfqId}': (c) => mayReadRfq(c, acmeRfq),
  'GET /rfqs/{rfqId}/quote.pdf': (c) => mayReadQuotePdf(c, acmeRfq),
  'GET /rfqs/{rfqId}/comments': (c) => mayReadRfq(c, acmeRfq),
  'POST /rfqs/{rfqId}/comments': (c) => mayPostComment(c, acmeRfq),
  'GET /rfqs/{rfqId}/versions': (c) => mayReadRfq(c, acmeRfq),
  'POST /rfqs/{rfqId}/review': (c) => mayReview(c, acmeRfq) || mayApproveDiscount(c, 'rita@seller.example'),
  'GET /rfqs/{rfqId}/review': (c) => mayReview(c, acmeRfq),
  'POST /rfqs/{rfqId}/accept': (c) => mayDecideQuote(c, acmeRfq),
  'GET /rfqs/{rfqId}/po-number-uses': (c) => mayCheckPoNumber(c, acmeRfq),
  'POST /rfqs/{rfqId}/decline': (c) => mayDecideQuote(c, acmeRfq),
  'POST /rfqs/{rfqId}/revise': (c) => mayDecideQuote(c, acmeRfq),
  'POST /rfqs/{rfqId}/cancel': (c) => mayCancel(c, acmeRfq),
  'GET /orders': (c) => listScope(c) !== undefined,
  'GET /catalog': (c) => mayRead(c, acmeRfq),
  'GET /orders/{orderId}': (c) => mayReadOrder(c, acmeRfq),
  'GET /orders/{orderId}/documents/{format}': (c) => mayReadOrderDocuments(c, acmeRfq),
  'GET /integration/events': mayReadIntegrationFeed,
  'PUT /integrations/{integrationId}/webhook': mayManageIntegrations,
  'GET /integrations/{integrationId}/webhook': mayManageIntegrations,
  'DELETE /integrations/{integrationId}/webhook': mayManageIntegrations,
  'GET /integrations/{integrationId}/deliveries': mayManageIntegrations,
  'POST /integrations/{integrationId}/deliveries/{deliveryId}/retry': mayManageIntegrations,
  'POST /integration/orders/{orderId}/confirmation': mayReportOrderStatus,
  'POST /integration/orders/{orderId}/shipments': mayReportOrderStatus,
  'POST /integration/orders/{orderId}/invoices': mayReportOrderStatus,
  'POST /integration/orders/{orderId}/cancellation': mayReportOrderStatus,
  'PUT /integration/products': mayEditReferenceData,
  'POST /integrations': mayManageIntegrations,
  'GET /integrations': mayManageIntegrations,
  'POST /integrations/{integrationId}/secret': mayManageIntegrations,
  'DELETE /integrations/{integrationId}': mayManageIntegrations,
  'GET /products': mayListProducts,
  'PUT /products/{sku}': mayEditReferenceData,
  'PUT /companies/{companyId}': mayEditReferenceData,
  'PUT /companies/{companyId}/contract': mayEditReferenceData,
  'GET /companies/{companyId}': (c) => mayReadCompanySettings(c, 'acme'),
  'PUT /companies/{companyId}/users': (c) => mayManageCompanyUsers(c, 'acme'),
  'PUT /companies/{companyId}/users/{email}': mayMovePeople,
  'GET /companies/{companyId}/invitations': (c) => mayManageCompanyUsers(c, 'acme'),
  'POST /companies/{companyId}/users/{email}/invitation': (c) => mayManageCompanyUsers(c, 'acme'),
  'GET /companies/{companyId}/approval-rules': (c) => mayReadCompanySettings(c, 'acme'),
  'GET /companies/{companyId}/approval-chain': (c) => mayReadCompanySettings(c, 'acme'),
  'PUT /companies/{companyId}/approval-rules': (c) => mayEditApprovalRules(c, 'acme'),
  'POST /rfqs/{rfqId}/approval': (c) => mayDecidePurchaseLevel(c, acmeRfq, { approvers: [c.email] }),
  'GET /me': mayAskOwnSections,
  'GET /me/tasks': mayListOwnTasks,
  'GET /me/queue': mayReadRepQueue,
  'PUT /companies/{companyId}/budgets': (c) => mayEditBudgets(c, 'acme'),
  'GET /companies/{companyId}/budgets': (c) => mayReadBudgets(c, 'acme'),
  'GET /companies': (c) => companyScope(c) !== undefined,
  'GET /companies/{companyId}/contract': mayReadContract,
  'GET /tax/settings': mayManageTaxSettings,
  'PUT /tax/settings': mayManageTaxSettings,
  'GET /me/delegation': (c) => mayManageDelegation(c, self(c)),
  'PUT /me/delegation': (c) => mayManageDelegation(c, self(c)),
  'DELETE /me/delegation': (c) => mayManageDelegation(c, self(c)),
  'GET /kpis': (c) =>
    mayReadKpis(c, {}) ||
    mayReadKpis(c, { repEmail: c.email }) ||
    (c.companyId !== undefined && mayReadKpis(c, { companyId: c.companyId })),
};

/** Asked of callers holding one group each, so a role counts only for what that role alone may do. */
const rolesThePolicyAllows = (question: (c: Caller) => boolean): Role[] => [
  ...new Set(
    everyone
      .map((name): Caller => callers[name])
      .filter((c) => c.groups.length === 1 && question(c))
      .flatMap((c) => c.groups),
  ),
];

describe('the route table agrees with the policy', () => {
  const jwtRoutes = routes.filter((r) => r.auth === 'jwt');

  it('names a policy question for every route that needs a token', () => {
    expect(jwtRoutes.map((r) => r.key).filter((key) => !(key in questionOf))).toEqual([]);
  });

  it.each(jwtRoutes.map((r) => [r.key, r] as const))(
    '%s lets through exactly the roles the policy allows',
    (key, r) => {
      const question = questionOf[key];
      if (!question) return;
      expect([...(r.roles ?? [])].sort()).toEqual(rolesThePolicyAllows(question).sort());
    },
  );
});
