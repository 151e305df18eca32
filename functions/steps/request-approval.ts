import * as z from 'zod';
import { approvalRequestEmail } from '#email/approval-request.ts';
import { readBudgetStanding } from '#functions/decisions/budget-standing.ts';
import type { StepDeps } from './deps.ts';
import { loadRfq } from './marks.ts';
import { openWait } from './open-wait.ts';
import { companyName } from './reprice.ts';
import { waitRequestSchema } from './state.ts';
import { step } from './step.ts';
import { assertWaitable, NotWaitable } from './waitable.ts';

const input = waitRequestSchema.extend({ level: z.number().int().min(1) });

/**
 * RequestApproval (one level of the chain): every approver who has not decided yet gets their own link, all bound to
 * this one wait. `any`: the first decision ends the wait; `all`: the last approval (or any rejection) does.
 */
export const requestApproval = async (request: z.output<typeof input>, deps: StepDeps): Promise<{ waitId: string }> => {
  const rfq = await loadRfq(deps, request.rfqId);
  const quote = assertWaitable(rfq, 'PENDING_APPROVAL', request.quoteVersion);
  const level = rfq.approvals.find((a) => a.level === request.level);
  if (!level) throw new NotWaitable(`RFQ ${rfq.rfqId} has no approval level ${request.level}`);
  const undecided = level.approvers.filter((a) => !level.decisions.some((d) => d.approver === a));
  const [name, budget] = await Promise.all([companyName(deps, rfq), readBudgetStanding(deps.store, rfq, deps.now())]);
  const { waitId } = await openWait(deps, {
    rfq,
    request,
    purpose: 'approval-level',
    level: level.level,
    approvers: undecided,
    compose: (approver, link, expiresAt) =>
      approvalRequestEmail({
        rfq,
        quote,
        companyName: name,
        step: level,
        levels: rfq.approvals.length,
        approver,
        link,
        expiresAt,
        reminder: request.reminder,
        budget,
      }),
  });
  return { waitId };
};

export const handler = step('RequestApproval', input, requestApproval);
