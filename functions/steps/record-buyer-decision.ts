import { quoteDeclinedEmail } from '#email/outcomes.ts';
import type { StepDeps } from './deps.ts';
import { emailOnce, loadRfq } from './marks.ts';
import { recordedOutcome } from './outcome.ts';
import { priceRfq } from './reprice.ts';
import { type BuyerDecisionOutput, buyerDecisionSchema, type WorkflowState, workflowStateSchema } from './state.ts';
import { step } from './step.ts';
import { assertWaitable } from './waitable.ts';

const input = workflowStateSchema.extend({ buyer: buyerDecisionSchema });
export type BuyerOutcome = 'accepted' | 'declined' | 'revised';

export class MissingPoNumber extends Error {
  override readonly name = 'MissingPoNumber';
}

/**
 * RecordBuyerDecision: accept (PO number) → ACCEPTED; decline → DECLINED (rep told); revise → IN_REVIEW with a new
 * quote version priced afresh, every link of the old version revoked, and back to the rep.
 */
export const recordBuyerDecision = async (
  { buyer, ...state }: { buyer: BuyerDecisionOutput } & WorkflowState,
  deps: StepDeps,
): Promise<WorkflowState & { outcome: BuyerOutcome }> => {
  const key = `buyer:v${buyer.quoteVersion}`;
  const recorded = await recordedOutcome(deps, state.rfqId, key);
  if (recorded) {
    return {
      ...state,
      quoteVersion: recorded.quoteVersion ?? state.quoteVersion,
      outcome: recorded.outcome as BuyerOutcome,
    };
  }
  const rfq = await loadRfq(deps, state.rfqId);
  assertWaitable(rfq, 'QUOTED', state.quoteVersion);
  const actor = { email: buyer.by, role: 'buyer' as const };

  let outcome: BuyerOutcome;
  let quoteVersion = state.quoteVersion;
  if (buyer.decision === 'accept') {
    if (!buyer.poNumber) throw new MissingPoNumber(`RFQ ${rfq.rfqId} was accepted without a PO number`);
    await deps.store.rfqs.transition(
      rfq,
      'accept',
      { poNumber: buyer.poNumber },
      {
        actor,
        action: 'accepted',
        detail: { key, outcome: 'accepted', poNumber: buyer.poNumber },
      },
    );
    outcome = 'accepted';
  } else if (buyer.decision === 'decline') {
    const declined = await deps.store.rfqs.transition(
      rfq,
      'decline',
      {},
      {
        actor,
        action: 'declined',
        detail: { key, outcome: 'declined', ...(buyer.reason && { reason: buyer.reason }) },
      },
    );
    await emailOnce(deps, rfq.rfqId, 'declined', [quoteDeclinedEmail(declined, buyer.by, buyer.reason)]);
    outcome = 'declined';
  } else {
    const quote = await priceRfq(deps, rfq, state.quoteVersion + 1);
    await deps.store.rfqs.transition(
      rfq,
      'revise',
      { quote },
      {
        actor,
        action: 'revision-requested',
        detail: {
          key,
          outcome: 'revised',
          quoteVersion: quote.version,
          ...(buyer.comment && { comment: buyer.comment }),
        },
      },
    );
    await deps.store.links.revoke(rfq.rfqId);
    quoteVersion = quote.version;
    outcome = 'revised';
  }
  await deps.store.waits.delete(rfq.rfqId, 'buyer-decision');
  return { ...state, quoteVersion, outcome };
};

export const handler = step('RecordBuyerDecision', input, recordBuyerDecision);
