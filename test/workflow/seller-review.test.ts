import { describe, expect, it, vi } from 'vitest';
import { reviewAsRep } from '#application/review-as-rep.ts';
import { RetryLater } from '#domain/errors.ts';
import { handler as requestRepReview } from '#steps/request-rep-review.ts';
import { aDeal } from './support/deal.ts';
import { aHeldRetry } from './support/held-retry.ts';
import { clickLink, openLink } from './support/person.ts';
import { useWorld } from './support/world.ts';

/** RepReview fails once after it sent the rep their link, for the RFQs a test holds. */
const repReviewHeld = aHeldRetry(requestRepReview);
const world = useWorld({ replace: { RequestRepReviewFunctionArn: repReviewHeld.lambda } });

const actions = async (rfqId: string) => (await world.store.rfqs.history(rfqId)).map((e) => e.action);

describe("the account rep's review", () => {
  it('rejects from the email link: REJECTED, and the buyer is told why', async () => {
    const deal = await aDeal(world);
    const { rfqId } = await world.submit(deal.rfq());
    const [review] = await world.linksArrive(deal.people.rep, 1);
    expect((await clickLink(review!, { decision: 'reject', comment: 'discontinued line' })).status).toBe(200);

    await world.statusReaches(rfqId, 'REJECTED');
    const mail = await world.mailArrives(deal.people.buyer, `Your request for quote ${rfqId} was not quoted`);
    expect(mail.text).toContain('discontinued line');
    expect((await world.executionEnds(rfqId)).status).toBe('SUCCEEDED');
    expect(await actions(rfqId)).toEqual([
      'submitted',
      'priced',
      'emailed',
      'decision-requested',
      'rejected',
      'event-published',
      'emailed',
    ]);
  });

  it('adjusts a price within authority: a new quote version goes to the buyer at that price', async () => {
    const deal = await aDeal(world);
    const { rfqId } = await world.submit(deal.rfq());
    const [review] = await world.linksArrive(deal.people.rep, 1);
    // 5% off the contract's $90.00 is within the rep's 10%; the form sends every line, unchanged ones included.
    const page = await clickLink(review!, { decision: 'approve', prices: { VALVE: '85.50', GASKET: '23.75' } });
    expect(page.status).toBe(200);

    const quoted = await world.statusReaches(rfqId, 'QUOTED');
    expect(quoted.quote?.version).toBe(2);
    expect(quoted.quote?.lines[0]).toMatchObject({ unitPrice: 85_50, adjustedBy: deal.people.rep });
    expect(quoted.quote?.lines[0]?.priceSource).toMatch(/^rep override/);
    expect(quoted.quote?.total).toBe(855_00 + 95_00);
    expect((await world.mailArrives(deal.people.buyer, 'Your quote')).text).toContain('$950.00');
  });

  it('refuses a price below cost on the page, and the link stays usable', async () => {
    const deal = await aDeal(world);
    const { rfqId } = await world.submit(deal.rfq());
    const [review] = await world.linksArrive(deal.people.rep, 1);
    const refused = await clickLink(review!, { decision: 'approve', prices: { VALVE: '50.00' } });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('below cost');
    expect((await openLink(review!)).status).toBe(200);
    expect((await world.rfqOf(rfqId)).status).toBe('IN_REVIEW');
  });

  it('sends a discount beyond the rep’s authority to the sales manager, who approves it', async () => {
    const deal = await aDeal(world);
    const { rfqId } = await world.submit(deal.rfq());
    const [review] = await world.linksArrive(deal.people.rep, 1);
    // $72.00 is 20% off the contract price: above cost, beyond a rep's 10%.
    expect((await clickLink(review!, { decision: 'approve', prices: { VALVE: '72.00' } })).status).toBe(200);

    const waiting = await world.statusReaches(rfqId, 'DISCOUNT_APPROVAL');
    expect(waiting.quote?.lines[0]?.unitPrice).toBe(72_00);
    const [approval] = await world.linksArrive(deal.people.salesManager, 1, rfqId);
    const mail = await world.mailArrives(deal.people.salesManager, 'Approve a discount');
    expect(mail.text).toContain("exceeds the rep's 10% authority");
    const page = await openLink(approval!);
    expect(page.html).not.toContain('name="price:'); // the manager approves or rejects; only the rep edits prices

    expect((await clickLink(approval!, { decision: 'approve' })).status).toBe(200);
    const quoted = await world.statusReaches(rfqId, 'QUOTED');
    expect(quoted.quote?.lines[0]?.unitPrice).toBe(72_00);
    const moves = (await world.store.rfqs.history(rfqId)).filter((e) => e.to && e.from !== e.to);
    expect(moves.map((e) => `${e.action}:${e.to}`)).toEqual([
      'submitted:SUBMITTED',
      'priced:IN_REVIEW',
      'discount-requested:DISCOUNT_APPROVAL',
      'quoted:QUOTED',
    ]);
    expect(await actions(rfqId)).toContain('discount-approved');
  });

  it('sends the quote back to the rep at contract prices when the sales manager rejects the discount', async () => {
    const deal = await aDeal(world);
    const { rfqId } = await world.submit(deal.rfq());
    const [review] = await world.linksArrive(deal.people.rep, 1);
    await clickLink(review!, { decision: 'approve', prices: { VALVE: '72.00' } });
    const [approval] = await world.linksArrive(deal.people.salesManager, 1, rfqId);
    await clickLink(approval!, { decision: 'reject', comment: 'margin too thin' });

    const [, again] = await world.linksArrive(deal.people.rep, 2);
    const back = await world.statusReaches(rfqId, 'IN_REVIEW');
    expect(back.quote).toMatchObject({ version: 3, total: 995_00 });
    const note = await world.mailArrives(deal.people.rep, 'Review quote');
    expect(note.text).toContain('margin too thin');
    expect((await openLink(review!)).status).toBe(409);
    expect((await clickLink(again!, { decision: 'approve' })).status).toBe(200);
    await world.statusReaches(rfqId, 'QUOTED');
  });

  it('can be decided through the API too; the emailed link then answers "already used"', async () => {
    const deal = await aDeal(world);
    const { rfqId } = await world.submit(deal.rfq());
    const [review] = await world.linksArrive(deal.people.rep, 1);
    await reviewAsRep(await world.rfqOf(rfqId), deal.rep, { decision: 'approve' }, world.decisions);
    await world.statusReaches(rfqId, 'QUOTED');
    expect((await clickLink(review!, { decision: 'reject' })).status).toBe(409);
    expect((await world.rfqOf(rfqId)).status).toBe('QUOTED');
  });

  it('decided through the API while RepReview retries after a fault is answered "retry", then on the retried wait (issue 24 #13)', async () => {
    const deal = await aDeal(world);
    const rfq = deal.rfq();
    const { retrying, letGo } = repReviewHeld.hold(rfq.rfqId);
    await world.submit(rfq);

    // The first attempt sent the rep a link, then failed; the link's task token died with it.
    await retrying;
    const inReview = await world.rfqOf(rfq.rfqId);
    const approve = { decision: 'approve' as const, quoteVersion: inReview.quote!.version };
    await expect(reviewAsRep(inReview, deal.rep, approve, world.decisions)).rejects.toBeInstanceOf(RetryLater);

    letGo();
    // As a client does with the retryable answer: again, until the retried attempt's wait takes it.
    await vi.waitFor(() => reviewAsRep(inReview, deal.rep, approve, world.decisions), {
      timeout: 30_000,
      interval: 25,
    });
    await world.statusReaches(rfq.rfqId, 'QUOTED');
  });
});
