import { setTimeout as sleep } from 'node:timers/promises';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { type Submission, type Submitted, submitRfq } from '#application/submit-rfq.ts';
import { dynamoClient } from '#functions/clients/dynamodb.ts';
import type { Store } from '#store/ports.ts';
import type { WorkflowClient } from '../workflow/ports.ts';
import { adapters, perConfig } from './adapters.ts';
import { workflowClient } from './decision-deps.ts';
import { HttpProblem } from './problem.ts';

interface SubmissionDeps {
  store: Store;
  workflow: WorkflowClient;
  /** Idempotency records live in the one table, under their own partition. */
  idempotency: DynamoDBPersistenceLayer;
}

interface Submitter {
  run: (s: Submission) => Promise<Submitted>;
  config: IdempotencyConfig;
}

const submitter = /* @__PURE__ */ perConfig((settings): Submitter => {
  const deps: SubmissionDeps = {
    store: adapters().store,
    workflow: workflowClient(),
    idempotency: new DynamoDBPersistenceLayer({
      tableName: settings.TABLE_NAME,
      keyAttr: 'PK',
      sortKeyAttr: 'SK',
      staticPkValue: 'IDEMPOTENCY#create-rfq',
      expiryAttr: 'expiresAtEpoch',
      awsSdkV3Client: dynamoClient(),
    }),
  };
  const config = new IdempotencyConfig({
    eventKeyJmesPath: '[caller.sub, idempotencyKey]',
    payloadValidationJmesPath: 'request',
    expiresAfterSeconds: 24 * 3600,
    throwOnNoIdempotencyKey: true,
  });
  const run = makeIdempotent((submission: Submission) => submitRfq(submission, deps), {
    persistenceStore: deps.idempotency,
    config,
  });
  return { run, config };
});

const waitBudgetMs = (context: Context): number =>
  Math.min(10_000, Math.max(0, context.getRemainingTimeInMillis() - 1_000));

/**
 * POST /rfqs exactly once per (caller, Idempotency-Key): Powertools' idempotency records (in the one table) replay the
 * first answer; the same key with another body is an IdempotencyValidationError (422). A duplicate that arrives while
 * the first is still running waits for it (bounded) and answers the same, so N concurrent retries get N equal 201s.
 */
export const submitOnce = async (submission: Submission, context: Context): Promise<Submitted> => {
  const { run, config } = submitter();
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
