import type { Rfq } from '#domain/rfq.ts';
import { quoteDeclinedEmail } from '#email/outcomes.ts';
import type { StepDeps } from './deps.ts';
import { publishOnce } from './lifecycle-events.ts';
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

/** `quote.accepted` / `quote.declined` for the version decided on; a revision request publishes nothing. */
const publishDecision = async (deps: StepDeps, rfq: Rfq, outcome: string, buyer: BuyerDecisionOutput) => {
  const qualifier = `v${buyer.quoteVersion}`;
  if (outcome === 'accepted') {
    await publishOnce(deps, rfq, 'quote.accepted', qualifier, { by: buyer.by, poNumber: buyer.poNumber });
  } else if (outcome === 'declined') {
    await publishOnce(deps, rfq, 'quote.declined', qualifier, {
      by: buyer.by,
      ...(buyer.reason && { reason: buyer.reason }),
    });
  }
};

/**
 * RecordBuyerDecision: accept (PO number) → ACCEPTED (`quote.accepted`); decline → DECLINED (rep told, `quote.declined`); revise → IN_REVIEW with a new
 * quote version priced afresh, every link of the old version revoked, and back to the rep.
 */
export const recordBuyerDecision = async (
  { buyer, ...state }: { buyer: BuyerDecisionOutput } & WorkflowState,
  deps: StepDeps,
): Promise<WorkflowState & { outcome: BuyerOutcome }> => {
  const key = `buyer:v${buyer.quoteVersion}`;
  const recorded = await recordedOutcome(deps, state.rfqId, key);
  if (recorded) {
    await publishDecision(deps, await loadRfq(deps, state.rfqId), recorded.outcome, buyer);
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
    const accepted = await deps.store.rfqs.transition(
      rfq,
      'accept',
      { poNumber: buyer.poNumber },
      {
        actor,
        action: 'accepted',
        detail: { key, outcome: 'accepted', poNumber: buyer.poNumber },
      },
    );
    await publishDecision(deps, accepted, 'accepted', buyer);
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
        ...(buyer.reason && { comments: [{ text: buyer.reason, visibility: 'shared' as const }] }),
      },
    );
    await publishDecision(deps, declined, 'declined', buyer);
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
        ...(buyer.comment && { comments: [{ text: buyer.comment, visibility: 'shared' as const }] }),
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
