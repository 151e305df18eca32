import { describe, expect, it } from 'vitest';
import { handler as priceQuote } from '#steps/price-quote.ts';
import { TransientError } from '#steps/transient.ts';
import { aDeal } from './support/deal.ts';
import { clickLink } from './support/person.ts';
import { useWorld } from './support/world.ts';

/** RFQs whose pricing fails this many more times, transiently, before it works (or forever: Infinity). */
const pricingHiccups = new Map<string, number>();

const world = useWorld({
  replace: {
    PriceQuoteFunctionArn: async (event: { rfqId: string }) => {
      const left = pricingHiccups.get(event.rfqId) ?? 0;
      if (left > 0) {
        pricingHiccups.set(event.rfqId, left - 1);
        throw new TransientError('throttled');
      }
      return priceQuote(event);
    },
    RecordReviewFunctionArn: async () => {
      throw new Error('the pricing service answered nonsense');
    },
  },
});

describe('a step that fails', () => {
  it('is retried with backoff when the failure is transient, and the RFQ goes on', async () => {
    const deal = await aDeal(world);
    const rfq = deal.rfq();
    pricingHiccups.set(rfq.rfqId, 2);
    await world.submit(rfq);
    await world.statusReaches(rfq.rfqId, 'IN_REVIEW');
    expect(pricingHiccups.get(rfq.rfqId)).toBe(0);
  });

  it('that keeps failing ends in FAILED, never stuck: the rep is told and the execution fails', async () => {
    const deal = await aDeal(world);
    const rfq = deal.rfq();
    pricingHiccups.set(rfq.rfqId, Number.POSITIVE_INFINITY);
    await world.submit(rfq);

    const failed = await world.statusReaches(rfq.rfqId, 'FAILED');
    expect(failed.quote).toBeUndefined();
    const execution = await world.executionEnds(rfq.rfqId);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'QuoteToOrder.StepFailed' });
    const history = await world.store.rfqs.history(rfq.rfqId);
    expect(history.find((e) => e.action === 'failed')).toMatchObject({
      from: 'SUBMITTED',
      to: 'FAILED',
      detail: { error: 'TransientError', message: 'throttled' },
    });
    await world.mailArrives(deal.people.rep, `Request ${rfq.rfqId} needs attention`);
  });

  it('is not retried when the failure is a business error: FAILED at once, the decided link is spent', async () => {
    const deal = await aDeal(world);
    const { rfqId } = await world.submit(deal.rfq());
    const [review] = await world.linksArrive(deal.people.rep, 1);
    expect((await clickLink(review!, { decision: 'approve' })).status).toBe(200);

    await world.statusReaches(rfqId, 'FAILED');
    const execution = await world.executionEnds(rfqId);
    expect(execution.status).toBe('FAILED');
    const attempts = execution.history.filter(
      (e) => e.type === 'TaskStateEntered' && (e.details as { name?: string }).name === 'RecordReview',
    );
    expect(attempts).toHaveLength(1);
    expect((await world.store.links.listForRfq(rfqId)).map((l) => l.status)).toEqual(['DECIDED']);
  });
});
