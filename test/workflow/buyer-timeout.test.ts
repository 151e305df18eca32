import { describe, expect, it } from 'vitest';
import { AlreadyDecided } from '#domain/errors.ts';
import { aDeal } from './support/deal.ts';
import { buyerDecides, submitAndQuote } from './support/drive.ts';
import { useWorld } from './support/world.ts';

// The quote holds 200 s, run a hundred times faster: 2 s.
const world = useWorld({ env: { QUOTE_VALIDITY_SECONDS: '200' } });

describe('a quote the buyer never answers', () => {
  it('expires with the quote: EXPIRED, the wait is gone, and a late accept is refused', async () => {
    const deal = await aDeal(world);
    const quoted = await submitAndQuote(world, deal);
    expect(quoted.quote?.validUntil).toBeDefined();

    await world.statusReaches(quoted.rfqId, 'EXPIRED');
    expect((await world.executionEnds(quoted.rfqId)).status).toBe('SUCCEEDED');
    expect(await world.store.waits.get(quoted.rfqId, 'buyer-decision')).toBeUndefined();
    await world.mailArrives(deal.people.rep, `Request ${quoted.rfqId} expired`);
    await expect(
      buyerDecides(world, quoted, deal.buyer, { decision: 'accept', poNumber: 'PO-LATE' }),
    ).rejects.toBeInstanceOf(AlreadyDecided);
    expect((await world.rfqOf(quoted.rfqId)).status).toBe('EXPIRED');
    const history = await world.store.rfqs.history(quoted.rfqId);
    expect(history.filter((e) => e.to && e.from !== e.to).map((e) => e.to)).toEqual([
      'SUBMITTED',
      'IN_REVIEW',
      'QUOTED',
      'EXPIRED',
    ]);
    expect(history.find((e) => e.action === 'expired')?.detail).toEqual({
      waitingFor: "the buyer's decision on the quote",
    });
  });
});
