import type { Caller } from '#domain/caller.ts';
import { AlreadyDecided, Forbidden, InvalidInput, NotNow, VersionMismatch } from '#domain/errors.ts';
import { mayApproveDiscount, reviewerRole } from '#domain/policy.ts';
import { editQuote } from '#domain/quote-edits.ts';
import type { Actor, Rfq } from '#domain/rfq.ts';
import { checkDecision, type DecisionInput } from './check-decision.ts';
import { type DecisionDeps, nowOf } from './deps.ts';
import { discountProposer } from './discount-proposer.ts';
import { noOpenWait } from './no-open-wait.ts';
import { linePricer } from './reprice.ts';
import { resumeWait } from './resume-wait.ts';

const alreadyDecided = 'this review was already decided or has expired';
const unopened = { decided: alreadyDecided, opening: 'the review request is still being sent' };

/** Who may decide the open seller-side wait, and as whom the decision is recorded — as the policy says. */
const deciderOf = async (
  rfq: Rfq,
  caller: Caller,
  deps: DecisionDeps,
): Promise<{ purpose: 'rep-review' | 'discount-approval'; actor: Actor }> => {
  if (rfq.status === 'IN_REVIEW') {
    const role = reviewerRole(caller, rfq);
    if (!role) throw new Forbidden('only the account rep (or a sales manager) reviews this RFQ');
    return { purpose: 'rep-review', actor: { email: caller.email, role } };
  }
  if (rfq.status === 'DISCOUNT_APPROVAL') {
    const proposer = await discountProposer(deps.store, rfq.rfqId);
    if (!mayApproveDiscount(caller, proposer))
      throw new Forbidden(
        caller.email === proposer
          ? 'you proposed this discount; another sales manager must approve it'
          : 'only a sales manager approves a discount beyond the rep’s authority',
      );
    return { purpose: 'discount-approval', actor: { email: caller.email, role: 'sales-manager' } };
  }
  throw new NotNow(`the RFQ is ${rfq.status}; there is no review to decide`);
};

/**
 * POST /rfqs/{rfqId}/review: the same decision the rep's email link makes, through the API. It spends the open
 * review link (so the emailed one then answers "already used") and resumes the same wait: link and API race fairly,
 * exactly one wins. Answers the RFQ as it is; the workflow's next step moves it.
 */
export const reviewAsRep = async (rfq: Rfq, caller: Caller, input: DecisionInput, deps: DecisionDeps): Promise<Rfq> => {
  const { purpose, actor } = await deciderOf(rfq, caller, deps);
  if (input.quoteVersion !== undefined && input.quoteVersion !== rfq.quote?.version)
    throw new VersionMismatch(input.quoteVersion, rfq.quote?.version ?? null);
  const now = nowOf(deps).toISOString();
  const links = (await deps.store.links.listForRfq(rfq.rfqId)).filter(
    (l) => l.purpose === purpose && l.quoteVersion === rfq.quote?.version,
  );
  const link = links.find((l) => l.status === 'PENDING' && l.expiresAt > now);
  // Its links ran out before anyone decided: expired.
  if (!link && links.some((l) => l.status === 'PENDING')) throw new AlreadyDecided(alreadyDecided);
  // The status moves a moment before the review request goes out, and a review refused or reassigned is asked again
  // on the same version in a new wait: a caller in either window should retry, not be told it was decided.
  if (!link || !rfq.quote) throw await noOpenWait(deps.store, rfq, unopened);
  const edits = input.lines ?? [];
  const added = input.add ?? [];
  const editing = edits.length > 0 || added.length > 0;
  if ((editing || input.reprice) && purpose !== 'rep-review')
    throw new InvalidInput('only the rep review edits lines', [
      { path: 'lines', message: 'not in a discount approval' },
    ]);
  let quote = rfq.quote;
  if (editing && input.decision === 'approve') {
    const skus = [...edits.flatMap((e) => e.substituteSku ?? []), ...added.flatMap((a) => a.sku ?? [])];
    const priceLine = await linePricer(deps.store, rfq, skus, nowOf(deps));
    const edited = editQuote(quote, edits, added, { by: actor, priceLine });
    if (!edited.ok) throw new InvalidInput('the edits cannot be applied to this quote', edited.errors);
    quote = edited.quote;
  }
  const checked = checkDecision(purpose, quote, input, {
    maxRepDiscountPercent: deps.config.MAX_REP_DISCOUNT_PERCENT,
    actor,
  });
  if (!checked.ok) throw new InvalidInput('the decision cannot be applied to this quote', checked.errors);
  const comment = input.comment?.trim();
  const result = await deps.store.links.decide(
    link,
    {
      decision: input.decision,
      at: now,
      ...(comment && { comment }),
      ...(comment && input.commentVisibility && { commentVisibility: input.commentVisibility }),
      ...(checked.adjustments.length > 0 && { adjustments: checked.adjustments }),
      ...(input.decision === 'approve' && edits.length > 0 && { lines: edits }),
      ...(input.decision === 'approve' && added.length > 0 && { add: added }),
      ...(input.decision === 'approve' && input.reprice && { reprice: true }),
    },
    now,
  );
  if (!result.ok) throw new AlreadyDecided(alreadyDecided);
  const answer = await resumeWait(deps, result.link, rfq, actor);
  // The link's task token is gone: answered a moment ago, or RepReview failed after sending it and is retrying.
  if (answer.kind !== 'decided') throw await noOpenWait(deps.store, rfq, unopened);
  return rfq;
};
