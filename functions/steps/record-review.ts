import { linePricer } from '#application/reprice.ts';
import { dayOf } from '#domain/calendar.ts';
import { editQuote } from '#domain/quote-edits.ts';
import { applyAdjustments, quoteIsComplete } from '#domain/rep-authority.ts';
import type { Actor, Quote, Rfq } from '#domain/rfq.ts';
import { rfqRejectedEmail } from '#email/outcomes.ts';
import type { StepDeps } from './deps.ts';
import { tellEscalated } from './escalation-notice.ts';
import { publishOnce } from './lifecycle-events.ts';
import { emailOnce, loadRfq } from './marks.ts';
import { reassignReview } from './reassign-review.ts';
import { recordOnce } from './record-once.ts';
import { type SellerDecision, sellerDecisionSchema, type WorkflowState, workflowStateSchema } from './state.ts';
import { step } from './step.ts';
import { assertWaitable } from './waitable.ts';

const input = workflowStateSchema.extend({ review: sellerDecisionSchema });
/** Where the rep's decision leads; the ASL's RouteReview choice compares against exactly these (and the discount's). */
export const outcomes = ['quote', 'discount-approval', 'rep-review', 'rejected', 'requote'] as const;
export type ReviewOutcome = (typeof outcomes)[number];

/** The quote the buyer holds, if a revision of it is under review and it is still valid today. */
const stillOffered = async (deps: StepDeps, rfq: Rfq): Promise<Quote | undefined> => {
  const { quotedVersion, quotedUntil } = rfq;
  if (quotedVersion === undefined || quotedUntil === undefined || quotedVersion === rfq.quote?.version)
    return undefined;
  if (quotedUntil < dayOf(deps.now().toISOString())) return undefined;
  const offered = (await deps.store.rfqs.version(rfq.rfqId, quotedVersion))?.quote;
  return offered && { ...offered, validUntil: quotedUntil };
};

/**
 * The seller's edits to the quote under review: re-pricing from the contract when asked (otherwise the agreed prices
 * stay), line edits and added lines, then price adjustments checked against the rep's authority. Undefined when the
 * edits no longer apply (the link checked them; a catalog change in between sends the quote back to the rep).
 */
const reviewed = async (deps: StepDeps, rfq: Rfq, quote: Quote, review: SellerDecision, actor: Actor) => {
  const edits = review.lines ?? [];
  const added = review.add ?? [];
  const reprice = review.reprice === true;
  const skus = [
    ...(reprice ? quote.lines.filter((l) => !l.custom).map((l) => l.sku) : []),
    ...edits.flatMap((e) => e.substituteSku ?? []),
    ...added.flatMap((a) => (a.description === undefined && a.sku ? [a.sku] : [])),
  ];
  const priceLine = await linePricer(deps.store, rfq, skus, deps.now());
  let base = quote;
  if (reprice) {
    const lines = quote.lines.map((line) => (line.custom ? line : (priceLine(line) ?? line)));
    base = { ...quote, lines };
  }
  const edited =
    edits.length > 0 || added.length > 0 ? editQuote(base, edits, added, { by: actor, priceLine }) : undefined;
  if (edited && !edited.ok) return { ok: false as const, reason: edited.errors.map((e) => e.message).join('; ') };
  const draft = edited?.quote ?? base;
  const adjusted = applyAdjustments({ ...draft, version: quote.version }, review.adjustments ?? [], {
    maxRepDiscountPercent: deps.config.MAX_REP_DISCOUNT_PERCENT,
    actor,
  });
  if (!adjusted.ok) return { ok: false as const, reason: adjusted.errors.map((e) => e.message).join('; ') };
  if (!quoteIsComplete(adjusted.quote)) return { ok: false as const, reason: 'some lines have no price' };
  // applyAdjustments makes a new version exactly when a price changed.
  const changed = draft !== quote || adjusted.quote.version !== quote.version;
  const next = changed ? { ...adjusted.quote, version: quote.version + 1 } : quote;
  return { ok: true as const, quote: next, needsManager: adjusted.needsManager };
};

const keyOf = (review: SellerDecision): string => `review:${review.waitId}`;

/**
 * RecordReview: the rep's decision becomes the RFQ's next state. Reject → REJECTED (buyer told, `rfq.rejected`) — or,
 * when it turns down a revision request while the quote the buyer holds is still valid, back to QUOTED on that
 * version. Approve with prices beyond the rep's authority → DISCOUNT_APPROVAL; otherwise on to the buyer (SendQuote
 * makes it QUOTED). Edits and changed prices make a new quote version, and the old version's links die.
 */
export const recordReview = async (
  { review, ...state }: { review: SellerDecision } & WorkflowState,
  deps: StepDeps,
): Promise<WorkflowState & { outcome: ReviewOutcome }> =>
  recordOnce(deps, state, {
    key: keyOf(review),
    outcomes,
    // A retry after the rejection was written still owes the event, should the first run have stopped before it.
    replayed: async (outcome) => {
      if (outcome === 'rejected') await publishOnce(deps, await loadRfq(deps, state.rfqId), 'rfq.rejected', 'final');
    },
    record: async (mark) => {
      const rfq = await loadRfq(deps, state.rfqId);
      const quote = assertWaitable(rfq, 'IN_REVIEW', state.quoteVersion);
      if (review.decision === 'reassign' && review.reassignTo) {
        await reassignReview(rfq, { ...review, reassignTo: review.reassignTo }, state, keyOf(review), deps);
        return { outcome: 'rep-review', quoteVersion: quote.version };
      }
      const actor: Actor = {
        email: review.by,
        role: review.role,
        ...(review.onBehalfOf && { onBehalfOf: review.onBehalfOf }),
      };
      // A rejection's reason is the buyer's to read (their email says it); any other review note stays with the
      // seller's staff unless the rep shares it. In the history a seller note is `note`, which the buyer side never reads.
      const visibility = review.commentVisibility ?? (review.decision === 'reject' ? 'shared' : 'seller');
      const said = review.comment ? { [visibility === 'shared' ? 'comment' : 'note']: review.comment } : {};
      const posted = review.comment ? { comments: [{ text: review.comment, visibility }] } : {};

      if (review.decision === 'reject') {
        const offered = await stillOffered(deps, rfq);
        if (offered) {
          await deps.store.rfqs.transition(
            rfq,
            'keepQuote',
            { quote: offered },
            { actor, action: 'revision-declined', detail: { ...mark('requote', offered.version), ...said }, ...posted },
          );
          await deps.store.links.revoke(rfq.rfqId);
          return { outcome: 'requote', quoteVersion: offered.version };
        }
        const rejected = await deps.store.rfqs.transition(
          rfq,
          'reject',
          {},
          { actor, action: 'rejected', detail: { ...mark('rejected', quote.version), ...said }, ...posted },
        );
        await publishOnce(deps, rejected, 'rfq.rejected', 'final', { by: review.by, ...said });
        await emailOnce(deps, rfq.rfqId, 'rejected', [rfqRejectedEmail(rejected, review.by, review.comment)]);
        return { outcome: 'rejected', quoteVersion: quote.version };
      }

      const result = await reviewed(deps, rfq, quote, review, actor);
      if (!result.ok) {
        await deps.store.rfqs.update(
          rfq,
          {},
          { actor, action: 'review-refused', detail: { ...mark('rep-review', quote.version), reason: result.reason } },
        );
        return { outcome: 'rep-review', quoteVersion: quote.version };
      }
      const next = result.quote;
      const changes = next.version !== quote.version ? { quote: next } : {};
      if (result.needsManager.length > 0) {
        await deps.store.rfqs.transition(rfq, 'requestDiscountApproval', changes, {
          actor,
          action: 'discount-requested',
          detail: { ...mark('discount-approval', next.version), needsManager: result.needsManager, ...said },
          ...posted,
        });
      } else {
        await deps.store.rfqs.update(rfq, changes, {
          actor,
          action: 'reviewed',
          detail: { ...mark('quote', next.version), adjusted: review.adjustments?.length ?? 0, ...said },
          ...posted,
        });
      }
      if (next.version !== quote.version) await deps.store.links.revoke(rfq.rfqId);
      return { outcome: result.needsManager.length > 0 ? 'discount-approval' : 'quote', quoteVersion: next.version };
    },
  });

const outcomeText = (review: SellerDecision): string =>
  review.decision === 'reassign'
    ? `${review.by} reassigned the review to ${review.reassignTo}`
    : `${review.by} ${review.decision === 'approve' ? 'approved' : 'rejected'} the quote`;

export const handler = step('RecordReview', input, async (event, deps) => {
  const recorded = await recordReview(event, deps);
  await tellEscalated(deps, event.rfqId, event.review.waitId, outcomeText(event.review), event.review.by);
  return recorded;
});
