import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RfqStatus } from '#domain/lifecycle.ts';
import { aCompany } from '../builders/company.ts';
import { aContract } from '../builders/contract.ts';
import { aProduct } from '../builders/product.ts';
import { type Answer, type Api, startApiOnStack, type User } from './api.ts';
import { idempotencyKey } from './world.ts';

/**
 * A quote as a conversation, on the real workflow: the thread (shared posts and seller notes, and the comments that
 * decisions carry) and the quote versions with what changed, read by each side through the API.
 */
let api: Api & { sesEndpoint: string };
const run = randomUUID().slice(0, 8);
const companyId = `nego-${run}`;
const buyer: User = { email: `buyer-${run}@nego.example`, groups: ['buyer'], companyId };
const approver: User = { email: `approver-${run}@nego.example`, groups: ['approver'], companyId };
const rep: User = { email: `rep-${run}@seller.example`, groups: ['rep'] };
const sellerAdmin: User = { email: `root-${run}@seller.example`, groups: ['admin'] };
const bolts = aProduct(`BOLT-${run}`).listedAt(10_00).costing(6_00).build();
const nuts = aProduct(`NUT-${run}`).listedAt(2_00).costing(1_10).build();

const poll = async (rfqId: string, statuses: RfqStatus[]): Promise<Answer> => {
  for (const deadline = Date.now() + 60_000; ; ) {
    const view = await api.call('GET', `/rfqs/${rfqId}`, { as: sellerAdmin });
    if (statuses.includes(view.body.status)) return view;
    if (Date.now() > deadline) throw new Error(`${rfqId} is ${view.body.status}, not ${statuses.join(' / ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** The seller's task for this RFQ appears in GET /me/tasks once the workflow has asked for it. */
const taskOf = async (rfqId: string, who: User, kind: string): Promise<{ quoteVersion: number }> => {
  for (const deadline = Date.now() + 60_000; ; ) {
    const tasks = await api.call('GET', '/me/tasks', { as: who });
    const task = tasks.body.items?.find((t: { rfqId: string; kind: string }) => t.rfqId === rfqId && t.kind === kind);
    if (task) return task;
    if (Date.now() > deadline) throw new Error(`no ${kind} task for ${who.email} on ${rfqId}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const review = async (rfqId: string, body: object, as: User = rep, kind = 'review') => {
  const { quoteVersion } = await taskOf(rfqId, as, kind);
  const answer = await api.call('POST', `/rfqs/${rfqId}/review`, { as, body: { quoteVersion, ...body } });
  expect(answer.status, answer.text).toBe(202);
};

const buyerDecides = async (rfqId: string, action: string, body: object) => {
  const { version } = (await api.call('GET', `/rfqs/${rfqId}`, { as: buyer })).body;
  const answer = await api.call('POST', `/rfqs/${rfqId}/${action}`, {
    as: buyer,
    body: { ...body, quoteVersion: version },
  });
  expect(answer.status, answer.text).toBe(202);
};

const submit = async (body: object): Promise<string> => {
  const answer = await api.call('POST', '/rfqs', { as: buyer, body, headers: { 'idempotency-key': idempotencyKey() } });
  expect(answer.status, answer.text).toBe(201);
  return answer.body.rfqId;
};

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

beforeAll(async () => {
  api = await startApiOnStack();
  const put = async (path: string, body: unknown) =>
    expect((await api.call('PUT', path, { as: sellerAdmin, body })).status).toBe(200);
  const thisYear = new Date().getUTCFullYear();
  await put(`/products/${bolts.sku}`, bolts);
  await put(`/products/${nuts.sku}`, nuts);
  await put(
    `/companies/${companyId}`,
    aCompany(companyId).servedBy(rep.email).withBuyer(buyer.email).withApprover(approver.email).build(),
  );
  await put(
    `/companies/${companyId}/contract`,
    aContract(`ctr-${run}`)
      .for(companyId)
      .validBetween(`${thisYear - 1}-01-01`, `${thisYear + 1}-12-31`)
      .withTier(bolts.sku, 100, 9_00)
      .build(),
  );
  await put(`/companies/${companyId}/approval-rules`, { rules: [] });
});
afterAll(() => api?.stop());

describe('the thread', () => {
  it('carries posts from both sides and the decisions’ comments; a seller note never reaches the buyer side', async () => {
    const rfqId = await submit({ lines: [{ sku: bolts.sku, quantity: 100 }] });
    await taskOf(rfqId, rep, 'review');

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
    await buyerDecides(rfqId, 'revise', { comment: 'A little lower on the bolts?' });
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
    const rfqId = await submit({
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
    const rfqId = await submit({ lines: [{ sku: bolts.sku, quantity: 10 }] });
    await taskOf(rfqId, rep, 'review');
    expect(await versions(rfqId, buyer)).toEqual([]);
    expect((await versions(rfqId, rep)).map((v) => v.version)).toEqual([1]);
  });
});
