import type { ManagerApprovalNeeded } from '#domain/rep-authority.ts';
import { discountApprovalEmail } from '#email/review-request.ts';
import type { StepDeps } from './deps.ts';
import { loadRfq } from './marks.ts';
import { openWait } from './open-wait.ts';
import { companyName } from './reprice.ts';
import { type WaitRequest, waitRequestSchema } from './state.ts';
import { step } from './step.ts';
import { assertWaitable } from './waitable.ts';

/** DiscountApproval: the sales manager gets one link to approve or reject the rep's below-authority prices. */
export const requestDiscountApproval = async (request: WaitRequest, deps: StepDeps): Promise<{ waitId: string }> => {
  const rfq = await loadRfq(deps, request.rfqId);
  const quote = assertWaitable(rfq, 'DISCOUNT_APPROVAL', request.quoteVersion);
  const [name, history] = await Promise.all([companyName(deps, rfq), deps.store.rfqs.history(rfq.rfqId)]);
  const needsManager = (history.findLast((e) => e.action === 'discount-requested')?.detail?.needsManager ??
    []) as ManagerApprovalNeeded[];
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
        needsManager,
      }),
  });
  return { waitId };
};

export const handler = step('RequestDiscountApproval', waitRequestSchema, requestDiscountApproval);
