import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RfqStatus } from '#domain/lifecycle.ts';
import { orderIdFor } from '#domain/order.ts';
import { tokenOf } from '#local/inbox.ts';
import { always, aRule } from '../builders/approval-rule.ts';
import { aCompanyLike } from '../builders/company.ts';
import type { User } from './api.ts';
import { useTestStack } from './test-stack.ts';
import { until } from './until.ts';
import {
  acme,
  anRfqRequest,
  bolts,
  buyerDecides,
  globex,
  gloves,
  idempotencyKey,
  people,
  rfqReaches,
  stageCompany,
  submit,
} from './world.ts';

/**
 * Every decision route doing its job on the real workflow (the ASL on the local Step Functions service, the real
 * step handlers, DynamoDB Local, the local SES): reference data through the admin routes, then RFQs driven through
 * review, accept, revise, decline and an email-link approval to an order.
 */
const api = useTestStack('flows', { seed: false });
const run = randomUUID().slice(0, 8);
/** Unique per run: the SES store is shared by every test file. */
const globexApprover = `approver-${run}@globex.example`;

const poll = (rfqId: string, statuses: RfqStatus[], as: User = people.acmeBuyer) =>
  rfqReaches(api, rfqId, statuses, as);

beforeAll(async () => {
  await stageCompany(api, people.admin, { company: acme, products: [bolts, gloves] });
  await stageCompany(api, people.admin, {
    company: aCompanyLike(globex).withApprover(globexApprover).build(),
    tiered: bolts.sku,
    rules: [aRule('everything').when(always).approvedBy(globexApprover).build()],
  });
});

/**
 * The RFQ is IN_REVIEW as soon as it is priced, a moment before the workflow has mailed the rep and opened the review
 * wait; a review is decided once the rep has been asked, as a rep who read the email would.
 */
const repAsked = async (rfqId: string): Promise<void> => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { status, quote } = (await api.store.rfqs.get(rfqId))!;
    const links = await api.store.links.listForRfq(rfqId);
    const asked = links.some(
      (l) => l.purpose === 'rep-review' && l.status === 'PENDING' && l.quoteVersion === quote?.version,
    );
    if (asked || !['SUBMITTED', 'IN_REVIEW'].includes(status) || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** A seller decision on the version the seller sees now (a decision names the version it answers). */
const review = async (rfqId: string, as: typeof people.acmeRep, body: object) => {
  await repAsked(rfqId);
  const quoteVersion = (await api.store.rfqs.get(rfqId))?.quote?.version;
  return api.call('POST', `/rfqs/${rfqId}/review`, { as, body: { quoteVersion, ...body } });
};

/** A buyer's decision on the quote as they just read it. */
const buyerDecision = (rfqId: string, action: string, body: object, as = people.acmeBuyer) =>
  buyerDecides(api, as, rfqId, action, body);

describe('an RFQ through the API on the real workflow', () => {
  it('is priced from the contract, approved by the rep with an adjustment, accepted, and ordered', async () => {
    const rfqId = await submit(api, people.acmeBuyer);
    // Priced, not yet sent: the rep reads the working version; the buyer sees no quote until the rep sends one.
    const priced = await poll(rfqId, ['IN_REVIEW'], people.acmeRep);
    expect((await api.call('GET', `/rfqs/${rfqId}`, { as: people.acmeBuyer })).body).toMatchObject({
      lines: [],
      total: null,
    });
    expect(priced.body.lines).toEqual([
      expect.objectContaining({
        sku: bolts.sku,
        quantity: 100,
        unitPrice: 9_00,
        lineTotal: 900_00,
        priceSource: expect.any(String),
      }),
    ]);
    expect(priced.body).toMatchObject({ total: 900_00, currency: 'USD', version: 1 });
    expect(priced.body.lines[0].cost).toBe(bolts.cost);

    const reviewed = await review(rfqId, people.acmeRep, {
      decision: 'approve',
      adjustments: [{ sku: bolts.sku, unitPrice: 8_55 }],
      comment: 'volume customer',
    });
    expect(reviewed.status, reviewed.text).toBe(202);
    const quoted = await poll(rfqId, ['QUOTED']);
    expect(quoted.body.lines[0]).toMatchObject({ unitPrice: 8_55, lineTotal: 855_00 });
    expect(quoted.body.lines[0]).not.toHaveProperty('cost');
    expect(quoted.body.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The buyer saw version 1; the rep's adjustment made version 2. Accepting version 1 is refused, naming version 2.
    const stale = await api.call('POST', `/rfqs/${rfqId}/accept`, {
      as: people.acmeBuyer,
      body: { poNumber: 'PO-4711', quoteVersion: 1 },
    });
    expect(stale.status, stale.text).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.body).toMatchObject({ status: 409, currentVersion: 2 });
    expect((await api.call('GET', `/rfqs/${rfqId}`, { as: people.acmeBuyer })).body.status).toBe('QUOTED');
    const accepted = await buyerDecision(rfqId, 'accept', { poNumber: 'PO-4711' });
    expect(accepted.status, accepted.text).toBe(202);
    const ordered = await poll(rfqId, ['ORDERED']);
    expect(ordered.body).toMatchObject({ poNumber: 'PO-4711', orderId: expect.any(String) });
    expect(ordered.body.history.map((e: { action: string }) => e.action)).toContain('submitted');

    const order = await api.call('GET', `/orders/${ordered.body.orderId}`, { as: people.acmeApprover });
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({ rfqId, companyId: 'acme', poNumber: 'PO-4711', total: 855_00 });
    for (const who of [people.acmeBuyer, people.acmeRep, people.admin]) {
      const orders = await api.call('GET', '/orders', { as: who });
      expect(orders.body.items.map((o: { orderId: string }) => o.orderId)).toContain(ordered.body.orderId);
    }
    const notTheirs = await api.call('GET', '/orders', { as: people.globexRep });
    expect(notTheirs.body.items.map((o: { orderId: string }) => o.orderId)).not.toContain(ordered.body.orderId);
  });

  it('goes back to review with a new version when the buyer asks for a revision, then is declined', async () => {
    const rfqId = await submit(api, people.acmeBuyer);
    await poll(rfqId, ['IN_REVIEW']);
    expect((await review(rfqId, people.acmeRep, { decision: 'approve' })).status).toBe(202);
    await poll(rfqId, ['QUOTED']);
    const revise = await buyerDecision(rfqId, 'revise', { comment: 'can you do better?' });
    expect(revise.status, revise.text).toBe(202);
    const again = await poll(rfqId, ['IN_REVIEW'], people.acmeRep);
    expect(again.body.version).toBe(2);
    const staleReview = await api.call('POST', `/rfqs/${rfqId}/review`, {
      as: people.acmeRep,
      body: { decision: 'approve', quoteVersion: 1 },
    });
    expect(staleReview.status, staleReview.text).toBe(409);
    expect(staleReview.body.currentVersion).toBe(2);
    expect((await review(rfqId, people.acmeRep, { decision: 'approve' })).status).toBe(202);
    await poll(rfqId, ['QUOTED']);
    const decline = await buyerDecision(rfqId, 'decline', { reason: 'went elsewhere' });
    expect(decline.status, decline.text).toBe(202);
    await poll(rfqId, ['DECLINED']);
  });

  it('ends when the rep rejects, and a second review is refused', async () => {
    const rfqId = await submit(api, people.acmeBuyer, anRfqRequest([{ sku: gloves.sku, quantity: 3 }]));
    await poll(rfqId, ['IN_REVIEW']);
    expect((await review(rfqId, people.acmeRep, { decision: 'reject', comment: 'not our line' })).status).toBe(202);
    await poll(rfqId, ['REJECTED']);
    const late = await review(rfqId, people.acmeRep, { decision: 'approve' });
    expect(late.status).toBe(409);
  });

  it('is approved by the buyer company’s approver from the email link, then ordered', async () => {
    const rfqId = await submit(api, people.globexBuyer);
    await poll(rfqId, ['IN_REVIEW'], people.globexBuyer);
    expect((await review(rfqId, people.globexRep, { decision: 'approve' })).status).toBe(202);
    await poll(rfqId, ['QUOTED'], people.globexBuyer);
    const accept = await buyerDecision(rfqId, 'accept', { poNumber: 'G-1' }, people.globexBuyer);
    expect(accept.status).toBe(202);
    await poll(rfqId, ['PENDING_APPROVAL'], people.globexBuyer);

    const inbox = api.inbox;
    const links = await until('the approver’s link', async () => {
      const mailed = await inbox.linksFor(globexApprover);
      return mailed.length > 0 ? mailed : undefined;
    });
    expect(links).toHaveLength(1);
    const path = `/approvals/${tokenOf(links[0]!)}`;
    const page = await api.call('GET', path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const decided = await api.call('POST', path, {
      raw: 'decision=approve&comment=fine',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(decided.status, decided.text).toBe(200);
    await poll(rfqId, ['ORDERED'], people.globexBuyer);
    const replay = await api.call('POST', path, {
      body: { decision: 'approve' },
      headers: { accept: 'application/json' },
    });
    expect(replay.status).toBe(409);
    // The used link names the order its request became, and where the app shows it.
    const orderId = orderIdFor(rfqId);
    expect(replay.body).toEqual({ outcome: 'used', order: { orderId, url: `${api.urls.app}orders/${orderId}` } });
    const later = await api.call('GET', path);
    expect(later.status).toBe(409);
    expect(later.text).toContain(`Open order ${orderId} in the app`);
  });

  it('keeps retries of one submission to one RFQ and one execution', async () => {
    const key = idempotencyKey();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.call('POST', '/rfqs', { as: people.acmeBuyer, body: anRfqRequest(), headers: { 'idempotency-key': key } }),
      ),
    );
    const rfqId = answers[0]!.body.rfqId;
    expect(answers.every((a) => a.status === 201 && a.body.rfqId === rfqId)).toBe(true);
    expect(api.stepFunctions.executions().filter((e) => e.name === rfqId)).toHaveLength(1);
    await repAsked(rfqId);
  });
});
