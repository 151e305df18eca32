import * as z from 'zod';
import type { StepDeps } from './deps.ts';
import type { WorkflowState } from './state.ts';

/** What the first run of a record step wrote into its history event, to be spread into the event's detail. */
export interface RecordMark<O extends string> {
  key: string;
  outcome: O;
  quoteVersion: number;
}

/**
 * The record steps write their decision's transition and a history event carrying `key`, the outcome and the quote
 * version in one transaction (the store's write). A retried step finds that event and answers what the first run
 * decided instead of writing twice; the stored outcome is checked against the step's own outcomes, so a stray value
 * can never steer the workflow. `replayed` lets a step finish what a first run may have left (an event to publish).
 */
export const recordOnce = async <const O extends readonly [string, ...string[]]>(
  deps: StepDeps,
  state: WorkflowState,
  spec: {
    key: string;
    outcomes: O;
    record: (mark: (outcome: O[number], quoteVersion: number) => RecordMark<O[number]>) => Promise<{
      outcome: O[number];
      quoteVersion: number;
    }>;
    replayed?: (outcome: O[number]) => Promise<void>;
  },
): Promise<WorkflowState & { outcome: O[number] }> => {
  const recordedSchema = z.object({
    key: z.literal(spec.key),
    outcome: z.enum(spec.outcomes),
    quoteVersion: z.number().int().min(1).optional(),
  });
  const earlier = (await deps.store.rfqs.history(state.rfqId))
    .map((event) => recordedSchema.safeParse(event.detail))
    .find((parsed) => parsed.success);
  if (earlier?.success) {
    await spec.replayed?.(earlier.data.outcome);
    return { ...state, quoteVersion: earlier.data.quoteVersion ?? state.quoteVersion, outcome: earlier.data.outcome };
  }
  const done = await spec.record((outcome, quoteVersion) => ({ key: spec.key, outcome, quoteVersion }));
  return { ...state, quoteVersion: done.quoteVersion, outcome: done.outcome };
};
