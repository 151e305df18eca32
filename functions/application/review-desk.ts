import type { Caller } from '#domain/caller.ts';
import { Forbidden } from '#domain/errors.ts';
import { mayApproveDiscount, mayReview, reviewerRole } from '#domain/policy.ts';
import type { Quote, Rfq } from '#domain/rfq.ts';
import type { Store } from '#store/ports.ts';
import { type DiscountProposal, discountProposal } from './discount-proposal.ts';

/** What a seller decides on the review screen: a rep's review, or a sales manager's discount approval. */
export type DeskPurpose = 'rep-review' | 'discount-approval';

/** Everything the app's review screen shows for one RFQ, as the email review page would. */
export interface ReviewDesk {
  rfq: Rfq;
  quote?: Quote;
  companyName: string;
  /** The decision open to this caller on the current quote version, with when it is due; none when nothing waits. */
  open?: { purpose: DeskPurpose; dueAt: string };
  /** In review, but the workflow has not asked the rep yet: the screen says to look again in a moment. */
  preparing: boolean;
  discount?: DiscountProposal;
}

const purposeOf = (status: Rfq['status']): DeskPurpose | undefined =>
  status === 'IN_REVIEW' ? 'rep-review' : status === 'DISCOUNT_APPROVAL' ? 'discount-approval' : undefined;

/**
 * GET /rfqs/{rfqId}/review: the review screen's content for whoever may review the RFQ (its account rep, a sales
 * manager). Whether the caller may decide now is the policy's answer (reviewerRole for a review, mayApproveDiscount
 * for a discount — never the proposer) together with a pending link for that decision on the current version.
 */
export const reviewDesk = async (rfq: Rfq, caller: Caller, store: Store, now: Date): Promise<ReviewDesk> => {
  if (!mayReview(caller, rfq)) throw new Forbidden('only the account rep or a sales manager reviews this RFQ');
  const purpose = purposeOf(rfq.status);
  const [company, links, discount] = await Promise.all([
    store.catalog.getCompany(rfq.companyId),
    purpose ? store.links.listForRfq(rfq.rfqId) : Promise.resolve([]),
    rfq.status === 'DISCOUNT_APPROVAL'
      ? store.rfqs.history(rfq.rfqId).then(discountProposal)
      : Promise.resolve(undefined),
  ]);
  const current = links.filter((l) => l.purpose === purpose && l.quoteVersion === rfq.quote?.version);
  const pending = current.find((l) => l.status === 'PENDING' && l.expiresAt > now.toISOString());
  const mayDecide =
    purpose === 'rep-review'
      ? reviewerRole(caller, rfq) !== undefined
      : purpose === 'discount-approval' && mayApproveDiscount(caller, discount?.proposedBy);
  return {
    rfq,
    ...(rfq.quote && { quote: rfq.quote }),
    companyName: company?.name ?? rfq.companyId,
    ...(purpose && pending && mayDecide && { open: { purpose, dueAt: pending.expiresAt } }),
    preparing: purpose !== undefined && current.length === 0,
    ...(discount && { discount }),
  };
};
