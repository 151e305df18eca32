import type { StepDeps } from './deps.ts';
import { loadRfq } from './marks.ts';
import { recordedOutcome } from './outcome.ts';
import { priceRfq } from './reprice.ts';
import { type SellerDecision, sellerDecisionSchema, type WorkflowState, workflowStateSchema } from './state.ts';
import { step } from './step.ts';
import { assertWaitable } from './waitable.ts';

const input = workflowStateSchema.extend({ discount: sellerDecisionSchema });

/**
 * RecordDiscountDecision: approved → on to the buyer with the rep's prices; rejected → back to the rep (IN_REVIEW)
 * with contract prices restored as a new quote version, the manager's comment in the rep's next email.
 */
export const recordDiscountDecision = async (
  { discount, ...state }: { discount: SellerDecision } & WorkflowState,
  deps: StepDeps,
): Promise<WorkflowState & { outcome: 'quote' | 'rep-review' }> => {
  const key = `discount:${discount.waitId}`;
  const recorded = await recordedOutcome(deps, state.rfqId, key);
  if (recorded) {
    return {
      ...state,
      quoteVersion: recorded.quoteVersion ?? state.quoteVersion,
      outcome: recorded.outcome as 'quote' | 'rep-review',
    };
  }
  const rfq = await loadRfq(deps, state.rfqId);
  assertWaitable(rfq, 'DISCOUNT_APPROVAL', state.quoteVersion);
  const actor = { email: discount.by, role: discount.role };
  const said = discount.comment ? { comment: discount.comment } : {};
  // The sales manager's reason is between the seller's staff: the buyer never reads it.
  const posted = discount.comment ? { comments: [{ text: discount.comment, visibility: 'seller' as const }] } : {};

  if (discount.decision === 'approve') {
    await deps.store.rfqs.update(
      rfq,
      {},
      {
        actor,
        action: 'discount-approved',
        detail: { key, outcome: 'quote', quoteVersion: state.quoteVersion, ...said },
        ...posted,
      },
    );
    return { ...state, outcome: 'quote' };
  }
  const quote = await priceRfq(deps, rfq, state.quoteVersion + 1);
  await deps.store.rfqs.transition(
    rfq,
    'rejectDiscount',
    { quote },
    {
      actor,
      action: 'discount-rejected',
      detail: { key, outcome: 'rep-review', quoteVersion: quote.version, ...said },
      ...posted,
    },
  );
  await deps.store.links.revoke(rfq.rfqId);
  return { ...state, quoteVersion: quote.version, outcome: 'rep-review' };
};

export const handler = step('RecordDiscountDecision', input, recordDiscountDecision);
