import type { Caller } from '#domain/caller.ts';
import type { Rfq } from '#domain/rfq.ts';
import { forbidden } from '#http/problem.ts';
import type { DecisionDeps } from './deps.ts';

/**
 * POST /rfqs/{rfqId}/cancel: the buyer withdraws. The conditional transition to CANCELLED comes first (a step moving
 * the RFQ at the same moment makes one of the two fail cleanly, IllegalTransition or ConflictError → 409); then the
 * execution stops and every pending link and the buyer's wait die, so no email link decides anything afterwards.
 */
export const cancelRfq = async (rfq: Rfq, caller: Caller, deps: DecisionDeps, reason?: string): Promise<Rfq> => {
  const ownBuyer = caller.groups.includes('buyer') && caller.companyId === rfq.companyId;
  if (!ownBuyer && !caller.groups.includes('admin')) throw forbidden('only a buyer of this company withdraws its RFQ');
  const cancelled = await deps.store.rfqs.transition(
    rfq,
    'cancel',
    {},
    {
      actor: { email: caller.email, role: ownBuyer ? 'buyer' : 'admin' },
      action: 'cancelled',
      ...(reason && { detail: { reason } }),
    },
  );
  await deps.workflow.stop(rfq.executionArn ?? deps.workflow.executionArnFor(rfq.rfqId), 'cancelled by the buyer');
  await deps.store.links.revoke(rfq.rfqId);
  await deps.store.waits.delete(rfq.rfqId, 'buyer-decision');
  return cancelled;
};
