import type { Actor, Rfq } from '#domain/rfq.ts';
import type { StepDeps } from './deps.ts';
import type { SellerDecision, WorkflowState } from './state.ts';

/**
 * The sales manager gave an escalated review to another rep: the RFQ's rep becomes that rep (who may now read and
 * review it) and the workflow asks them afresh. Keyed like every recorded review, so a retry returns the same outcome.
 */
export const reassignReview = async (
  rfq: Rfq,
  review: SellerDecision & { reassignTo: string },
  state: WorkflowState,
  key: string,
  deps: StepDeps,
): Promise<WorkflowState & { outcome: 'rep-review' }> => {
  const actor: Actor = { email: review.by, role: review.role };
  await deps.store.rfqs.reassign(rfq, review.reassignTo, {
    actor,
    action: 'review-reassigned',
    detail: {
      key,
      outcome: 'rep-review',
      from: rfq.accountRepEmail,
      to: review.reassignTo,
      ...(review.comment && { comment: review.comment }),
    },
  });
  await deps.store.links.revoke(rfq.rfqId);
  return { ...state, outcome: 'rep-review' };
};
