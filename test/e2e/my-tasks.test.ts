import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RfqStatus } from '#domain/lifecycle.ts';
import { orderIdFor } from '#domain/order.ts';
import { tokenOf } from '#local/inbox.ts';
import { always, aRule } from '../builders/approval-rule.ts';
import { aCompany } from '../builders/company.ts';
import { aContract } from '../builders/contract.ts';
import type { Answer, User } from './api.ts';
import { useTestStack } from './test-stack.ts';
import { bolts, people, submit } from './world.ts';

/**
 * What waits for whom, on the real workflow: the rep's review and the sales manager's discount approval show up in
 * their task lists and leave them when decided; an approver finds the purchase in theirs with why they are asked,
 * decides in the app, and their emailed link then says it was already decided.
 */
// Quotes valid for 5 days: each is one of the rep's quotes expiring within a week from the moment it is sent.
const api = useTestStack('my-tasks', { seed: false, env: { QUOTE_VALIDITY_DAYS: '5' } });
const run = randomUUID().slice(0, 8);
/** Unique per run: the SES store is shared by every test file. */
const finance: User = { email: `fin-${run}@acme.example`, groups: ['approver'], companyId: 'acme' };
const bystander: User = { email: `lou-${run}@acme.example`, groups: ['approver'], companyId: 'acme' };
const buyer: User = { email: `bea-${run}@acme.example`, groups: ['buyer'], companyId: 'acme' };
/** The local stack's sales manager (local/stack.ts). */
const salesManager: User = { email: 'taylor@northwind.example', groups: ['sales-manager'] };

const poll = async (rfqId: string, statuses: RfqStatus[]): Promise<Answer> => {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const view = await api.call('GET', `/rfqs/${rfqId}`, { as: buyer });
    if (statuses.includes(view.body.status)) return view;
    if (Date.now() > deadline) throw new Error(`${rfqId} is ${view.body.status}, not ${statuses.join(' / ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

interface Task {
  kind: string;
  rfqId: string;
  quoteVersion: number;
  dueAt: string;
  // biome-ignore lint/suspicious/noExplicitAny: asserted field by field
  [field: string]: any;
}
const tasksOf = async (who: User): Promise<Task[]> => {
  const answer = await api.call('GET', '/me/tasks', { as: who });
  expect(answer.status, answer.text).toBe(200);
  return answer.body.items;
};

/** The workflow opens a wait a moment after the status moves; a person finds the task once they were asked. */
const taskFor = async (who: User, rfqId: string, kind: string): Promise<Task> => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const task = (await tasksOf(who)).find((t) => t.rfqId === rfqId && t.kind === kind);
    if (task) return task;
    if (Date.now() > deadline) throw new Error(`no ${kind} task on ${rfqId} for ${who.email}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** Seller-only words that must never reach a buyer company's eyes, at any depth of a task. */
const sellerOnly = /"(cost|margin|floor|adjustedBy|taskToken|tokenHash)"/;

beforeAll(async () => {
  const thisYear = new Date().getUTCFullYear();
  const put = async (path: string, body: unknown) =>
    expect((await api.call('PUT', path, { as: people.admin, body })).status).toBe(200);
  await put(`/products/${bolts.sku}`, bolts);
  await put(
    '/companies/acme',
    aCompany('acme')
      .named('Acme Tools')
      .servedBy(people.acmeRep.email)
      .withBuyer(buyer.email)
      .withApprover(finance.email)
      .withApprover(bystander.email)
      .build(),
  );
  await put(
    '/companies/acme/contract',
    aContract('ctr-acme')
      .for('acme')
      .validBetween(`${thisYear - 1}-01-01`, `${thisYear + 1}-12-31`)
      .withTier(bolts.sku, 100, 9_00)
      .build(),
  );
  await put('/companies/acme/approval-rules', {
    rules: [aRule('every-purchase').named('Every purchase').when(always).approvedBy(finance.email).build()],
  });
  // Starting the whole stack on a loaded machine takes longer than a hook's default 10 s.
}, 120_000);

describe('GET /me/tasks', () => {
  it('gives the rep the review and the sales manager the discount, each until it is decided', async () => {
    const rfqId = await submit(api, buyer);
    const review = await taskFor(people.acmeRep, rfqId, 'review');
    expect(review).toMatchObject({
      quoteVersion: 1,
      dueAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      rfq: { status: 'IN_REVIEW', companyName: 'Acme Tools', total: 900_00, currency: 'USD', lineCount: 1 },
    });
    expect(review).not.toHaveProperty('approval');
    expect(await tasksOf(people.globexRep)).toEqual([]);

    const deep = await api.call('POST', `/rfqs/${rfqId}/review`, {
      as: people.acmeRep,
      body: {
        decision: 'approve',
        adjustments: [{ sku: bolts.sku, unitPrice: 7_00 }],
        comment: 'strategic account',
        quoteVersion: (await api.store.rfqs.get(rfqId))!.quote!.version,
      },
    });
    expect(deep.status, deep.text).toBe(202);
    await taskFor(salesManager, rfqId, 'discount-approval');
    expect((await tasksOf(people.acmeRep)).map((t) => t.rfqId)).not.toContain(rfqId);

    const approved = await api.call('POST', `/rfqs/${rfqId}/review`, {
      as: salesManager,
      body: { decision: 'approve', quoteVersion: (await api.store.rfqs.get(rfqId))!.quote!.version },
    });
    expect(approved.status, approved.text).toBe(202);
    await poll(rfqId, ['QUOTED']);
    expect((await tasksOf(salesManager)).map((t) => t.rfqId)).not.toContain(rfqId);
  });
});

interface Queue {
  reviews: Task[];
  expiring: { rfqId: string; status: RfqStatus; validUntil: string | null }[];
  stalled: { rfqId: string }[];
}
const queueOf = async (rep: User): Promise<Queue> => {
  const answer = await api.call('GET', '/me/queue', { as: rep });
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
};
const rfqIdsOf = (items: { rfqId: string }[]) => items.map((i) => i.rfqId);

describe('GET /me/queue', () => {
  it("gives the rep their reviews, then their accounts' quotes expiring within a week, and never another rep's", async () => {
    const rfqId = await submit(api, buyer);
    await taskFor(people.acmeRep, rfqId, 'review');
    const reviewing = await queueOf(people.acmeRep);
    expect(reviewing.reviews.find((t) => t.rfqId === rfqId)).toMatchObject({ kind: 'review', rfq: { total: 900_00 } });
    expect(rfqIdsOf(reviewing.expiring)).not.toContain(rfqId);

    const reviewed = await api.call('POST', `/rfqs/${rfqId}/review`, {
      as: people.acmeRep,
      body: { decision: 'approve', quoteVersion: (await api.store.rfqs.get(rfqId))!.quote!.version },
    });
    expect(reviewed.status, reviewed.text).toBe(202);
    await poll(rfqId, ['QUOTED']);
    const quoted = await queueOf(people.acmeRep);
    expect(rfqIdsOf(quoted.reviews)).not.toContain(rfqId);
    expect(quoted.expiring.find((r) => r.rfqId === rfqId)).toMatchObject({
      status: 'QUOTED',
      validUntil: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const elsewhere = await queueOf(people.globexRep);
    expect([...elsewhere.reviews, ...elsewhere.expiring, ...elsewhere.stalled].map((i) => i.rfqId)).not.toContain(
      rfqId,
    );

    // Accepted, it waits for Acme's finance: no longer an expiring quote, and not stalled while it was just touched.
    const accepted = await api.call('POST', `/rfqs/${rfqId}/accept`, {
      as: buyer,
      body: { poNumber: `PO-Q-${run}`, quoteVersion: (await api.store.rfqs.get(rfqId))!.quote!.version },
    });
    expect(accepted.status, accepted.text).toBe(202);
    await poll(rfqId, ['PENDING_APPROVAL']);
    const approving = await queueOf(people.acmeRep);
    expect(rfqIdsOf(approving.expiring)).not.toContain(rfqId);
    expect(rfqIdsOf(approving.stalled)).not.toContain(rfqId);

    // Withdrawn, it leaves finance's tasks too: the next test starts from an empty list.
    const withdrawn = await api.call('POST', `/rfqs/${rfqId}/cancel`, { as: buyer, body: {} });
    expect(withdrawn.status, withdrawn.text).toBe(202);
    await poll(rfqId, ['CANCELLED']);
    expect(rfqIdsOf(await tasksOf(finance))).not.toContain(rfqId);
  });
});

describe('POST /rfqs/{rfqId}/approval', () => {
  it('lets the approver decide in the app, after which their emailed link says it was already decided', async () => {
    const rfqId = await submit(api, buyer);
    await taskFor(people.acmeRep, rfqId, 'review');
    expect(
      (
        await api.call('POST', `/rfqs/${rfqId}/review`, {
          as: people.acmeRep,
          body: { decision: 'approve', quoteVersion: (await api.store.rfqs.get(rfqId))!.quote!.version },
        })
      ).status,
    ).toBe(202);
    await poll(rfqId, ['QUOTED']);
    const accepted = await api.call('POST', `/rfqs/${rfqId}/accept`, {
      as: buyer,
      body: { poNumber: 'PO-77', quoteVersion: (await api.store.rfqs.get(rfqId))!.quote!.version },
    });
    expect(accepted.status, accepted.text).toBe(202);

    const task = await taskFor(finance, rfqId, 'purchase-approval');
    expect(task).toMatchObject({
      quoteVersion: 1,
      rfq: { status: 'PENDING_APPROVAL', companyName: 'Acme Tools', poNumber: 'PO-77', total: 900_00 },
      approval: { level: 1, levels: 1, mode: 'any', rules: ['Every purchase'], approvers: [finance.email] },
    });
    expect(JSON.stringify(task)).not.toMatch(sellerOnly);
    expect(await tasksOf(bystander)).toEqual([]);
    expect(await tasksOf(buyer)).toEqual([]);

    const path = `/rfqs/${rfqId}/approval`;
    const stale = await api.call('POST', path, { as: finance, body: { decision: 'approve', quoteVersion: 2 } });
    expect(stale.status, stale.text).toBe(409);
    expect(stale.body).toMatchObject({ currentVersion: 1 });
    const notOnTheLevel = await api.call('POST', path, {
      as: bystander,
      body: { decision: 'approve', quoteVersion: 1 },
    });
    expect(notOnTheLevel.status, notOnTheLevel.text).toBe(403);
    const otherCompany = await api.call('POST', path, {
      as: people.globexApprover,
      body: { decision: 'approve', quoteVersion: 1 },
    });
    expect(otherCompany.status).toBe(404);

    const decided = await api.call('POST', path, {
      as: finance,
      body: { decision: 'approve', comment: 'within budget', quoteVersion: 1 },
    });
    expect(decided.status, decided.text).toBe(202);
    expect(JSON.stringify(decided.body)).not.toMatch(sellerOnly);
    const ordered = await poll(rfqId, ['ORDERED']);
    expect(ordered.body.approvals[0].decisions).toEqual([
      expect.objectContaining({ approver: finance.email, decision: 'approve', comment: 'within budget' }),
    ]);
    expect(await tasksOf(finance)).toEqual([]);

    const [link] = await api.inbox.linksFor(finance.email, rfqId);
    const linkPath = `/approvals/${tokenOf(link!)}`;
    const page = await api.call('GET', linkPath);
    expect(page.status).toBe(409);
    expect(page.text).toMatch(/already/i);
    const click = await api.call('POST', linkPath, {
      body: { decision: 'reject' },
      headers: { accept: 'application/json' },
    });
    expect(click.status).toBe(409);
    expect(click.body).toEqual({
      outcome: 'used',
      order: { orderId: orderIdFor(rfqId), url: `${api.urls.app}orders/${orderIdFor(rfqId)}` },
    });
    const again = await api.call('POST', path, { as: finance, body: { decision: 'reject', quoteVersion: 1 } });
    expect(again.status).toBe(409);
  });
});
