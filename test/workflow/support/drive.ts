import { expect } from 'vitest';
import { type BuyerChoice, buyerDecision } from '#application/buyer-decision.ts';
import type { Caller } from '#domain/caller.ts';
import type { Rfq } from '#domain/rfq.ts';
import type { Deal } from './deal.ts';
import { clickLink } from './person.ts';
import type { World } from './world.ts';

/** The steps every scenario shares, done the way people do them: submitted, then the rep approves from the email. */
export const submitAndQuote = async (world: World, deal: Deal, rfq = deal.rfq()): Promise<Rfq> => {
  const { rfqId } = await world.submit(rfq);
  // This RFQ's review link: a deal may have more than one RFQ.
  const [review] = await world.linksArrive(deal.people.rep, 1, rfqId);
  expect((await clickLink(review!, { decision: 'approve' })).status).toBe(200);
  return world.statusReaches(rfqId, 'QUOTED');
};

/** …and the buyer accepts with a PO number: the company's approval chain starts. */
export const submitQuoteAndAccept = async (
  world: World,
  deal: Deal,
  poNumber = 'PO-1',
  rfq = deal.rfq(),
): Promise<Rfq> => {
  const quoted = await submitAndQuote(world, deal, rfq);
  await buyerDecides(world, quoted, deal.buyer, { decision: 'accept', poNumber });
  return world.statusReaches(quoted.rfqId, 'PENDING_APPROVAL');
};

/** A buyer's decision on the quote as they hold it (its version), through the use case the API calls. */
export const buyerDecides = (
  world: World,
  rfq: Rfq,
  as: Caller,
  choice: Omit<BuyerChoice, 'quoteVersion'>,
): Promise<Rfq> => buyerDecision(rfq, as, { ...choice, quoteVersion: rfq.quote!.version }, world.decisions);
