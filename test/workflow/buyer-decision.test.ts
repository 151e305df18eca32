import { describe, expect, it, vi } from 'vitest';
import { buyerDecision } from '#application/buyer-decision.ts';
import { Forbidden, RetryLater } from '#domain/errors.ts';
import { handler as sendQuote } from '#steps/send-quote.ts';
import { aDeal } from './support/deal.ts';
import { buyerDecides, submitAndQuote } from './support/drive.ts';
import { aHeldRetry } from './support/held-retry.ts';
import { clickLink, openLink } from './support/person.ts';
import { useWorld } from './support/world.ts';

/** SendQuote fails once after it opened the wait and made the RFQ QUOTED, for the RFQs a test holds. */
const sendQuoteHeld = aHeldRetry(sendQuote);
const world = useWorld({ replace: { SendQuoteFunctionArn: sendQuoteHeld.lambda } });

describe("the buyer's decision on a quote", () => {
  it('declines: DECLINED, and the rep is told the reason', async () => {
    const deal = await aDeal(world);
    const quoted = await submitAndQuote(world, deal);
    await buyerDecides(world, quoted, deal.buyer, { decision: 'decline', reason: 'found it cheaper' });

    await world.statusReaches(quoted.rfqId, 'DECLINED');
    const mail = await world.mailArrives(deal.people.rep, `Quote ${quoted.rfqId} was declined`);
    expect(mail.text).toContain('found it cheaper');
    expect((await world.executionEnds(quoted.rfqId)).status).toBe('SUCCEEDED');
    expect(await world.store.waits.get(quoted.rfqId, 'buyer-decision')).toBeUndefined();
  });

  it('asks for a revision: version 2 goes back to the rep, whose old link is dead, and is then accepted', async () => {
    const deal = await aDeal(world, { rules: 'none' });
    const quoted = await submitAndQuote(world, deal);
    const [firstReview] = await world.inbox.linksFor(deal.people.rep);
    await buyerDecides(world, quoted, deal.buyer, { decision: 'revise', comment: 'need 20 valves' });

    const revised = await world.statusReaches(quoted.rfqId, 'IN_REVIEW');
    expect(revised.quote?.version).toBe(2);
    const [, secondReview] = await world.linksArrive(deal.people.rep, 2);
    expect((await world.mailArrives(deal.people.rep, 'Review quote')).text).toContain('need 20 valves');
    expect((await openLink(firstReview!)).status).toBe(409);
    expect((await clickLink(secondReview!, { decision: 'approve' })).status).toBe(200);

    const requoted = await world.statusReaches(quoted.rfqId, 'QUOTED');
    expect(requoted.quote?.version).toBe(2);
    // A decision on the old version is refused: the buyer's wait is bound to version 2 now.
    await expect(
      buyerDecision(requoted, deal.buyer, { decision: 'accept', poNumber: 'PO-OLD', quoteVersion: 1 }, world.decisions),
    ).rejects.toMatchObject({ name: 'VersionMismatch', answered: 1, currentVersion: 2 });
    await buyerDecides(world, requoted, deal.buyer, { decision: 'accept', poNumber: 'PO-2' });

    // No approval rule applies to this company: approved at once, then ordered.
    const ordered = await world.statusReaches(quoted.rfqId, 'ORDERED');
    expect(ordered.poNumber).toBe('PO-2');
    await world.executionEnds(quoted.rfqId);
    expect(
      world.events
        .events()
        .filter((e) => e['detail-type'] === 'order.created' && JSON.stringify(e.detail).includes(quoted.rfqId)),
    ).toHaveLength(1);
    const moves = (await world.store.rfqs.history(quoted.rfqId))
      .filter((e) => e.to && e.from !== e.to)
      .map((e) => e.to);
    expect(moves).toEqual([
      'SUBMITTED',
      'IN_REVIEW',
      'QUOTED',
      'IN_REVIEW',
      'QUOTED',
      'ACCEPTED',
      'APPROVED',
      'ORDERED',
    ]);
  });

  it('is the buyer’s own: another company’s buyer is refused and nothing moves', async () => {
    const deal = await aDeal(world);
    const other = await aDeal(world);
    const quoted = await submitAndQuote(world, deal);
    await expect(
      buyerDecides(world, quoted, other.buyer, { decision: 'accept', poNumber: 'PO-X' }),
    ).rejects.toBeInstanceOf(Forbidden);
    expect((await world.rfqOf(quoted.rfqId)).status).toBe('QUOTED');
  });

  it('that comes while SendQuote retries after a fault is answered "retry", then decides on the retried wait (issue 24 #13)', async () => {
    const deal = await aDeal(world, { rules: 'none' });
    const rfq = deal.rfq();
    const { retrying, letGo } = sendQuoteHeld.hold(rfq.rfqId);
    await world.submit(rfq);
    const [review] = await world.linksArrive(deal.people.rep, 1, rfq.rfqId);
    expect((await clickLink(review!, { decision: 'approve' })).status).toBe(200);

    // The first attempt opened the wait and made the RFQ QUOTED, then failed; its task token died with it.
    await retrying;
    const quoted = await world.rfqOf(rfq.rfqId);
    expect(quoted.status).toBe('QUOTED');
    const accept = { decision: 'accept' as const, poNumber: 'PO-RETRY', quoteVersion: quoted.quote!.version };
    await expect(buyerDecision(quoted, deal.buyer, accept, world.decisions)).rejects.toBeInstanceOf(RetryLater);

    letGo();
    // As a client does with the retryable answer: again, until the retried attempt's wait takes it.
    await vi.waitFor(() => buyerDecision(quoted, deal.buyer, accept, world.decisions), {
      timeout: 30_000,
      interval: 25,
    });
    expect((await world.statusReaches(rfq.rfqId, 'ORDERED')).poNumber).toBe('PO-RETRY');
  });
});
