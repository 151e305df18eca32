import { readBudgetStanding } from '#application/budget-standing.ts';
import { buildApprovalChain, overBudgetLevel } from '#domain/approval-chain.ts';
import { fitsBudget } from '#domain/budget.ts';
import { quoteOf } from '#domain/quote-of.ts';
import type { StepDeps } from './deps.ts';
import { loadRfq, systemActor } from './marks.ts';
import { type WorkflowState, workflowStateSchema } from './state.ts';
import { step } from './step.ts';
import { NotWaitable } from './waitable.ts';

/**
 * StartApprovalChain: the buyer company's rules, evaluated against the accepted quote, become the levels the Map
 * walks; a quote beyond its buyer's remaining budget adds a last level of the company's admins ("over budget"). No
 * level → APPROVED at once (an empty Map); otherwise PENDING_APPROVAL with the levels stored.
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
    const users = { users: company?.users ?? [] };
    const quote = quoteOf(rfq);
    const chain = buildApprovalChain({ rules, quote, company: users, submitterEmail: rfq.buyerEmail });
    // Advisory: the conversion's conditional update is what holds when two orders race for the same remaining amount.
    const budget = await readBudgetStanding(deps.store, rfq, deps.now());
    const overBudget = !fitsBudget(quote.total, budget);
    const approvals = overBudget ? [...chain, overBudgetLevel(chain, users, rfq.buyerEmail)] : chain;
    rfq =
      approvals.length === 0
        ? await deps.store.rfqs.transition(
            rfq,
            'approve',
            { approvals },
            {
              actor: systemActor(deps),
              action: 'approved',
              detail: { reason: 'no approval rule applies', ...(budget.length > 0 && { budget }) },
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
                  ...(a.reason && { reason: a.reason }),
                })),
                ...(budget.length > 0 && { budget }),
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
