import { repReviewEmail } from '#email/review-request.ts';
import type { StepDeps } from './deps.ts';
import { loadRfq } from './marks.ts';
import { openWait } from './open-wait.ts';
import { companyName } from './reprice.ts';
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

/** RepReview: emails the account rep one link to approve, adjust or reject; the task token waits behind it. */
export const requestRepReview = async (request: WaitRequest, deps: StepDeps): Promise<{ waitId: string }> => {
  const rfq = await loadRfq(deps, request.rfqId);
  const quote = assertWaitable(rfq, 'IN_REVIEW', request.quoteVersion);
  const [name, note] = await Promise.all([companyName(deps, rfq), noteFor(deps, rfq.rfqId)]);
  const { waitId } = await openWait(deps, {
    rfq,
    request,
    purpose: 'rep-review',
    approvers: [rfq.accountRepEmail],
    compose: (_, link, expiresAt) =>
      repReviewEmail({
        rfq,
        quote,
        companyName: name,
        link,
        expiresAt,
        reminder: request.reminder,
        ...(note && { note }),
      }),
  });
  return { waitId };
};

export const handler = step('RequestRepReview', waitRequestSchema, requestRepReview);
