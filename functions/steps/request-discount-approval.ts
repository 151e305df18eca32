import { discountProposal } from '#application/discount-proposal.ts';
import { companyName } from '#application/reprice.ts';
import { threadView } from '#domain/comment.ts';
import { discountApprovalEmail } from '#email/review-request.ts';
import type { StepDeps } from './deps.ts';
import { loadRfq } from './marks.ts';
import { openWait } from './open-wait.ts';
import { type WaitRequest, waitRequestSchema } from './state.ts';
import { step } from './step.ts';
import { assertWaitable } from './waitable.ts';

/** DiscountApproval: the sales manager gets one link to approve or reject the rep's below-authority prices. */
export const requestDiscountApproval = async (request: WaitRequest, deps: StepDeps): Promise<{ waitId: string }> => {
  const rfq = await loadRfq(deps, request.rfqId);
  const quote = assertWaitable(rfq, 'DISCOUNT_APPROVAL', request.quoteVersion);
  const [name, history, comments] = await Promise.all([
    companyName(deps, rfq),
    deps.store.rfqs.history(rfq.rfqId),
    deps.store.rfqs.comments(rfq.rfqId),
  ]);
  const proposal = discountProposal(history);
  const { waitId } = await openWait(deps, {
    rfq,
    request,
    purpose: 'discount-approval',
    approvers: [deps.config.SALES_MANAGER_EMAIL],
    compose: (to, link, expiresAt) =>
      discountApprovalEmail({
        rfq,
        quote,
        companyName: name,
        to,
        link,
        expiresAt,
        reminder: request.reminder,
        needsManager: proposal?.needsManager ?? [],
        ...(proposal?.reason && { reason: proposal.reason }),
        // The sales manager is the seller's: seller notes included.
        thread: threadView(comments, true),
      }),
  });
  return { waitId };
};

export const handler = step('RequestDiscountApproval', waitRequestSchema, requestDiscountApproval);
