import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { type KpiRequest, readKpis } from '#application/read-kpis.ts';
import { bucketOf, bucketValue } from '#domain/duration-histogram.ts';
import { orderFrom } from '#domain/order.ts';
import type { Actor, Rfq } from '#domain/rfq.ts';
import { foldBatch } from '#functions/streams/kpi-rollup.ts';
import { createDynamoStore } from '#store/dynamo-store.ts';
import { type StreamPoller, startStreamPoller } from '../../local/stream-poller.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';
import { freshTable } from './store/fresh-table.ts';

/**
 * The stream → rollups path against DynamoDB Local: RFQs moved through their lifecycle by the real store, the table's
 * real stream read by the local poller, the real handler folding it, and the numbers read back as GET /kpis reads them.
 * Only the clock is set (Date alone), so durations are known to the millisecond.
 */
const table = freshTable({}, { stream: true });
const { store } = table;
const system: Actor = { email: 'system@seller.example', role: 'system' };
const buyer: Actor = { email: 'buyer@acme.example', role: 'buyer' };
const realNow = () => new Date(performance.timeOrigin + performance.now());

/** Every batch the poller delivered, to deliver again. */
const delivered: DynamoDBStreamEvent[] = [];
let poller: StreamPoller;

beforeAll(async () => {
  poller = await startStreamPoller({
    endpoint: inject('dynamoEndpoint'),
    tableName: table.tableName,
    retryDelayMs: 5,
    handler: async (event) => {
      delivered.push(event);
      return foldBatch(event, store.kpis, realNow);
    },
  });
  vi.useFakeTimers({ toFake: ['Date'] });
});

afterAll(async () => {
  vi.useRealTimers();
  await poller?.stop();
});

const HOUR = 3_600_000;
let clock = Date.parse('2026-03-02T09:00:00.000Z');
const at = (ms: number) => {
  clock = ms;
  vi.setSystemTime(clock);
};
const later = (ms: number) => at(clock + ms);

let serial = 0;
const submit = async (companyId: string, rep: string): Promise<Rfq> => {
  const rfq = anRfq(`rfq_kpi${serial++}`).for(companyId, rep).requesting({ sku: 'SKU-1', quantity: 10 }).build();
  const created = { ...rfq, createdAt: new Date(clock).toISOString(), updatedAt: new Date(clock).toISOString() };
  await store.rfqs.create(created, { actor: buyer, action: 'submitted' });
  return created;
};
const quoteAfter = async (rfq: Rfq, ms: number, unitPrice = 9_00): Promise<Rfq> => {
  const quote = aQuote().withLine('SKU-1', 10, unitPrice, { listPrice: 10_00 }).build();
  const priced = await store.rfqs.transition(rfq, 'price', { quote }, { actor: system, action: 'priced' });
  later(ms);
  return store.rfqs.transition(priced, 'sendQuote', {}, { actor: system, action: 'quote sent' });
};
const orderAfterApproval = async (rfq: Rfq, approvalMs: number): Promise<Rfq> => {
  later(HOUR);
  const accepted = await store.rfqs.transition(
    rfq,
    'accept',
    { poNumber: 'PO-1' },
    { actor: buyer, action: 'accepted' },
  );
  const pending = await store.rfqs.transition(accepted, 'startApproval', {}, { actor: system, action: 'approvals' });
  later(approvalMs);
  const approved = await store.rfqs.transition(pending, 'approve', {}, { actor: system, action: 'approved' });
  later(60_000);
  const order = orderFrom(approved, { paymentTerms: 'NET30', at: new Date(clock).toISOString() });
  return store.rfqs.convertToOrder(approved, order, { actor: system, action: 'ordered' });
};

const march: Omit<KpiRequest, 'groupBy'> = { from: '2026-03-01', to: '2026-03-31', scope: { kind: 'all' } };
const seconds = (ms: number) => Math.round(bucketValue(bucketOf(ms))) / 1000;

// Each test waits on the stream poller and re-folds whole batches through DynamoDB Local: seconds alone, but past the
// integration project's 30 s beside a full parallel run on 2 cores (seen in CI), so these get two minutes.
describe('KPI rollups from the table stream', { timeout: 120_000 }, () => {
  it('turns a known set of outcomes into exactly the expected counts, values and percentiles', async () => {
    at(Date.parse('2026-03-02T09:00:00.000Z'));
    const a = await submit('acme', 'rep@seller.example');
    await orderAfterApproval(await quoteAfter(a, 1 * HOUR, 9_00), 2 * HOUR);
    at(Date.parse('2026-03-05T09:00:00.000Z'));
    const b = await submit('acme', 'rep@seller.example');
    await orderAfterApproval(await quoteAfter(b, 3 * HOUR, 8_00), 10 * HOUR);
    const c = await submit('globex', 'other@seller.example');
    const quotedC = await quoteAfter(c, 5 * HOUR);
    await store.rfqs.transition(quotedC, 'decline', {}, { actor: buyer, action: 'declined' });
    const d = await submit('globex', 'other@seller.example');
    const reviewed = await store.rfqs.transition(d, 'price', {}, { actor: system, action: 'priced' });
    await store.rfqs.transition(reviewed, 'reject', {}, { actor: system, action: 'rejected' });
    const e = await submit('acme', 'rep@seller.example');
    const quotedE = await quoteAfter(e, HOUR / 2);
    later(30 * 86_400_000);
    await store.rfqs.transition(quotedE, 'expire', {}, { actor: system, action: 'expired' });

    await poller.caughtUp();
    const { report, itemsRead } = await readKpis(store.kpis, { ...march, groupBy: 'month' });
    // Time to quote: 0.5 h, 1 h, 3 h, 5 h → p50 is the 2nd (1 h), p90 the 4th (5 h). Approval cycle: 2 h, 10 h.
    // In bands (≤1 h, 1–4 h, 4–8 h, 8 h–1 d, …): the 1 h sample's bucket reports 1.02 h, so it counts in 1–4 h.
    expect(report).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      currency: 'USD',
      durationBands: [3600, 14_400, 28_800, 86_400, 172_800, 259_200, 604_800],
      groups: [
        {
          key: '2026-03',
          rfqs: 5,
          quoted: 4,
          accepted: 2,
          approved: 2,
          ordered: 2,
          conversion: 0.5,
          orderValue: 90_00 + 80_00,
          averageOrderValue: 85_00,
          timeToQuote: { p50: seconds(HOUR), p90: seconds(5 * HOUR), bands: [1, 2, 1, 0, 0, 0, 0, 0] },
          approvalCycle: { p50: seconds(2 * HOUR), p90: seconds(10 * HOUR), bands: [0, 1, 0, 1, 0, 0, 0, 0] },
          declined: 1,
          expired: 0,
          rejected: 1,
          approvalRejected: 0,
          cancelled: 0,
          failed: 0,
          averageDiscountPercent: 15,
        },
      ],
    });
    // March's revision, then its one month rollup.
    expect(itemsRead).toBe(2);

    const april = await readKpis(store.kpis, { ...march, from: '2026-04-01', to: '2026-04-30', groupBy: 'month' });
    expect(april.report.groups.map((g) => [g.key, g.expired])).toEqual([['2026-04', 1]]);

    const byCompany = await readKpis(store.kpis, { ...march, groupBy: 'company' });
    expect(byCompany.report.groups.map((g) => [g.key, g.rfqs, g.ordered, g.orderValue])).toEqual([
      ['acme', 3, 2, 170_00],
      ['globex', 2, 0, 0],
    ]);
    const repOwn = await readKpis(store.kpis, {
      ...march,
      from: '2026-03-04',
      groupBy: 'company',
      scope: { kind: 'rep', repEmail: 'other@seller.example' },
    });
    expect(repOwn.report.groups.map((g) => [g.key, g.rfqs, g.declined, g.rejected])).toEqual([['globex', 2, 1, 1]]);
  });

  it('changes nothing when a batch is delivered again', async () => {
    await poller.caughtUp();
    const before = await readKpis(store.kpis, { ...march, groupBy: 'product' });
    expect(delivered.length).toBeGreaterThan(0);
    for (const event of delivered)
      expect(await foldBatch(event, store.kpis, realNow)).toEqual({ batchItemFailures: [] });
    const after = await readKpis(store.kpis, { ...march, groupBy: 'product' });
    expect(after.report).toEqual(before.report);
    // March's revision did not move, so the read came from memory: the replay wrote nothing.
    expect(after.itemsRead).toBe(1);
    const uncached = createDynamoStore(table.doc, table.tableName).kpis;
    expect((await readKpis(uncached, { ...march, groupBy: 'product' })).report).toEqual(before.report);
  });

  it("answers a month read before from memory until a change to that month's rollups", async () => {
    await poller.caughtUp();
    const first = await readKpis(store.kpis, { ...march, groupBy: 'company' });
    const again = await readKpis(store.kpis, { ...march, groupBy: 'company' });
    expect(again).toEqual({ report: first.report, itemsRead: 1 });

    at(Date.parse('2026-03-25T09:00:00.000Z'));
    await submit('globex', 'other@seller.example');
    await poller.caughtUp();
    const changed = await readKpis(store.kpis, { ...march, groupBy: 'company' });
    const rfqsOf = (report: typeof first.report, key: string) => report.groups.find((g) => g.key === key)?.rfqs;
    expect(rfqsOf(changed.report, 'globex')).toBe((rfqsOf(first.report, 'globex') ?? 0) + 1);
    expect(changed.itemsRead).toBe(1 + changed.report.groups.length);
    const uncached = createDynamoStore(table.doc, table.tableName).kpis;
    expect((await readKpis(uncached, { ...march, groupBy: 'company' })).report).toEqual(changed.report);
  });

  it('sends a poison record to the on-failure destination and folds the records behind it', async () => {
    at(Date.parse('2026-03-20T09:00:00.000Z'));
    await poller.caughtUp();
    await table.client.send(
      new PutItemCommand({
        TableName: table.tableName,
        Item: { PK: { S: 'RFQ#rfq_poison' }, SK: { S: 'RFQ' }, status: { S: 'NOT_A_STATUS' } },
      }),
    );
    await submit('acme', 'rep@seller.example');
    await poller.caughtUp();
    expect(poller.deadLetters).toEqual([
      expect.objectContaining({ condition: 'RetryAttemptsExhausted', batchSize: 1, streamArn: poller.streamArn }),
    ]);
    const day = await readKpis(store.kpis, { ...march, from: '2026-03-20', to: '2026-03-20', groupBy: 'month' });
    expect(day.report.groups.map((g) => [g.key, g.rfqs])).toEqual([['2026-03', 1]]);
  });
});
