import { setTimeout as sleep } from 'node:timers/promises';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import type { Context } from 'aws-lambda';
import type { Adapters } from './adapters.ts';
import { HttpProblem } from './problem.ts';
import { type Submission, type Submitted, submitRfq } from './submit-rfq.ts';

/**
 * POST /rfqs exactly once per (caller, Idempotency-Key): Powertools' idempotency records (in the one table) replay the
 * first answer; the same key with another body is an IdempotencyValidationError (422). A duplicate that arrives while
 * the first is still running waits for it (bounded) and answers the same, so N concurrent retries get N equal 201s.
 */
const submitters = new WeakMap<Adapters, { run: (s: Submission) => Promise<Submitted>; config: IdempotencyConfig }>();

const submitterFor = (adapters: Adapters) => {
  let submitter = submitters.get(adapters);
  if (!submitter) {
    const config = new IdempotencyConfig({
      eventKeyJmesPath: '[caller.sub, idempotencyKey]',
      payloadValidationJmesPath: 'request',
      expiresAfterSeconds: 24 * 3600,
      throwOnNoIdempotencyKey: true,
    });
    const run = makeIdempotent((submission: Submission) => submitRfq(submission, adapters), {
      persistenceStore: adapters.idempotency,
      config,
    });
    submitter = { run, config };
    submitters.set(adapters, submitter);
  }
  return submitter;
};

const waitBudgetMs = (context: Context): number =>
  Math.min(10_000, Math.max(0, context.getRemainingTimeInMillis() - 1_000));

export const submitOnce = async (submission: Submission, adapters: Adapters, context: Context): Promise<Submitted> => {
  const { run, config } = submitterFor(adapters);
  config.registerLambdaContext(context);
  const deadline = Date.now() + waitBudgetMs(context);
  for (let pause = 25; ; pause = Math.min(pause * 2, 400)) {
    try {
      return await run(submission);
    } catch (error) {
      if (!(error instanceof IdempotencyAlreadyInProgressError)) throw error;
      if (Date.now() + pause > deadline)
        throw new HttpProblem(
          409,
          'a request with this Idempotency-Key is still in progress; retry shortly',
          undefined,
          {
            'retry-after': '1',
          },
        );
      await sleep(pause);
    }
  }
};
