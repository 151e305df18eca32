import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RfqStatus } from '#domain/lifecycle.ts';
import type { ApprovalStep } from '#domain/rfq.ts';
import type { ApprovalLink } from '#store/ports.ts';
import { aProduct } from '../builders/product.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';
import type { Answer, User } from './api.ts';
import { useTestStack } from './test-stack.ts';
import { until } from './until.ts';
import { aCast, buyerDecides, rfqReaches, stageCompany, submit, taskFor } from './world.ts';

/**
 * A quote as a conversation, on the real workflow: the thread (shared posts and seller notes, and the comments that
 * decisions carry) and the quote versions with what changed, read by each side through the API.
 */
const api = useTestStack('negotiation', { seed: false });
const cast = aCast('nego');
const { run, companyId, buyer, approver, rep, manager, sellerAdmin, bolts, nuts } = cast;
const zincBolts = aProduct(`BOLT-ZN-${run}`).listedAt(12_00).costing(7_00).build();
const washers = aProduct(`WASHER-${run}`).listedAt(50).costing(20).build();

const poll = (rfqId: string, statuses: RfqStatus[]) => rfqReaches(api, rfqId, statuses, sellerAdmin);

/** The sales manager's discount approval is mailed to the configured manager; its link is open once asked. */
const managerAsked = (rfqId: string) =>
  until(`a discount approval asked on ${rfqId}`, async () =>
    (await api.store.links.listForRfq(rfqId)).some((l) => l.purpose === 'discount-approval' && l.status === 'PENDING')
      ? true
      : undefined,
  );

const review = async (rfqId: string, body: object, as: User = rep, kind = 'review') => {
  const { quoteVersion } = await taskFor(api, as, rfqId, kind);
  const answer = await api.call('POST', `/rfqs/${rfqId}/review`, { as, body: { quoteVersion, ...body } });
  expect(answer.status, answer.text).toBe(202);
};

/** The buyer's decision on the quote as they read it, which the API takes. */
const decideAsBuyer = async (rfqId: string, action: string, body: object) => {
  const answer = await buyerDecides(api, buyer, rfqId, action, body);
  expect(answer.status, answer.text).toBe(202);
};

/** The buyer submits; answers the new rfqId. */
const submitted = (body: object): Promise<string> => submit(api, buyer, body);

const thread = async (rfqId: string, as: User) => {
  const answer = await api.call('GET', `/rfqs/${rfqId}/comments`, { as });
  expect(answer.status, answer.text).toBe(200);
  return answer.body.items as { text: string; visibility: string; role: string; decision?: string }[];
};

const versions = async (rfqId: string, as: User) => {
  const answer = await api.call('GET', `/rfqs/${rfqId}/versions`, { as });
  expect(answer.status, answer.text).toBe(200);
  return answer.body.items as {
    version: number;
    createdBy: string;
    lines: { lineId: string; sku: string; unitPrice: number; quantity: number; cost?: number }[];
    changes: { lineId: string; field: string; from: unknown; to: unknown; by: string; reason?: string }[];
  }[];
};

beforeAll(() =>
  stageCompany(api, sellerAdmin, { company: cast.company().build(), products: [bolts, nuts, zincBolts, washers] }),
);

describe('the thread', () => {
  it('carries posts from both sides and the decisions’ comments; a seller note never reaches the buyer side', async () => {
    const rfqId = await submitted({ lines: [{ sku: bolts.sku, quantity: 100 }] });
    await taskFor(api, rep, rfqId, 'review');

    const asked = await api.call('POST', `/rfqs/${rfqId}/comments`, {
      as: buyer,
      body: { text: 'Could you ship before the 20th?' },
    });
    expect(asked.status, asked.text).toBe(201);
    expect(asked.body).toMatchObject({ author: buyer.email, role: 'buyer', visibility: 'shared', quoteVersion: 1 });
    const note = await api.call('POST', `/rfqs/${rfqId}/comments`, {
      as: rep,
      body: { text: `SELLER-NOTE-${run}: they buy from Globex too`, visibility: 'seller' },
    });
    expect(note.status, note.text).toBe(201);
    const refused = await api.call('POST', `/rfqs/${rfqId}/comments`, {
      as: buyer,
      body: { text: 'sneaky', visibility: 'seller' },
    });
    expect(refused.status, refused.text).toBe(403);

    await review(rfqId, { decision: 'approve', comment: 'Yes, from the Leeds stock.', commentVisibility: 'shared' });
    await poll(rfqId, ['QUOTED']);
    await decideAsBuyer(rfqId, 'revise', { comment: 'A little lower on the bolts?' });
    await poll(rfqId, ['IN_REVIEW']);

    const sellerSide = await thread(rfqId, rep);
    expect(sellerSide.map((c) => [c.role, c.visibility, c.decision ?? null, c.text])).toEqual([
      ['buyer', 'shared', null, 'Could you ship before the 20th?'],
      ['rep', 'seller', null, `SELLER-NOTE-${run}: they buy from Globex too`],
      ['rep', 'shared', 'reviewed', 'Yes, from the Leeds stock.'],
      ['buyer', 'shared', 'revision-requested', 'A little lower on the bolts?'],
    ]);
    for (const reader of [buyer, approver]) {
      const buyerSide = await thread(rfqId, reader);
      expect(buyerSide.map((c) => c.text)).toEqual([
        'Could you ship before the 20th?',
        'Yes, from the Leeds stock.',
        'A little lower on the bolts?',
      ]);
      expect(JSON.stringify(buyerSide)).not.toContain('SELLER-NOTE');
    }
  });
});

describe('quote versions', () => {
  it('keep stable line ids and what changed, by whom; the buyer side reads only versions the seller sent', async () => {
    const rfqId = await submitted({
      lines: [
        { sku: bolts.sku, quantity: 100 },
        { sku: nuts.sku, quantity: 50 },
      ],
    });
    await review(rfqId, {
      decision: 'approve',
      adjustments: [{ sku: nuts.sku, unitPrice: 1_90 }],
      comment: 'Nuts at our best price.',
      commentVisibility: 'shared',
    });
    await poll(rfqId, ['QUOTED']);

    const seen = await versions(rfqId, rep);
    expect(seen.map((v) => v.version)).toEqual([1, 2]);
    expect(seen[0]?.lines.map((l) => l.lineId)).toEqual(['L1', 'L2']);
    expect(seen[0]?.changes).toEqual([]);
    expect(seen[1]?.lines.map((l) => l.lineId)).toEqual(['L1', 'L2']);
    expect(seen[1]?.changes).toEqual([
      {
        lineId: 'L2',
        sku: nuts.sku,
        field: 'unitPrice',
        from: 2_00,
        to: 1_90,
        by: rep.email,
        reason: 'Nuts at our best price.',
      },
    ]);
    expect(seen[1]?.lines[1]?.cost).toBe(nuts.cost);

    const buyerSide = await versions(rfqId, buyer);
    expect(buyerSide.map((v) => v.version)).toEqual([1, 2]);
    expect(buyerSide[1]?.changes[0]).toMatchObject({ field: 'unitPrice', from: 2_00, to: 1_90, by: 'seller' });
    expect(JSON.stringify(buyerSide)).not.toMatch(/"cost"|"margin"|"adjustedBy"|seller\.example/);
  });

  it('are not shown to the buyer side before the seller sends one', async () => {
    const rfqId = await submitted({ lines: [{ sku: bolts.sku, quantity: 10 }] });
    await taskFor(api, rep, rfqId, 'review');
    expect(await versions(rfqId, buyer)).toEqual([]);
    expect((await versions(rfqId, rep)).map((v) => v.version)).toEqual([1]);
  });
});

describe('revisions', () => {
  it('start from the agreed prices: a price the sales manager approved stays through the buyer’s changes', async () => {
    const rfqId = await submitted({ lines: [{ sku: bolts.sku, quantity: 100 }] });
    // 7.50 is below the rep's floor (9.00 − 10% = 8.10): the sales manager approves it.
    await review(rfqId, { decision: 'approve', adjustments: [{ sku: bolts.sku, unitPrice: 7_50 }] });
    await poll(rfqId, ['DISCOUNT_APPROVAL']);
    await managerAsked(rfqId);
    const decided = await api.call('POST', `/rfqs/${rfqId}/review`, {
      as: manager,
      body: { decision: 'approve', comment: 'Once, for this account.', quoteVersion: 2 },
    });
    expect(decided.status, decided.text).toBe(202);
    const quoted = await poll(rfqId, ['QUOTED']);
    expect(quoted.body).toMatchObject({ version: 2, lines: [{ lineId: 'L1', unitPrice: 7_50 }] });

    await decideAsBuyer(rfqId, 'revise', {
      comment: 'We need 120 after all.',
      lines: [{ lineId: 'L1', quantity: 120 }],
    });
    const revised = await poll(rfqId, ['IN_REVIEW']);
    expect(revised.body).toMatchObject({ version: 3, lines: [{ lineId: 'L1', quantity: 120, unitPrice: 7_50 }] });
    await review(rfqId, { decision: 'approve' });
    const requoted = await poll(rfqId, ['QUOTED']);
    expect(requoted.body).toMatchObject({ version: 3, total: 900_00, lines: [{ unitPrice: 7_50, quantity: 120 }] });

    const asBuyer = await versions(rfqId, buyer);
    expect(asBuyer.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(asBuyer[2]?.changes).toEqual([
      {
        lineId: 'L1',
        sku: bolts.sku,
        field: 'quantity',
        from: 100,
        to: 120,
        by: buyer.email,
        reason: 'We need 120 after all.',
      },
    ]);
  });

  it('never show the buyer side a price the seller has not sent: during the sales manager’s decision it reads the last sent version', async () => {
    const rfqId = await submitted({ lines: [{ sku: bolts.sku, quantity: 100 }] });
    await review(rfqId, { decision: 'approve' });
    await poll(rfqId, ['QUOTED']);
    const sent = (await api.call('GET', `/rfqs/${rfqId}`, { as: buyer })).body;
    expect(sent).toMatchObject({ version: 1, lines: [{ unitPrice: 9_00 }], total: 900_00 });

    await decideAsBuyer(rfqId, 'revise', {
      comment: 'Can you do 7.50?',
      lines: [{ lineId: 'L1', targetUnitPrice: 7_50 }],
    });
    await poll(rfqId, ['IN_REVIEW']);
    await review(rfqId, { decision: 'approve', adjustments: [{ sku: bolts.sku, unitPrice: 7_50 }] });
    await poll(rfqId, ['DISCOUNT_APPROVAL']);
    await managerAsked(rfqId);

    const seller = (await api.call('GET', `/rfqs/${rfqId}`, { as: rep })).body;
    expect(seller).toMatchObject({ version: 3, lines: [{ unitPrice: 7_50 }], total: 750_00 });
    const asBuyer = await api.call('GET', `/rfqs/${rfqId}`, { as: buyer });
    expect(asBuyer.body).toMatchObject({
      status: 'DISCOUNT_APPROVAL',
      version: 1,
      lines: [{ unitPrice: 9_00 }],
      total: 900_00,
      validUntil: sent.validUntil,
    });
    const row = (await api.call('GET', '/rfqs?status=DISCOUNT_APPROVAL', { as: buyer })).body.items.find(
      (r: { rfqId: string }) => r.rfqId === rfqId,
    );
    expect(row).toMatchObject({ version: 1, total: 900_00, validUntil: sent.validUntil });
    const pdf = await api.call('GET', `/rfqs/${rfqId}/quote.pdf`, { as: buyer });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toContain(`quote-${rfqId}-v1.pdf`);

    const decided = await api.call('POST', `/rfqs/${rfqId}/review`, {
      as: manager,
      body: { decision: 'approve', quoteVersion: 3 },
    });
    expect(decided.status, decided.text).toBe(202);
    await poll(rfqId, ['QUOTED']);
    expect((await api.call('GET', `/rfqs/${rfqId}`, { as: buyer })).body).toMatchObject({
      version: 3,
      lines: [{ unitPrice: 7_50 }],
      total: 750_00,
    });
  });

  it('show the buyer side no quote at all while the first one waits for the sales manager', async () => {
    const rfqId = await submitted({ lines: [{ sku: bolts.sku, quantity: 10 }] });
    await review(rfqId, { decision: 'approve', adjustments: [{ sku: bolts.sku, unitPrice: 7_00 }] });
    await poll(rfqId, ['DISCOUNT_APPROVAL']);
    const asBuyer = await api.call('GET', `/rfqs/${rfqId}`, { as: buyer });
    expect(asBuyer.body).toMatchObject({ version: null, lines: [], total: null, validUntil: null });
    expect((await api.call('GET', `/rfqs/${rfqId}/quote.pdf`, { as: buyer })).status).toBe(409);
  });

  it('turned down by the rep leave the quote the buyer holds on offer, which the buyer can still accept', async () => {
    const rfqId = await submitted({ lines: [{ sku: nuts.sku, quantity: 40 }] });
    await review(rfqId, { decision: 'approve' });
    await poll(rfqId, ['QUOTED']);
    await decideAsBuyer(rfqId, 'revise', { comment: 'Half price?', lines: [{ lineId: 'L1', targetUnitPrice: 1_00 }] });
    await poll(rfqId, ['IN_REVIEW']);
    await review(rfqId, { decision: 'reject', comment: 'That is below our cost; the quote stands.' });
    const back = await poll(rfqId, ['QUOTED', 'REJECTED']);
    expect(back.body).toMatchObject({ status: 'QUOTED', version: 1, lines: [{ unitPrice: 2_00, quantity: 40 }] });
    expect(back.body.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await thread(rfqId, buyer)).map((c) => c.decision)).toEqual(['revision-requested', 'revision-declined']);

    for (const deadline = Date.now() + 60_000; ; ) {
      const answer = await api.call('POST', `/rfqs/${rfqId}/accept`, {
        as: buyer,
        body: { poNumber: `PO-${run}`, quoteVersion: 1 },
      });
      if (answer.status === 202) break;
      // The wait on the quote put back on offer opens a moment after the status returns to QUOTED: until then the
      // answer says to retry, never that the quote was decided.
      expect([answer.status, answer.headers.get('retry-after')], answer.text).toEqual([409, '1']);
      if (Date.now() > deadline) throw new Error(answer.text);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await poll(rfqId, ['ORDERED'])).body.total).toBe(80_00);
  });

  it('answer an accept that comes before the quote on offer has its wait with a retry, and an expired one as final', async () => {
    const system = { email: 'system@seller.example', role: 'system' as const };
    const rfq = anRfq().for(companyId, rep.email).by(buyer.email).requesting({ sku: nuts.sku, quantity: 5 }).build();
    await api.store.rfqs.create(rfq, { actor: system, action: 'submitted' });
    const quote = aQuote().withLine(nuts.sku, 5, 2_00).build();
    const priced = await api.store.rfqs.transition(rfq, 'price', { quote }, { actor: system, action: 'priced' });
    // QUOTED with no buyer-decision wait yet: where a quote put back on offer stands until SendQuote opens its wait.
    await api.store.rfqs.transition(priced, 'sendQuote', {}, { actor: system, action: 'quoted' });
    const accept = () =>
      api.call('POST', `/rfqs/${rfq.rfqId}/accept`, { as: buyer, body: { poNumber: 'PO-7', quoteVersion: 1 } });

    const early = await accept();
    expect([early.status, early.headers.get('retry-after')], early.text).toEqual([409, '1']);
    expect(early.body.detail).toMatch(/still being sent/);

    const past = new Date(Date.now() - 1_000).toISOString();
    await api.store.waits.put({
      rfqId: rfq.rfqId,
      kind: 'buyer-decision',
      quoteVersion: 1,
      taskToken: 'no-such-task-token',
      createdAt: past,
      expiresAt: past,
    });
    const late = await accept();
    expect([late.status, late.headers.get('retry-after')], late.text).toEqual([409, null]);
    expect(late.body.detail).toMatch(/already decided or has expired/);
  });
});

describe('a decision between two openings of its wait (issue 24 #13)', () => {
  const system = { email: 'system@seller.example', role: 'system' as const };
  const approver2 = cast.buyerSide('approver2', 'approver');
  const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
  const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
  /** One link of a wait as the workflow left it; its task token was never one (no test here resumes it). */
  const aLink = (
    rfqId: string,
    fields: Pick<ApprovalLink, 'purpose' | 'approver' | 'status'> & Partial<ApprovalLink>,
  ) =>
    ({
      tokenHash: randomUUID(),
      rfqId,
      quoteVersion: 1,
      waitId: 'wait-1',
      taskToken: 'no-such-task-token',
      createdAt: hourAgo(),
      expiresAt: inAnHour(),
      ...fields,
    }) satisfies ApprovalLink;
  const anRfqIn = async (status: RfqStatus, approvals: ApprovalStep[] = []) => {
    const quote = aQuote().withLine(nuts.sku, 5, 2_00).build();
    const rfq = anRfq()
      .for(companyId, rep.email)
      .by(buyer.email)
      .requesting({ sku: nuts.sku, quantity: 5 })
      .withStatus(status)
      .withQuote(quote)
      .withApprovals(approvals)
      .build();
    await api.store.rfqs.create(rfq, { actor: system, action: 'submitted' });
    return rfq.rfqId;
  };
  const retry = (answer: Answer) => [answer.status, answer.headers.get('retry-after')];

  it('answer a rep’s review that comes while the review is asked again on the same version with a retry', async () => {
    // IN_REVIEW on version 1, its one wait answered (the rep's edits no longer applied, or the review was reassigned):
    // where the RFQ stands until RepReview opens the next wait.
    const rfqId = await anRfqIn('IN_REVIEW');
    const decided = { decision: 'approve' as const, at: hourAgo() };
    await api.store.links.createLinks([
      aLink(rfqId, { purpose: 'rep-review', approver: rep.email, status: 'DECIDED', decision: decided }),
    ]);
    const reviewed = () =>
      api.call('POST', `/rfqs/${rfqId}/review`, { as: rep, body: { decision: 'approve', quoteVersion: 1 } });

    const between = await reviewed();
    expect(retry(between), between.text).toEqual([409, '1']);
    expect(between.body.detail).toMatch(/still being sent/);

    // The next wait's link ran out before anyone decided: that is final.
    await api.store.links.createLinks([
      aLink(rfqId, {
        purpose: 'rep-review',
        approver: rep.email,
        status: 'PENDING',
        waitId: 'wait-2',
        expiresAt: hourAgo(),
      }),
    ]);
    const late = await reviewed();
    expect(retry(late), late.text).toEqual([409, null]);
    expect(late.body.detail).toMatch(/already decided or has expired/);
  });

  it('answer an approver of an `all` level asked again with a retry, and one who approved as final', async () => {
    // The level has approver2's approval; RecordApproval found it incomplete, revoked the wait's links and the level
    // asks the rest again: approver's own link is revoked until RequestApproval opens the next wait.
    const rfqId = await anRfqIn('PENDING_APPROVAL', [
      {
        level: 1,
        mode: 'all',
        approvers: [approver.email, approver2.email],
        ruleIds: ['dual-control'],
        escalated: false,
        decisions: [{ approver: approver2.email, decision: 'approve', at: hourAgo() }],
        status: 'PENDING',
      },
    ]);
    await api.store.links.createLinks([
      aLink(rfqId, { purpose: 'approval-level', level: 1, approver: approver.email, status: 'REVOKED' }),
      aLink(rfqId, {
        purpose: 'approval-level',
        level: 1,
        approver: approver2.email,
        status: 'DECIDED',
        decision: { decision: 'approve', at: hourAgo() },
      }),
    ]);
    const approve = (as: User) =>
      api.call('POST', `/rfqs/${rfqId}/approval`, { as, body: { decision: 'approve', quoteVersion: 1 } });

    const owed = await approve(approver);
    expect(retry(owed), owed.text).toEqual([409, '1']);
    expect(owed.body.detail).toMatch(/still being sent/);
    const had = await approve(approver2);
    expect(retry(had), had.text).toEqual([409, null]);
    expect(had.body.detail).toMatch(/already decided or has expired/);
  });
});

describe('the rep’s line edits', () => {
  it('change quantities, remove, substitute, add catalog and custom lines, each recorded as a change', async () => {
    const rfqId = await submitted({
      lines: [
        { sku: bolts.sku, quantity: 100 },
        { sku: nuts.sku, quantity: 50 },
        { sku: washers.sku, quantity: 10 },
      ],
    });
    await review(rfqId, {
      decision: 'approve',
      lines: [
        { lineId: 'L1', substituteSku: zincBolts.sku },
        { lineId: 'L2', quantity: 60 },
        { lineId: 'L3', remove: true },
      ],
      add: [
        { sku: washers.sku, quantity: 200 },
        { description: 'Cutting to length, per cut', quantity: 100, unitPrice: 40, cost: 25 },
      ],
      comment: 'Zinc bolts are in stock; washers come in 200s.',
      commentVisibility: 'shared',
    });
    const quoted = await poll(rfqId, ['QUOTED']);
    expect(quoted.body.version).toBe(2);
    expect(
      quoted.body.lines.map((l: { lineId: string; sku: string; quantity: number; unitPrice: number }) => [
        l.lineId,
        l.sku,
        l.quantity,
        l.unitPrice,
      ]),
    ).toEqual([
      ['L1', zincBolts.sku, 100, 12_00],
      ['L2', nuts.sku, 60, 2_00],
      ['L4', washers.sku, 200, 50],
      ['L5', 'CUSTOM-L5', 100, 40],
    ]);
    expect(quoted.body.lines[3]).toMatchObject({ name: 'Cutting to length, per cut', custom: true });
    const asBuyer = (await api.call('GET', `/rfqs/${rfqId}`, { as: buyer })).body;
    expect(asBuyer.lines[3]).toMatchObject({ name: 'Cutting to length, per cut', unitPrice: 40 });
    expect(asBuyer.lines[3]).not.toHaveProperty('cost');

    const [, second] = await versions(rfqId, rep);
    expect(second?.changes.map((c) => [c.lineId, c.field, c.from, c.to])).toEqual([
      ['L1', 'sku', bolts.sku, zincBolts.sku],
      ['L1', 'name', bolts.name, zincBolts.name],
      ['L1', 'unitPrice', 9_00, 12_00],
      ['L1', 'cost', 6_00, 7_00],
      ['L2', 'quantity', 50, 60],
      ['L4', 'added', null, washers.sku],
      ['L5', 'added', null, 'CUSTOM-L5'],
      ['L3', 'removed', washers.sku, null],
    ]);
    expect(second?.changes.every((c) => c.by === rep.email)).toBe(true);
    const buyerVersions = await versions(rfqId, buyer);
    expect(buyerVersions[1]?.changes.map((c) => c.field)).not.toContain('cost');
  });

  it('are refused naming the field when they cannot apply, and nothing is decided', async () => {
    const rfqId = await submitted({ lines: [{ sku: bolts.sku, quantity: 100 }] });
    const { quoteVersion } = await taskFor(api, rep, rfqId, 'review');
    const answer = await api.call('POST', `/rfqs/${rfqId}/review`, {
      as: rep,
      body: {
        decision: 'approve',
        quoteVersion,
        lines: [{ lineId: 'L9', quantity: 2 }],
        add: [{ description: 'Loss leader', quantity: 1, unitPrice: 1_00, cost: 2_00 }],
      },
    });
    expect(answer.status, answer.text).toBe(400);
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual(['lines.0.lineId', 'add.0.unitPrice']);
    expect((await taskFor(api, rep, rfqId, 'review')).quoteVersion).toBe(quoteVersion);
  });
});
