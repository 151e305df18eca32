import { beforeAll, describe, expect, it } from 'vitest';
import type { RfqStatus } from '#domain/lifecycle.ts';
import { orderIdFor } from '#domain/order.ts';
import type { Rfq } from '#domain/rfq.ts';
import type { EmailMessage } from '#email/ports.ts';
import { convertToOrder } from '#steps/convert-to-order.ts';
import type { StepDeps } from '#steps/deps.ts';
import { recordReview } from '#steps/record-review.ts';
import { requestRepReview } from '#steps/request-rep-review.ts';
import { sendQuote } from '#steps/send-quote.ts';
import { aQuote } from '../builders/quote.ts';
import { aDeal, type Deal } from './support/deal.ts';
import { useWorld } from './support/world.ts';

/**
 * Step Functions retries a Task whose Lambda failed or timed out, so every step may run twice with the same input.
 * These call the steps directly, twice, against DynamoDB Local, with a mailer and an event bus that count.
 */
const world = useWorld();
let deal: Deal;
let mail: EmailMessage[];
let published: { detailType: string; detail: object }[];
let deps: StepDeps;

beforeAll(async () => {
  deal = await aDeal(world);
  mail = [];
  published = [];
  deps = {
    store: world.store,
    mailer: { send: async (message) => void mail.push(message) },
    events: { publish: async (detailType, detail) => void published.push({ detailType, detail }) },
    config: world.config,
    now: () => new Date(),
  };
});

const timeouts = { reviewSeconds: 3600, approvalSeconds: 3600, escalationSeconds: 3600, quoteSeconds: 86_400 };

/** An RFQ stored straight in `status` with a priced quote v1, as the workflow would have left it. */
const anRfqIn = async (status: RfqStatus, changes: Partial<Rfq> = {}): Promise<Rfq> => {
  const quote = aQuote().withLine('VALVE', 10, 90_00, { contractPrice: 90_00, cost: 60_00 }).build();
  const rfq = { ...deal.rfq(), status, quote, ...changes };
  await world.store.rfqs.create(rfq, { actor: rfq.submittedBy, action: 'submitted' });
  return rfq;
};

const mailAbout = (rfqId: string) => mail.filter((m) => m.subject.includes(rfqId) || m.text.includes(rfqId));

describe('a step run twice with the same input', () => {
  it('RequestRepReview: one link, one email', async () => {
    const rfq = await anRfqIn('IN_REVIEW');
    const request = {
      rfqId: rfq.rfqId,
      quoteVersion: 1,
      taskToken: `token-${rfq.rfqId}`,
      expiresInSeconds: 3600,
      reminder: false,
    };
    const first = await requestRepReview(request, deps);
    const second = await requestRepReview(request, deps);
    expect(second).toEqual(first);
    expect(await world.store.links.listForRfq(rfq.rfqId)).toHaveLength(1);
    expect(mailAbout(rfq.rfqId)).toHaveLength(1);
  });

  it('RecordReview: one decision recorded, the same outcome answered', async () => {
    const rfq = await anRfqIn('IN_REVIEW');
    const review = {
      decision: 'approve' as const,
      adjustments: [{ sku: 'VALVE', unitPrice: 85_00 }],
      by: deal.people.rep,
      role: 'rep' as const,
      at: new Date().toISOString(),
      waitId: 'wait-1',
    };
    const input = { rfqId: rfq.rfqId, quoteVersion: 1, timeouts, review };
    const first = await recordReview(input, deps);
    const second = await recordReview(input, deps);
    expect(first).toEqual({ rfqId: rfq.rfqId, quoteVersion: 2, timeouts, outcome: 'quote' });
    expect(second).toEqual(first);
    const history = await world.store.rfqs.history(rfq.rfqId);
    expect(history.filter((e) => e.action === 'reviewed')).toHaveLength(1);
    expect((await world.rfqOf(rfq.rfqId)).quote?.version).toBe(2);
  });

  it('SendQuote: one transition to QUOTED, one email, and the wait answers the newest task token', async () => {
    const rfq = await anRfqIn('IN_REVIEW');
    const request = { rfqId: rfq.rfqId, quoteVersion: 1, expiresInSeconds: 86_400, reminder: false };
    await sendQuote({ ...request, taskToken: 'attempt-1' }, deps);
    await sendQuote({ ...request, taskToken: 'attempt-2' }, deps);
    const history = await world.store.rfqs.history(rfq.rfqId);
    expect(history.filter((e) => e.to === 'QUOTED')).toHaveLength(1);
    expect(mailAbout(rfq.rfqId)).toHaveLength(1);
    expect((await world.store.waits.get(rfq.rfqId, 'buyer-decision'))?.taskToken).toBe('attempt-2');
  });

  it('ConvertToOrder: one order, one order.created, one confirmation', async () => {
    const rfq = await anRfqIn('APPROVED', { poNumber: 'PO-9' });
    const first = await convertToOrder({ rfqId: rfq.rfqId }, deps);
    const second = await convertToOrder({ rfqId: rfq.rfqId }, deps);
    expect(second).toEqual(first);
    expect(first).toEqual({ rfqId: rfq.rfqId, orderId: orderIdFor(rfq.rfqId), outcome: 'ordered' });
    expect(published.filter((p) => JSON.stringify(p.detail).includes(rfq.rfqId))).toHaveLength(1);
    expect(mail.filter((m) => m.subject.startsWith(`Order ${orderIdFor(rfq.rfqId)} `))).toHaveLength(1);
    expect((await world.store.orders.listByCompany(deal.company.companyId, {})).items).toHaveLength(1);
  });
});

describe('a step that finds the RFQ somewhere else', () => {
  it('refuses to open a wait on a cancelled RFQ (a business error, not retried)', async () => {
    const rfq = await anRfqIn('CANCELLED');
    const request = { rfqId: rfq.rfqId, quoteVersion: 1, taskToken: 't', expiresInSeconds: 60, reminder: false };
    await expect(requestRepReview(request, deps)).rejects.toMatchObject({ name: 'NotWaitable' });
    expect(await world.store.links.listForRfq(rfq.rfqId)).toEqual([]);
  });

  it('refuses to open a wait for a quote version the RFQ has moved past', async () => {
    const rfq = await anRfqIn('IN_REVIEW', { quote: aQuote().version(2).withLine('VALVE', 1, 90_00).build() });
    const request = { rfqId: rfq.rfqId, quoteVersion: 1, taskToken: 't', expiresInSeconds: 60, reminder: false };
    await expect(requestRepReview(request, deps)).rejects.toMatchObject({ name: 'NotWaitable' });
  });
});
