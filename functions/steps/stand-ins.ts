import { delegateStillStands, type Standing } from '#application/delegate-standing.ts';
import { discountProposer } from '#application/discount-proposer.ts';
import { delegateWindow, isCurrentOrAhead } from '#domain/delegation.ts';
import { mayStandIn } from '#domain/policy.ts';
import type { Rfq } from '#domain/rfq.ts';
import type { LinkPurpose } from '#store/ports.ts';

export interface StandIn {
  /** The person asked, out of office. */
  forEmail: string;
  delegate: string;
  activeFrom: string;
  expiresAt: string;
}

/**
 * Who stands in for the people a wait asks: each one's delegate whose window overlaps the wait — unless separation of
 * duties forbids it (policy: mayStandIn) or the delegate no longer stands where the delegation needs them (removed or
 * demoted since it was set; a rep who serves no account any more), then the delegate is skipped and the person's own
 * link is all there is.
 * `asked` is everyone the wait reaches on its own, so a delegate already asked gets no second say.
 */
export const standInsFor = async (
  standing: Standing,
  rfq: Pick<Rfq, 'rfqId' | 'buyerEmail' | 'companyId'>,
  purpose: LinkPurpose,
  people: { for: readonly string[]; asked: readonly string[] },
  wait: { now: Date; expiresAt: string },
): Promise<StandIn[]> => {
  const { store } = standing;
  const proposedBy = purpose === 'discount-approval' ? await discountProposer(store, rfq.rfqId) : undefined;
  const found = await Promise.all(
    people.for.map(async (forEmail): Promise<StandIn[]> => {
      const delegation = await store.delegations.get(forEmail);
      if (!delegation || !isCurrentOrAhead(delegation, wait.now)) return [];
      const decision = {
        personEmail: forEmail,
        buyerEmail: rfq.buyerEmail,
        asked: people.asked,
        ...(proposedBy && { proposedBy }),
      };
      if (!mayStandIn(delegation.delegateEmail, decision)) return [];
      if (!(await delegateStillStands(standing, { purpose, companyId: rfq.companyId }, delegation.delegateEmail)))
        return [];
      const window = delegateWindow(delegation, wait);
      return window ? [{ forEmail, delegate: delegation.delegateEmail, ...window }] : [];
    }),
  );
  return found.flat();
};
