import type { Caller } from '#domain/caller.ts';
import { Forbidden } from '#domain/errors.ts';
import { mayCancel } from '#domain/policy.ts';
import type { Rfq } from '#domain/rfq.ts';
import { ConflictError } from '#store/ports.ts';
import type { DecisionDeps } from './deps.ts';

const attempts = 3;

/**
 * POST /rfqs/{rfqId}/cancel: the buyer withdraws. The conditional transition to CANCELLED comes first; when a step
 * wrote meanwhile (a history event: an email sent, a link issued) the RFQ is re-read and the cancel tried again, so a
 * busy workflow does not bounce the buyer — but a step that moved the status to a terminal one wins (IllegalTransition
 * → 409). Then the execution stops and every pending link and the buyer's wait die: no link decides anything after.
 */
export const cancelRfq = async (rfq: Rfq, caller: Caller, deps: DecisionDeps, reason?: string): Promise<Rfq> => {
  if (!mayCancel(caller, rfq)) throw new Forbidden('only a buyer of this company withdraws its RFQ');
  let current = rfq;
  let cancelled: Rfq | undefined;
  for (let attempt = 1; !cancelled; attempt++) {
    try {
      cancelled = await deps.store.rfqs.transition(
        current,
        'cancel',
        {},
        {
          actor: { email: caller.email, role: 'buyer' },
          action: 'cancelled',
          ...(reason && { detail: { reason } }),
        },
      );
    } catch (error) {
      const fresh = error instanceof ConflictError && attempt < attempts && (await deps.store.rfqs.get(rfq.rfqId));
      if (!fresh) throw error;
      current = fresh;
    }
  }
  await deps.workflow.stop(rfq.executionArn ?? deps.workflow.executionArnFor(rfq.rfqId), 'cancelled by the buyer');
  await deps.store.links.revoke(rfq.rfqId);
  await deps.store.waits.delete(rfq.rfqId, 'buyer-decision');
  return cancelled;
};
