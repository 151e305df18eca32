import { linePricer } from '#application/reprice.ts';
import { editQuote } from '#domain/quote-edits.ts';
import type { Rfq } from '#domain/rfq.ts';
import { quoteDeclinedEmail } from '#email/outcomes.ts';
import type { StepDeps } from './deps.ts';
import { publishOnce } from './lifecycle-events.ts';
import { emailOnce, loadRfq } from './marks.ts';
import { recordOnce } from './record-once.ts';
import { type BuyerDecisionOutput, buyerDecisionSchema, type WorkflowState, workflowStateSchema } from './state.ts';
import { step } from './step.ts';
import { assertWaitable } from './waitable.ts';

const input = workflowStateSchema.extend({ buyer: buyerDecisionSchema });
/** Where the buyer's decision leads; the ASL's BuyerOutcome choice compares against exactly these. */
export const outcomes = ['accepted', 'declined', 'revised'] as const;
export type BuyerOutcome = (typeof outcomes)[number];

export class MissingPoNumber extends Error {
  override readonly name = 'MissingPoNumber';
}

/** `quote.accepted` / `quote.declined` for the version decided on; a revision request publishes nothing. */
const publishDecision = async (deps: StepDeps, rfq: Rfq, outcome: BuyerOutcome, buyer: BuyerDecisionOutput) => {
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
 * RecordBuyerDecision: accept (PO number) → ACCEPTED (`quote.accepted`); decline → DECLINED (rep told,
 * `quote.declined`); revise → IN_REVIEW with a new quote version that starts from the agreed prices (a price the sales
 * manager approved stays) with the buyer's line changes, every link of the old version revoked, and back to the rep.
 */
export const recordBuyerDecision = async (
  { buyer, ...state }: { buyer: BuyerDecisionOutput } & WorkflowState,
  deps: StepDeps,
): Promise<WorkflowState & { outcome: BuyerOutcome }> =>
  recordOnce(deps, state, {
    // One decision per wait: a version put back on offer after a refused revision is decided on again.
    key: `buyer:v${buyer.quoteVersion}:${buyer.at}`,
    outcomes,
    replayed: async (outcome) => publishDecision(deps, await loadRfq(deps, state.rfqId), outcome, buyer),
    record: async (mark) => {
      const rfq = await loadRfq(deps, state.rfqId);
      const quote = assertWaitable(rfq, 'QUOTED', state.quoteVersion);
      const actor = { email: buyer.by, role: 'buyer' as const };
      await deps.store.waits.delete(rfq.rfqId, 'buyer-decision');

      if (buyer.decision === 'accept') {
        if (!buyer.poNumber) throw new MissingPoNumber(`RFQ ${rfq.rfqId} was accepted without a PO number`);
        const accepted = await deps.store.rfqs.transition(
          rfq,
          'accept',
          { poNumber: buyer.poNumber },
          { actor, action: 'accepted', detail: { ...mark('accepted', quote.version), poNumber: buyer.poNumber } },
        );
        await publishDecision(deps, accepted, 'accepted', buyer);
        return { outcome: 'accepted', quoteVersion: quote.version };
      }
      if (buyer.decision === 'decline') {
        const declined = await deps.store.rfqs.transition(
          rfq,
          'decline',
          {},
          {
            actor,
            action: 'declined',
            detail: { ...mark('declined', quote.version), ...(buyer.reason && { reason: buyer.reason }) },
            ...(buyer.reason && { comments: [{ text: buyer.reason, visibility: 'shared' as const }] }),
          },
        );
        await publishDecision(deps, declined, 'declined', buyer);
        await emailOnce(deps, rfq.rfqId, 'declined', [quoteDeclinedEmail(declined, buyer.by, buyer.reason)]);
        return { outcome: 'declined', quoteVersion: quote.version };
      }

      const priceLine = await linePricer(
        deps.store,
        rfq,
        (buyer.add ?? []).flatMap((a) => a.sku ?? []),
        deps.now(),
      );
      const edited = editQuote(quote, buyer.lines ?? [], buyer.add ?? [], { by: actor, priceLine });
      // The API checked the changes; a catalog change in between still leaves the rep a version to work on.
      const { validUntil: _, ...agreed } = quote;
      const next = edited.ok ? edited.quote : { ...agreed, version: quote.version + 1 };
      await deps.store.rfqs.transition(
        rfq,
        'revise',
        { quote: next },
        {
          actor,
          action: 'revision-requested',
          detail: {
            ...mark('revised', next.version),
            ...(buyer.comment && { comment: buyer.comment }),
            ...(!edited.ok && { refusedChanges: edited.errors.map((e) => `${e.path}: ${e.message}`) }),
          },
          ...(buyer.comment && { comments: [{ text: buyer.comment, visibility: 'shared' as const }] }),
        },
      );
      await deps.store.links.revoke(rfq.rfqId);
      return { outcome: 'revised', quoteVersion: next.version };
    },
  });

export const handler = step('RecordBuyerDecision', input, recordBuyerDecision);
