import { priceRfq } from '#application/reprice.ts';
import type { Quote } from '#domain/rfq.ts';
import type { StepDeps } from './deps.ts';
import { loadRfq } from './marks.ts';
import { recordOnce } from './record-once.ts';
import { type SellerDecision, sellerDecisionSchema, type WorkflowState, workflowStateSchema } from './state.ts';
import { step } from './step.ts';
import { assertWaitable } from './waitable.ts';

const input = workflowStateSchema.extend({ discount: sellerDecisionSchema });
/** Where the sales manager's decision leads (the ASL's RouteReview choice). */
export const outcomes = ['quote', 'rep-review'] as const;

/** A version's lines and prices as a draft: not an offer until it is sent again. */
const withoutValidity = ({ validUntil: _, ...draft }: Quote): Quote => draft;

/**
 * RecordDiscountDecision: approved → on to the buyer with the rep's prices; rejected → back to the rep (IN_REVIEW)
 * with the version before the rep's proposal restored as a new quote version (the agreed prices, not the contract's
 * afresh), the manager's reason in the thread as a seller note.
 */
export const recordDiscountDecision = async (
  { discount, ...state }: { discount: SellerDecision } & WorkflowState,
  deps: StepDeps,
): Promise<WorkflowState & { outcome: (typeof outcomes)[number] }> =>
  recordOnce(deps, state, {
    key: `discount:${discount.waitId}`,
    outcomes,
    record: async (mark) => {
      const rfq = await loadRfq(deps, state.rfqId);
      const proposed = assertWaitable(rfq, 'DISCOUNT_APPROVAL', state.quoteVersion);
      const actor = {
        email: discount.by,
        role: discount.role,
        ...(discount.onBehalfOf && { onBehalfOf: discount.onBehalfOf }),
      };
      const said = discount.comment ? { comment: discount.comment } : {};
      // The sales manager's reason is between the seller's staff: the buyer never reads it.
      const posted = discount.comment ? { comments: [{ text: discount.comment, visibility: 'seller' as const }] } : {};

      if (discount.decision === 'approve') {
        await deps.store.rfqs.update(
          rfq,
          {},
          { actor, action: 'discount-approved', detail: { ...mark('quote', proposed.version), ...said }, ...posted },
        );
        return { outcome: 'quote', quoteVersion: proposed.version };
      }
      const before = await deps.store.rfqs.version(rfq.rfqId, proposed.version - 1);
      const quote = before
        ? {
            ...withoutValidity(before.quote),
            version: proposed.version + 1,
            // Ids of lines the refused proposal added stay spent.
            lastLine: Math.max(before.quote.lastLine ?? 0, proposed.lastLine ?? 0),
          }
        : await priceRfq(deps, rfq, proposed.version + 1);
      await deps.store.rfqs.transition(
        rfq,
        'rejectDiscount',
        { quote },
        {
          actor,
          action: 'discount-rejected',
          detail: { ...mark('rep-review', quote.version), ...said },
          ...posted,
        },
      );
      await deps.store.links.revoke(rfq.rfqId);
      return { outcome: 'rep-review', quoteVersion: quote.version };
    },
  });

export const handler = step('RecordDiscountDecision', input, recordDiscountDecision);
