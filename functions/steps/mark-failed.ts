import * as z from 'zod';
import { terminalStatuses } from '#domain/lifecycle.ts';
import { rfqFailedEmail } from '#email/outcomes.ts';
import type { StepDeps } from './deps.ts';
import { countFailedRfq } from './failed-rfq-metric.ts';
import { publishOnce } from './lifecycle-events.ts';
import { emailOnce, systemActor } from './marks.ts';
import { step } from './step.ts';

const input = z.looseObject({
  rfqId: z.string().min(1),
  error: z.object({ Error: z.string(), Cause: z.string().optional() }).optional(),
});

/** A Lambda error's Cause is its JSON report (message and stack); the history keeps the message only. */
const messageOf = (cause: string | undefined): string | undefined => {
  if (!cause) return undefined;
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    return typeof parsed.errorMessage === 'string' ? parsed.errorMessage.slice(0, 500) : cause.slice(0, 500);
  } catch {
    return cause.slice(0, 500);
  }
};

/**
 * MarkFailed: the catch-all. An RFQ not yet in a terminal status becomes FAILED (pending links revoked, the buyer's
 * wait removed, `rfq.failed` published, the rep emailed, the RfqsFailed metric counted); one already terminal — cancelled meanwhile, say — is left as it is.
 */
export const markFailed = async ({ rfqId, error }: z.output<typeof input>, deps: StepDeps) => {
  const rfq = await deps.store.rfqs.get(rfqId);
  if (!rfq) return { rfqId, status: 'UNKNOWN' };
  const errorName = error?.Error ?? 'UnexpectedOutcome';
  let failed = rfq;
  if (!terminalStatuses.has(rfq.status)) {
    const message = messageOf(error?.Cause);
    failed = await deps.store.rfqs.transition(
      rfq,
      'fail',
      {},
      {
        actor: systemActor(deps),
        action: 'failed',
        detail: { error: errorName, ...(message && { message }) },
      },
    );
    countFailedRfq(rfqId, errorName);
  }
  // A retry that finds the RFQ FAILED already still owes what the first run may not have done.
  if (failed.status !== 'FAILED') return { rfqId, status: failed.status };
  await deps.store.links.revoke(rfqId);
  await deps.store.waits.delete(rfqId, 'buyer-decision');
  await publishOnce(deps, failed, 'rfq.failed', 'final', { error: errorName });
  await emailOnce(deps, rfqId, 'failed', [rfqFailedEmail(failed, errorName)]);
  return { rfqId, status: failed.status };
};

export const handler = step('MarkFailed', input, markFailed);
