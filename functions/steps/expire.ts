import * as z from 'zod';
import { canApply, terminalStatuses } from '#domain/lifecycle.ts';
import type { Rfq } from '#domain/rfq.ts';
import { rfqExpiredEmail } from '#email/outcomes.ts';
import type { StepDeps } from './deps.ts';
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

/**
 * Expire: a wait ran out after its reminder (or the quote's validity ended). The RFQ becomes EXPIRED, every pending
 * link dies, and buyer and rep are told what it was waiting for.
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
  return { rfqId, status: rfq.status };
};

export const handler = step('Expire', input, expire);
