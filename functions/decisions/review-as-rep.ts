import type { Caller } from '#domain/caller.ts';
import type { Actor, Rfq } from '#domain/rfq.ts';
import { badRequest, conflict, forbidden, HttpProblem } from '#http/problem.ts';
import { checkDecision, type DecisionInput } from './check-decision.ts';
import { type DecisionDeps, nowOf } from './deps.ts';
import { resumeWait } from './resume-wait.ts';

const managers = (caller: Caller) => caller.groups.includes('sales-manager') || caller.groups.includes('admin');

/** Who may decide the open seller-side wait, and as whom the decision is recorded. */
const deciderOf = (rfq: Rfq, caller: Caller): { purpose: 'rep-review' | 'discount-approval'; actor: Actor } => {
  if (rfq.status === 'IN_REVIEW') {
    if (caller.email === rfq.accountRepEmail && caller.groups.includes('rep')) {
      return { purpose: 'rep-review', actor: { email: caller.email, role: 'rep' } };
    }
    if (managers(caller)) return { purpose: 'rep-review', actor: { email: caller.email, role: 'sales-manager' } };
    throw forbidden('only the account rep (or a sales manager) reviews this RFQ');
  }
  if (rfq.status === 'DISCOUNT_APPROVAL') {
    if (managers(caller))
      return { purpose: 'discount-approval', actor: { email: caller.email, role: 'sales-manager' } };
    throw forbidden('only a sales manager approves a discount beyond the rep’s authority');
  }
  throw conflict(`the RFQ is ${rfq.status}; there is no review to decide`);
};

/**
 * POST /rfqs/{rfqId}/review: the same decision the rep's email link makes, through the API. It spends the open
 * review link (so the emailed one then answers "already used") and resumes the same wait: link and API race fairly,
 * exactly one wins. Answers the RFQ as it is; the workflow's next step moves it.
 */
export const reviewAsRep = async (rfq: Rfq, caller: Caller, input: DecisionInput, deps: DecisionDeps): Promise<Rfq> => {
  const { purpose, actor } = deciderOf(rfq, caller);
  const now = nowOf(deps).toISOString();
  const links = (await deps.store.links.listForRfq(rfq.rfqId)).filter(
    (l) => l.purpose === purpose && l.quoteVersion === rfq.quote?.version,
  );
  // The status moves a moment before the review request goes out; a caller in that window should retry, not give up.
  if (links.length === 0 || !rfq.quote)
    throw new HttpProblem(409, 'the review request is still being sent; retry in a moment', undefined, {
      'retry-after': '1',
    });
  const link = links.find((l) => l.status === 'PENDING' && l.expiresAt > now);
  if (!link) throw conflict('this review was already decided or has expired');
  const checked = checkDecision(purpose, rfq.quote, input, {
    maxRepDiscountPercent: deps.config.MAX_REP_DISCOUNT_PERCENT,
    actor,
  });
  if (!checked.ok) throw badRequest('the decision cannot be applied to this quote', checked.errors);
  const comment = input.comment?.trim();
  const result = await deps.store.links.decide(
    link,
    {
      decision: input.decision,
      at: now,
      ...(comment && { comment }),
      ...(checked.adjustments.length > 0 && { adjustments: checked.adjustments }),
    },
    now,
  );
  if (!result.ok) throw conflict('this review was already decided or has expired');
  const answer = await resumeWait(deps, result.link, rfq, actor);
  if (answer.kind !== 'decided') throw conflict('this review was already decided or has expired');
  return rfq;
};
