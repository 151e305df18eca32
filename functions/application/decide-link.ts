import type { RfqStatus } from '#domain/lifecycle.ts';
import { orderIdFor } from '#domain/order.ts';
import { isApartFromProposer, mayReassignByLink } from '#domain/policy.ts';
import { checkDecision, type DecisionInput } from './check-decision.ts';
import { type DecisionDeps, nowOf } from './deps.ts';
import { discountProposer } from './discount-proposer.ts';
import { expired, type LinkAnswer, revoked, sending, unknown, used } from './link-answer.ts';
import { linkContext } from './link-context.ts';
import { standsAsRead } from './no-open-wait.ts';
import { isOpen, openLink, whyRevoked } from './open-link.ts';
import { resumeWait } from './resume-wait.ts';

/** Statuses no link decision leads to: the RFQ was closed by something else while the person clicked. */
const overtaken: ReadonlySet<RfqStatus> = new Set(['CANCELLED', 'EXPIRED', 'FAILED']);

/**
 * POST /approvals/{token}: decides through an email link. The store's conditional single-use write (PENDING →
 * DECIDED, not expired) lets exactly one click win however many arrive at once; the winner resumes the workflow's wait.
 * The workflow's next step records the decision and moves the RFQ. A refused decision changes nothing.
 */
export const decideLink = async (token: string, input: DecisionInput, deps: DecisionDeps): Promise<LinkAnswer> => {
  const opened = await openLink(token, deps);
  if (!isOpen(opened)) return opened;
  const { link, rfq, quote } = opened;
  if (
    link.purpose === 'discount-approval' &&
    !isApartFromProposer(link.approver, await discountProposer(deps.store, rfq.rfqId))
  )
    return {
      kind: 'refused',
      status: 403,
      reason: 'You proposed this discount, so another sales manager must approve it. Nothing changed.',
    };
  if (input.decision === 'reassign') {
    const problem = !mayReassignByLink(link)
      ? 'only a review escalated to the sales manager is reassigned'
      : !input.reassignTo
        ? 'name the rep the review goes to'
        : input.reassignTo === rfq.accountRepEmail
          ? `${input.reassignTo} already has this review`
          : undefined;
    if (problem) {
      const context = await linkContext(link, rfq, deps);
      return {
        kind: 'invalid',
        status: 400,
        link,
        rfq,
        quote,
        context,
        errors: [{ path: 'reassignTo', message: problem }],
      };
    }
  }
  const checked = checkDecision(link.purpose, quote, input, {
    maxRepDiscountPercent: deps.config.MAX_REP_DISCOUNT_PERCENT,
    actor: { email: link.approver, role: link.purpose === 'approval-level' ? 'approver' : 'rep' },
  });
  if (!checked.ok) {
    const context = await linkContext(link, rfq, deps);
    return { kind: 'invalid', status: 400, link, rfq, quote, context, errors: checked.errors };
  }

  const at = nowOf(deps).toISOString();
  const comment = input.comment?.trim();
  const result = await deps.store.links.decide(
    link,
    {
      decision: input.decision,
      at,
      ...(comment && { comment }),
      ...(comment && input.commentVisibility && { commentVisibility: input.commentVisibility }),
      ...(checked.adjustments.length > 0 && { adjustments: checked.adjustments }),
      ...(input.decision === 'reassign' && input.reassignTo && { reassignTo: input.reassignTo }),
    },
    at,
  );
  if (!result.ok) {
    if (result.reason === 'revoked') return revoked(await whyRevoked(link, await deps.store.rfqs.get(rfq.rfqId), deps));
    return { decided: used, expired, missing: unknown }[result.reason];
  }
  const answer = await resumeWait(deps, result.link, rfq);
  // The wait's task token is gone. The no-open-wait rule (no-open-wait.ts): an RFQ that moved on since it was read
  // was decided or expired; one that stands as read is between two openings of its wait (the step retrying after a
  // fault, whose new link is on its way by mail) — so the person is told to try again, not that it was decided.
  if (answer.kind === 'gone') return (await standsAsRead(deps.store, rfq)) ? sending : answer;
  if (answer.kind !== 'decided') return answer;
  // What the person is told must be what happened: a cancel racing this click wins, and says so.
  const after = await deps.store.rfqs.get(rfq.rfqId);
  const closedAs = after && overtaken.has(after.status) ? after.status : undefined;
  // An approval that decides the chain's last level places the order: the person is told its number at once.
  const lastLevel = Math.max(0, ...rfq.approvals.map((a) => a.level));
  const placesOrder =
    !closedAs && link.purpose === 'approval-level' && input.decision === 'approve' && link.level === lastLevel;
  return {
    ...answer,
    sentToManager: link.purpose === 'rep-review' && input.decision === 'approve' && checked.needsManager > 0,
    ...(closedAs && { closedAs }),
    ...(placesOrder && { orderId: orderIdFor(rfq.rfqId) }),
  };
};
