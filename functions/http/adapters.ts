import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { dynamoClient } from '#functions/clients/dynamodb.ts';
import { sfnClient } from '#functions/clients/sfn.ts';
import { type Config, config } from '#functions/config.ts';
import { storeFromConfig } from '#store/from-config.ts';
import type { Store } from '#store/ports.ts';
import type { DecisionDeps } from '../decisions/deps.ts';
import { createWorkflowClient, type WorkflowClient } from '../workflow/client.ts';

/**
 * The secondary adapters every HTTP handler uses, built once per container from the config on first use — so a test
 * or the local stack sets the environment first and then runs the very same handlers against local services.
 */
export interface Adapters {
  store: Store;
  workflow: WorkflowClient;
  /** Idempotency records live in the one table, under their own partition. */
  idempotency: DynamoDBPersistenceLayer;
}

let built: { for: Config; adapters: Adapters } | undefined;

/** Rebuilt only when the config is reloaded (the local stack and tests switch tables that way). */
export const adapters = (): Adapters => {
  if (built?.for === config()) return built.adapters;
  built = {
    for: config(),
    adapters: {
      store: storeFromConfig(),
      workflow: createWorkflowClient(sfnClient(), config().STATE_MACHINE_ARN),
      idempotency: new DynamoDBPersistenceLayer({
        tableName: config().TABLE_NAME,
        keyAttr: 'PK',
        sortKeyAttr: 'SK',
        staticPkValue: 'IDEMPOTENCY#create-rfq',
        expiryAttr: 'expiresAtEpoch',
        awsSdkV3Client: dynamoClient(),
      }),
    },
  };
  return built.adapters;
};

/** What the decision use cases (functions/decisions) take. */
export const decisionDeps = (): DecisionDeps => {
  const { store, workflow } = adapters();
  return { store, workflow, config: config() };
};
