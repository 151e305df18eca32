import { companyName } from '#application/reprice.ts';
import { threadView } from '#domain/comment.ts';
import { reviewEscalationEmail, reviewStillYoursEmail } from '#email/escalation.ts';
import { repReviewEmail } from '#email/review-request.ts';
import type { StepDeps } from './deps.ts';
import { loadRfq } from './marks.ts';
import { openWait } from './open-wait.ts';
import { escalatedByBounce } from './recipients-bounced.ts';
import { type WaitRequest, waitRequestSchema } from './state.ts';
import { step } from './step.ts';
import { assertWaitable } from './waitable.ts';

/** Why the quote is (back) with the rep, from the last decision in its history. */
const noteFor = async (deps: StepDeps, rfqId: string): Promise<string | undefined> => {
  const last = (await deps.store.rfqs.history(rfqId)).findLast((e) =>
    ['revision-requested', 'discount-rejected'].includes(e.action),
  );
  if (!last) return undefined;
  const comment = typeof last.detail?.comment === 'string' ? `: ${last.detail.comment}` : '';
  return last.action === 'revision-requested'
    ? `${last.actor.email} asked for a revised quote${comment}`
    : `${last.actor.email} rejected the discount${comment}`;
};

/**
 * RepReview: emails the account rep one link to approve, adjust or reject; the task token waits behind it. Escalated
 * (the rep left it unanswered past the reminder): the sales manager gets a link too — to decide, or to reassign the
 * review to another rep — and the rep's fresh link still decides; the first decision counts.
 */
export const requestRepReview = async (request: WaitRequest, deps: StepDeps): Promise<{ waitId: string }> => {
  const rfq = await loadRfq(deps, request.rfqId);
  const quote = assertWaitable(rfq, 'IN_REVIEW', request.quoteVersion);
  const [name, note, comments, history] = await Promise.all([
    companyName(deps, rfq),
    noteFor(deps, rfq.rfqId),
    deps.store.rfqs.comments(rfq.rfqId),
    request.escalate ? deps.store.rfqs.history(rfq.rfqId) : [],
  ]);
  const bounced = escalatedByBounce(history, 'rep-review');
  const salesManager = deps.config.SALES_MANAGER_EMAIL;
  const escalatedTo = request.escalate && salesManager !== rfq.accountRepEmail ? [salesManager] : [];
  const { waitId } = await openWait(deps, {
    rfq,
    request,
    purpose: 'rep-review',
    approvers: [rfq.accountRepEmail, ...escalatedTo],
    ...(request.escalate && { escalatedTo }),
    compose: (to, link, expiresAt) => {
      if (!request.escalate)
        return repReviewEmail({
          rfq,
          quote,
          companyName: name,
          link,
          expiresAt,
          reminder: request.reminder,
          ...(note && { note }),
          // The rep is the seller's: seller notes included.
          thread: threadView(comments, true),
        });
      const escalation = { rfq, quote, companyName: name, link, expiresAt };
      return to === salesManager
        ? reviewEscalationEmail({ ...escalation, to, bounced })
        : reviewStillYoursEmail({ ...escalation, salesManager });
    },
  });
  return { waitId };
};

export const handler = step('RequestRepReview', waitRequestSchema, requestRepReview);
