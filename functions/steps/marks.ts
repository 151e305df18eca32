import type { Actor, Rfq } from '#domain/rfq.ts';
import type { EmailMessage } from '#email/ports.ts';
import { ConflictError } from '#store/ports.ts';
import type { StepDeps } from './deps.ts';

/**
 * Idempotency for side effects a conditional write cannot guard (an email, an event): the RFQ's history records each
 * one under a key, and a retried step that finds the key does not repeat it. The effect happens before its mark, so a
 * crash between the two repeats the effect once (at least once), never skips it.
 */
export const systemActor = (deps: StepDeps): Actor => ({ email: deps.config.MAIL_FROM, role: 'system' });

export const hasMark = async (deps: StepDeps, rfqId: string, key: string): Promise<boolean> =>
  (await deps.store.rfqs.history(rfqId)).some((event) => event.detail?.key === key);

export class RfqMissing extends Error {
  override readonly name = 'RfqMissing';
}

export const loadRfq = async (deps: StepDeps, rfqId: string): Promise<Rfq> => {
  const rfq = await deps.store.rfqs.get(rfqId);
  if (!rfq) throw new RfqMissing(`RFQ ${rfqId} does not exist`);
  return rfq;
};

/** Appends a history event without changing the status; re-reads and retries when a concurrent write moved first. */
export const mark = async (
  deps: StepDeps,
  rfqId: string,
  action: string,
  detail: Record<string, unknown>,
): Promise<Rfq> => {
  for (let attempt = 1; ; attempt++) {
    const rfq = await loadRfq(deps, rfqId);
    try {
      return await deps.store.rfqs.update(rfq, {}, { actor: systemActor(deps), action, detail });
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 5) throw error;
    }
  }
};

/** Sends these emails once per key, then marks them sent. */
export const emailOnce = async (
  deps: StepDeps,
  rfqId: string,
  key: string,
  messages: EmailMessage[],
): Promise<void> => {
  if (messages.length === 0 || (await hasMark(deps, rfqId, key))) return;
  for (const message of messages) await deps.mailer.send({ ...message, rfqId });
  await mark(deps, rfqId, 'emailed', {
    key,
    to: [...new Set(messages.flatMap((m) => m.to))],
    subjects: messages.map((m) => m.subject),
  });
};
