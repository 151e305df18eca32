import * as z from 'zod';
import { terminalStatuses } from '#domain/lifecycle.ts';
import { rfqFailedEmail } from '#email/outcomes.ts';
import type { StepDeps } from './deps.ts';
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
 * wait removed, the rep emailed); one already terminal — cancelled meanwhile, say — is left as it is.
 */
export const markFailed = async ({ rfqId, error }: z.output<typeof input>, deps: StepDeps) => {
  const rfq = await deps.store.rfqs.get(rfqId);
  if (!rfq || terminalStatuses.has(rfq.status)) return { rfqId, status: rfq?.status ?? 'UNKNOWN' };
  const errorName = error?.Error ?? 'UnexpectedOutcome';
  const message = messageOf(error?.Cause);
  const failed = await deps.store.rfqs.transition(
    rfq,
    'fail',
    {},
    {
      actor: systemActor(deps),
      action: 'failed',
      detail: { error: errorName, ...(message && { message }) },
    },
  );
  await deps.store.links.revoke(rfqId);
  await deps.store.waits.delete(rfqId, 'buyer-decision');
  await emailOnce(deps, rfqId, 'failed', [rfqFailedEmail(failed, errorName)]);
  return { rfqId, status: failed.status };
};

export const handler = step('MarkFailed', input, markFailed);
