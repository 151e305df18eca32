import { applyAdjustments, quoteIsComplete } from '#domain/rep-authority.ts';
import type { Actor } from '#domain/rfq.ts';
import { rfqRejectedEmail } from '#email/outcomes.ts';
import type { StepDeps } from './deps.ts';
import { tellEscalated } from './escalation-notice.ts';
import { publishOnce } from './lifecycle-events.ts';
import { emailOnce, loadRfq } from './marks.ts';
import { recordedOutcome } from './outcome.ts';
import { reassignReview } from './reassign-review.ts';
import { type SellerDecision, sellerDecisionSchema, type WorkflowState, workflowStateSchema } from './state.ts';
import { step } from './step.ts';
import { assertWaitable } from './waitable.ts';

const input = workflowStateSchema.extend({ review: sellerDecisionSchema });
export type ReviewOutcome = 'quote' | 'discount-approval' | 'rep-review' | 'rejected';

/**
 * RecordReview: the rep's decision becomes the RFQ's next state. Reject → REJECTED (buyer told, `rfq.rejected`); approve with prices
 * beyond the rep's authority → DISCOUNT_APPROVAL; approve otherwise → on to the buyer (SendQuote makes it QUOTED).
 * Changed prices make a new quote version, and the old version's links die.
 */
export const recordReview = async (
  { review, ...state }: { review: SellerDecision } & WorkflowState,
  deps: StepDeps,
): Promise<WorkflowState & { outcome: ReviewOutcome }> => {
  const key = `review:${review.waitId}`;
  const recorded = await recordedOutcome(deps, state.rfqId, key);
  if (recorded) {
    // A retry after the rejection was written still owes the event, should the first run have stopped before it.
    if (recorded.outcome === 'rejected')
      await publishOnce(deps, await loadRfq(deps, state.rfqId), 'rfq.rejected', 'final');
    return {
      ...state,
      quoteVersion: recorded.quoteVersion ?? state.quoteVersion,
      outcome: recorded.outcome as ReviewOutcome,
    };
  }
  const rfq = await loadRfq(deps, state.rfqId);
  const quote = assertWaitable(rfq, 'IN_REVIEW', state.quoteVersion);
  if (review.decision === 'reassign' && review.reassignTo)
    return reassignReview(rfq, { ...review, reassignTo: review.reassignTo }, state, key, deps);
  const actor: Actor = { email: review.by, role: review.role };
  const said = review.comment ? { comment: review.comment } : {};
  // A rejection's reason is the buyer's to read (their email says it); any other review note stays with the seller's
  // staff unless the rep shares it.
  const visibility = review.commentVisibility ?? (review.decision === 'reject' ? 'shared' : 'seller');
  const posted = review.comment ? { comments: [{ text: review.comment, visibility }] } : {};

  if (review.decision === 'reject') {
    const rejected = await deps.store.rfqs.transition(
      rfq,
      'reject',
      {},
      {
        actor,
        action: 'rejected',
        detail: { key, outcome: 'rejected', ...said },
        ...posted,
      },
    );
    await publishOnce(deps, rejected, 'rfq.rejected', 'final', { by: review.by, ...said });
    await emailOnce(deps, rfq.rfqId, 'rejected', [rfqRejectedEmail(rejected, review.by, review.comment)]);
    return { ...state, outcome: 'rejected' };
  }

  const adjusted = applyAdjustments(quote, review.adjustments ?? [], {
    maxRepDiscountPercent: deps.config.MAX_REP_DISCOUNT_PERCENT,
    actor,
  });
  if (!adjusted.ok || !quoteIsComplete(adjusted.quote)) {
    // The link validated this already; a catalog change in between sends the quote back to the rep, never out.
    await deps.store.rfqs.update(
      rfq,
      {},
      {
        actor,
        action: 'review-refused',
        detail: {
          key,
          outcome: 'rep-review',
          reason: adjusted.ok ? 'some lines have no price' : adjusted.errors.map((e) => e.message).join('; '),
        },
      },
    );
    return { ...state, outcome: 'rep-review' };
  }

  const next = adjusted.quote;
  const changes = next.version !== quote.version ? { quote: next } : {};
  if (adjusted.needsManager.length > 0) {
    await deps.store.rfqs.transition(rfq, 'requestDiscountApproval', changes, {
      actor,
      action: 'discount-requested',
      detail: {
        key,
        outcome: 'discount-approval',
        quoteVersion: next.version,
        needsManager: adjusted.needsManager,
        ...said,
      },
      ...posted,
    });
  } else {
    await deps.store.rfqs.update(rfq, changes, {
      actor,
      action: 'reviewed',
      detail: { key, outcome: 'quote', quoteVersion: next.version, adjusted: review.adjustments?.length ?? 0, ...said },
      ...posted,
    });
  }
  if (next.version !== quote.version) await deps.store.links.revoke(rfq.rfqId);
  return {
    ...state,
    quoteVersion: next.version,
    outcome: adjusted.needsManager.length > 0 ? 'discount-approval' : 'quote',
  };
};

const outcomeText = (review: SellerDecision): string =>
  review.decision === 'reassign'
    ? `${review.by} reassigned the review to ${review.reassignTo}`
    : `${review.by} ${review.decision === 'approve' ? 'approved' : 'rejected'} the quote`;

export const handler = step('RecordReview', input, async (event, deps) => {
  const recorded = await recordReview(event, deps);
  await tellEscalated(deps, event.rfqId, event.review.waitId, outcomeText(event.review), event.review.by);
  return recorded;
});
