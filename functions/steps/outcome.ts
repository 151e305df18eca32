import type { StepDeps } from './deps.ts';

/**
 * A step that records a human decision writes its transition and a history event carrying `key` in one transaction.
 * A retry finds that event and returns what the first run decided, instead of writing twice.
 */
export const recordedOutcome = async (
  deps: StepDeps,
  rfqId: string,
  key: string,
): Promise<{ outcome: string; quoteVersion?: number } | undefined> => {
  const event = (await deps.store.rfqs.history(rfqId)).find((e) => e.detail?.key === key);
  if (!event || typeof event.detail?.outcome !== 'string') return undefined;
  const quoteVersion = event.detail.quoteVersion;
  return { outcome: event.detail.outcome, ...(typeof quoteVersion === 'number' && { quoteVersion }) };
};
