import * as z from 'zod';
import { canApply, terminalStatuses } from '#domain/lifecycle.ts';
import type { Rfq } from '#domain/rfq.ts';
import { rfqExpiredEmail } from '#email/outcomes.ts';
import type { StepDeps } from './deps.ts';
import { tellEscalatedOfExpiry } from './escalation-notice.ts';
import { publishOnce } from './lifecycle-events.ts';
import { emailOnce, loadRfq, systemActor } from './marks.ts';
import { step } from './step.ts';
import { NotWaitable } from './waitable.ts';

const input = z.object({ rfqId: z.string().min(1) });

const waitingFor: Partial<Record<Rfq['status'], string>> = {
  IN_REVIEW: "the account rep's review",
  DISCOUNT_APPROVAL: "the sales manager's discount approval",
  QUOTED: "the buyer's decision on the quote",
  PENDING_APPROVAL: "the buyer company's approval",
};

/** What the RFQ was waiting for when it expired, from the history event that expired it (a retry's view). */
const expiredWhile = async (deps: StepDeps, rfqId: string): Promise<{ waitingFor?: string }> => {
  const expired = (await deps.store.rfqs.history(rfqId)).findLast((event) => event.action === 'expired');
  const waitingFor = expired?.detail?.waitingFor;
  return typeof waitingFor === 'string' ? { waitingFor } : {};
};

/**
 * Expire: a wait ran out after its reminder and its escalation (or the quote's validity ended). The RFQ becomes
 * EXPIRED, every pending link dies, buyer and rep are told what it was waiting for — and so is everyone the escalation
 * asked — and `rfq.expired` goes out.
 */
export const expire = async ({ rfqId }: z.output<typeof input>, deps: StepDeps) => {
  let rfq = await loadRfq(deps, rfqId);
  if (!terminalStatuses.has(rfq.status)) {
    if (!canApply('expire', rfq.status)) throw new NotWaitable(`RFQ ${rfqId} is ${rfq.status}; nothing there expires`);
    const what = waitingFor[rfq.status] ?? rfq.status;
    rfq = await deps.store.rfqs.transition(
      rfq,
      'expire',
      {},
      {
        actor: systemActor(deps),
        action: 'expired',
        detail: { waitingFor: what },
      },
    );
    await deps.store.links.revoke(rfqId);
    await deps.store.waits.delete(rfqId, 'buyer-decision');
    await emailOnce(deps, rfqId, 'expired', [rfqExpiredEmail(rfq, what)]);
  }
  const from = (await deps.store.rfqs.history(rfqId)).findLast((event) => event.action === 'expired')?.from;
  if (rfq.status === 'EXPIRED' && from) await tellEscalatedOfExpiry(deps, rfqId, from);
  if (rfq.status === 'EXPIRED') await publishOnce(deps, rfq, 'rfq.expired', 'final', await expiredWhile(deps, rfqId));
  return { rfqId, status: rfq.status };
};

export const handler = step('Expire', input, expire);
