import type { Caller } from './caller.ts';
import { canApply, terminalStatuses } from './lifecycle.ts';
import { mayCancel, mayDecideQuote } from './policy.ts';
import type { Rfq } from './rfq.ts';

/** What a buyer does to an RFQ: decide the quote on offer, or withdraw the request. */
export const buyerActions = ['accept', 'revise', 'decline', 'cancel'] as const;
export type BuyerAction = (typeof buyerActions)[number];

/**
 * What this caller may do to the RFQ now — the one transition table and the policy asked, so a client shows exactly
 * the buttons the API would accept instead of restating which statuses allow what. `open`: whether anything may still
 * happen to it at all (a client stops looking for news once it is not).
 */
export const rfqActionsFor = (
  caller: Caller,
  rfq: Pick<Rfq, 'status' | 'companyId'>,
): { actions: BuyerAction[]; open: boolean } => ({
  actions: buyerActions.filter((action) =>
    action === 'cancel'
      ? mayCancel(caller, rfq) && canApply('cancel', rfq.status)
      : mayDecideQuote(caller, rfq) && canApply(action, rfq.status),
  ),
  open: !terminalStatuses.has(rfq.status),
});
