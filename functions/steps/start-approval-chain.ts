import { buildApprovalChain } from '#domain/approval-chain.ts';
import type { StepDeps } from './deps.ts';
import { loadRfq, systemActor } from './marks.ts';
import { type WorkflowState, workflowStateSchema } from './state.ts';
import { step } from './step.ts';
import { NotWaitable } from './waitable.ts';

/**
 * StartApprovalChain: the buyer company's rules, evaluated against the accepted quote, become the levels the Map
 * walks. No rule matches → APPROVED at once (an empty Map); otherwise PENDING_APPROVAL with the levels stored.
 */
export const startApprovalChain = async (
  state: WorkflowState,
  deps: StepDeps,
): Promise<WorkflowState & { chain: { levels: number[] } }> => {
  let rfq = await loadRfq(deps, state.rfqId);
  if (rfq.status === 'ACCEPTED') {
    const [rules, company] = await Promise.all([
      deps.store.catalog.getApprovalRules(rfq.companyId),
      deps.store.catalog.getCompany(rfq.companyId),
    ]);
    const approvals = buildApprovalChain({
      rules,
      quote: rfq.quote!,
      company: { users: company?.users ?? [] },
      submitterEmail: rfq.buyerEmail,
    });
    rfq =
      approvals.length === 0
        ? await deps.store.rfqs.transition(
            rfq,
            'approve',
            { approvals },
            {
              actor: systemActor(deps),
              action: 'approved',
              detail: { reason: 'no approval rule applies' },
            },
          )
        : await deps.store.rfqs.transition(
            rfq,
            'startApproval',
            { approvals },
            {
              actor: systemActor(deps),
              action: 'approval-started',
              detail: {
                levels: approvals.map((a) => ({
                  level: a.level,
                  mode: a.mode,
                  approvers: a.approvers,
                  escalated: a.escalated,
                })),
              },
            },
          );
  } else if (rfq.status !== 'PENDING_APPROVAL' && rfq.status !== 'APPROVED') {
    throw new NotWaitable(`RFQ ${rfq.rfqId} is ${rfq.status}; its approval chain cannot start`);
  }
  const levels = rfq.status === 'PENDING_APPROVAL' ? rfq.approvals.map((a) => a.level) : [];
  return { rfqId: state.rfqId, quoteVersion: state.quoteVersion, timeouts: state.timeouts, chain: { levels } };
};

export const handler = step('StartApprovalChain', workflowStateSchema, startApprovalChain);
