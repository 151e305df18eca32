import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { ApprovalRule } from '#domain/approval-rule.ts';
import type { Company, Role } from '#domain/company.ts';
import type { Contract } from '#domain/contract.ts';
import type { RfqStatus } from '#domain/lifecycle.ts';
import { orderFrom } from '#domain/order.ts';
import type { Product } from '#domain/product.ts';
import { anAddress, aShipTo } from '../builders/address.ts';
import { aCompany } from '../builders/company.ts';
import { aContract } from '../builders/contract.ts';
import { aProduct } from '../builders/product.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';
import type { Answer, ApiClient, User } from './api.ts';
import type { TestStack } from './test-stack.ts';
import { until } from './until.ts';

/**
 * Two buyer companies with their people, and the seller's staff: enough to ask "may this person do that to this
 * company's RFQ?" from every side.
 */
export const people = {
  acmeBuyer: { email: 'bea@acme.example', groups: ['buyer'], companyId: 'acme' },
  acmeApprover: { email: 'al@acme.example', groups: ['approver'], companyId: 'acme' },
  acmeAdmin: { email: 'ada@acme.example', groups: ['admin'], companyId: 'acme' },
  globexBuyer: { email: 'gus@globex.example', groups: ['buyer'], companyId: 'globex' },
  globexApprover: { email: 'gia@globex.example', groups: ['approver'], companyId: 'globex' },
  acmeRep: { email: 'rita@seller.example', groups: ['rep'] },
  globexRep: { email: 'rob@seller.example', groups: ['rep'] },
  salesManager: { email: 'sam@seller.example', groups: ['sales-manager'] },
  admin: { email: 'root@seller.example', groups: ['admin'] },
} satisfies Record<string, User>;

export const acme: Company = aCompany('acme')
  .inErpAs('C-100234')
  .at(anAddress('Acme Accounts Payable'), aShipTo('oakland'), aShipTo('reno'))
  .servedBy(people.acmeRep.email)
  .withBuyer(people.acmeBuyer.email)
  .withApprover(people.acmeApprover.email)
  .withAdmin(people.acmeAdmin.email)
  .build();

export const globex: Company = aCompany('globex')
  .servedBy(people.globexRep.email)
  .withBuyer(people.globexBuyer.email)
  .withApprover(people.globexApprover.email)
  .build();

export const bolts: Product = aProduct('BOLT-M8').build();
export const gloves: Product = aProduct('GLOVE-L').build();

export const seed = async (api: TestStack): Promise<void> => {
  await Promise.all([
    api.store.catalog.putCompany(acme),
    api.store.catalog.putCompany(globex),
    api.store.catalog.putProduct(bolts),
    api.store.catalog.putProduct(gloves),
  ]);
};

/**
 * A fresh Acme order of 10 bolts at 12.00 (line L1) and 4 gloves at 5.00 (L2) under PO-77, placed as the workflow
 * places one (an APPROVED RFQ converted in one transaction): what the ERP's status reports are about.
 */
export const placedOrder = async (api: TestStack): Promise<string> => {
  const quote = aQuote().withLine(bolts.sku, 10, 12_00).withLine(gloves.sku, 4, 5_00).build();
  const rfq = anRfq(`rfq_po${randomUUID().slice(0, 12)}`)
    .for(acme.companyId, people.acmeRep.email)
    .by(people.acmeBuyer.email)
    .withQuote(quote)
    .withStatus('APPROVED')
    .withPoNumber('PO-77')
    .build();
  await api.store.rfqs.create(rfq, { actor: { email: people.acmeBuyer.email, role: 'buyer' }, action: 'submitted' });
  const order = orderFrom(rfq, { paymentTerms: 'NET30', at: new Date().toISOString() });
  await api.store.rfqs.convertToOrder(rfq, order, {
    actor: { email: 'system@seller.example', role: 'system' },
    action: 'ordered',
  });
  return order.orderId;
};

let keys = 0;
export const idempotencyKey = (): string => `key-${Date.now().toString(36)}-${(keys++).toString(36)}`;

export const anRfqRequest = (
  lines: { sku: string; quantity: number; targetUnitPrice?: number; description?: string }[] = [
    { sku: bolts.sku, quantity: 100 },
  ],
) => ({ lines, note: 'for the new line' });

/** Submits as `who` and answers the new rfqId. */
export const submit = async (api: ApiClient, who: User, body: object = anRfqRequest()): Promise<string> => {
  const answer = await api.call('POST', '/rfqs', { as: who, body, headers: { 'idempotency-key': idempotencyKey() } });
  if (answer.status !== 201) throw new Error(`submit failed: ${answer.status} ${answer.text}`);
  return answer.body.rfqId;
};

/** The RFQ as `as` reads it, once its status is one of `statuses` (the workflow moves it a moment after a decision). */
export const rfqReaches = async (
  api: ApiClient,
  rfqId: string,
  statuses: readonly RfqStatus[],
  as: User,
): Promise<Answer> => {
  let last = 'unread';
  return until(
    () => `${rfqId} to be ${statuses.join(' / ')} (it is ${last})`,
    async () => {
      const view = await api.call('GET', `/rfqs/${rfqId}`, { as });
      last = view.body.status;
      return statuses.includes(view.body.status) ? view : undefined;
    },
  );
};

/** The task of `kind` on the RFQ in `who`'s `GET /me/tasks`, once the workflow has asked them. */
// biome-ignore lint/suspicious/noExplicitAny: tasks are read as loose JSON, asserted field by field
export const taskFor = (api: ApiClient, who: User, rfqId: string, kind: string): Promise<any> =>
  until(`a ${kind} task on ${rfqId} for ${who.email}`, async () =>
    (await api.call('GET', '/me/tasks', { as: who })).body.items?.find(
      (t: { rfqId: string; kind: string }) => t.rfqId === rfqId && t.kind === kind,
    ),
  );

/** A buyer's decision (`accept`, `decline`, `revise`) on the quote as they just read it. */
export const buyerDecides = async (
  api: ApiClient,
  as: User,
  rfqId: string,
  action: string,
  body: object,
): Promise<Answer> => {
  const { version } = (await api.call('GET', `/rfqs/${rfqId}`, { as })).body;
  return api.call('POST', `/rfqs/${rfqId}/${action}`, { as, body: { ...body, quoteVersion: version } });
};

/**
 * The people and products of a test file's own story, every address and SKU unique to the run (the inbox and the
 * catalog are shared by every file): a buyer company `<label>-<run>` with a buyer and an approver, its rep, a sales
 * manager and the seller's admin; bolts and nuts with their costs. `buyerSide` names more of the company's people.
 */
export const aCast = (label: string) => {
  const run = randomUUID().slice(0, 8);
  const companyId = `${label}-${run}`;
  const buyerSide = (name: string, role: Role): User => ({
    email: `${name}-${run}@${label}.example`,
    groups: [role],
    companyId,
  });
  const sellerSide = (name: string, role: Role): User => ({ email: `${name}-${run}@seller.example`, groups: [role] });
  const buyer = buyerSide('buyer', 'buyer');
  const approver = buyerSide('approver', 'approver');
  const rep = sellerSide('rep', 'rep');
  return {
    run,
    companyId,
    buyerSide,
    buyer,
    approver,
    rep,
    manager: sellerSide('manager', 'sales-manager'),
    sellerAdmin: sellerSide('root', 'admin'),
    bolts: aProduct(`BOLT-${run}`).listedAt(10_00).costing(6_00).build(),
    nuts: aProduct(`NUT-${run}`).listedAt(2_00).costing(1_10).build(),
    /** The company served by the rep, with the buyer and the approver; add people before `build()`. */
    company: () => aCompany(companyId).servedBy(rep.email).withBuyer(buyer.email).withApprover(approver.email),
  };
};

/** The contract the flows price by: `sku` at 9.00 from 100, valid from last year to the end of next. */
export const aContractFor = (companyId: string, sku: string): Contract => {
  const thisYear = new Date().getUTCFullYear();
  return aContract(`ctr-${companyId}`)
    .for(companyId)
    .validBetween(`${thisYear - 1}-01-01`, `${thisYear + 1}-12-31`)
    .withTier(sku, 100, 9_00)
    .build();
};

/** Stores reference data as the seller's admin does, through the admin routes: each PUT answers what it stored. */
export const putAsAdmin = async (api: ApiClient, admin: User, path: string, body: unknown): Promise<void> => {
  const answer = await api.call('PUT', path, { as: admin, body });
  expect(answer.status, answer.text).toBe(200);
  expect(answer.body).toEqual(body);
};

/**
 * A buyer company ready to trade, stored through the admin routes: the products, the company, its contract (`tiered`,
 * by default the first product, at 9.00 from 100) and its approval rules (none unless given).
 */
export const stageCompany = async (
  api: ApiClient,
  admin: User,
  stage: { company: Company; products?: Product[]; tiered?: string; rules?: ApprovalRule[] },
): Promise<void> => {
  const { company, products = [], rules = [] } = stage;
  for (const product of products) await putAsAdmin(api, admin, `/products/${product.sku}`, product);
  await putAsAdmin(api, admin, `/companies/${company.companyId}`, company);
  const tiered = stage.tiered ?? products[0]?.sku;
  if (tiered)
    await putAsAdmin(api, admin, `/companies/${company.companyId}/contract`, aContractFor(company.companyId, tiered));
  await putAsAdmin(api, admin, `/companies/${company.companyId}/approval-rules`, { rules });
};
