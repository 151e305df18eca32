import { checkDecision, type DecisionInput } from './check-decision.ts';
import { type DecisionDeps, nowOf } from './deps.ts';
import { expired, type LinkAnswer, revoked, unknown, used } from './link-answer.ts';
import { isOpen, openLink } from './open-link.ts';
import { resumeWait } from './resume-wait.ts';

/**
 * POST /approvals/{token}: decides through an email link. The store's conditional single-use write (PENDING →
 * DECIDED, not expired) lets exactly one click win however many arrive at once; the winner resumes the workflow's wait.
 * The workflow's next step records the decision and moves the RFQ. A refused decision changes nothing.
 */
export const decideLink = async (token: string, input: DecisionInput, deps: DecisionDeps): Promise<LinkAnswer> => {
  const opened = await openLink(token, deps);
  if (!isOpen(opened)) return opened;
  const { link, rfq, quote } = opened;
  const checked = checkDecision(link.purpose, quote, input, {
    maxRepDiscountPercent: deps.config.MAX_REP_DISCOUNT_PERCENT,
    actor: { email: link.approver, role: link.purpose === 'approval-level' ? 'approver' : 'rep' },
  });
  if (!checked.ok) return { kind: 'invalid', status: 400, link, rfq, quote, errors: checked.errors };

  const at = nowOf(deps).toISOString();
  const comment = input.comment?.trim();
  const result = await deps.store.links.decide(
    link,
    {
      decision: input.decision,
      at,
      ...(comment && { comment }),
      ...(checked.adjustments.length > 0 && { adjustments: checked.adjustments }),
    },
    at,
  );
  if (!result.ok) {
    return { decided: used, revoked, expired, missing: unknown }[result.reason];
  }
  return resumeWait(deps, result.link, rfq);
};
