import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { documentClient, dynamoClient } from '#functions/clients/dynamodb.ts';
import { createTableClients } from '#functions/integrations/table-clients.ts';
import { storeFromConfig } from '#store/from-config.ts';
import { deleteTable } from '#store/table.ts';
import { type Inbox, openInbox } from '../../local/inbox.ts';
import { seedDemoIntegration } from '../../local/seed/integration.ts';
import { type LocalStack, type StackOptions, startLocalStack } from '../../local/stack.ts';
import { writeDemoDataSnapshot } from '../demo-data-snapshot.ts';
import { type ApiClient, apiClient } from './api.ts';

export interface TestStackOptions
  extends Omit<StackOptions, 'reuse' | 'tableName' | 'persist' | 'ports' | 'definition'> {
  /** Runs a workflow that only waits, so the API's own behaviour is tested without the workflow moving the RFQ. */
  holdWorkflow?: boolean;
}

/** A test file's stack, with what its tests reach it through: the API client, the store, the inbox. */
export interface TestStack extends LocalStack, ApiClient {
  store: ReturnType<typeof storeFromConfig>;
  /** The mail this stack sent, its approval links only those into this stack's API. */
  inbox: Inbox;
  /** Resolves once the KPI rollups have caught up with the table (`kpiStream: true`). */
  kpisCaughtUp(): Promise<void>;
}

const holdDefinition = JSON.stringify({
  StartAt: 'Hold',
  States: { Hold: { Type: 'Wait', Seconds: 3600, End: true } },
});

/**
 * The one way a test starts the local services: `npm start`'s stack on the test run's DynamoDB Local and SES, in a
 * table of its own named after the test, deleted when it stops. Without the KPI stream unless the test reads KPIs:
 * DynamoDB Local keeps every table's stream records for the whole run, and they slow every write after them. The demo
 * data is the run's one seeding, copied in (test/global-setup.ts), as seeding it again would write the same items.
 */
export const startTestStack = async (name: string, options: TestStackOptions = {}): Promise<TestStack> => {
  const { holdWorkflow, seed = true, ...stackOptions } = options;
  const stack = await startLocalStack({
    reuse: { dynamoEndpoint: inject('dynamoEndpoint'), sesEndpoint: inject('sesEndpoint') },
    tableName: `${name}-${randomUUID().slice(0, 8)}`,
    kpiStream: false,
    ...(holdWorkflow && { definition: holdDefinition }),
    ...stackOptions,
    seed: false,
  });
  let integration = stack.integration;
  if (seed) {
    await writeDemoDataSnapshot(dynamoClient(), stack.tableName, inject('demoData')).catch(async (error: unknown) => {
      await stack.stop();
      await deleteTable(dynamoClient(), stack.tableName);
      throw error;
    });
    // The snapshot's Demo ERP, with its secret read back from the local provider's registry, as `npm start` prints it.
    integration = await seedDemoIntegration(
      storeFromConfig().integrations,
      createTableClients(documentClient(), stack.tableName),
      `${stack.urls.api}/oidc/token`,
    );
  }
  return {
    ...stack,
    integration,
    ...apiClient(stack.urls.api, stack.issuer),
    store: storeFromConfig(),
    inbox: openInbox(stack.urls.ses, { linksTo: stack.urls.api }),
    kpisCaughtUp: () => {
      if (!stack.kpiStream) throw new Error('startTestStack(name, { kpiStream: true }) to read KPIs from the stream');
      return stack.kpiStream.caughtUp();
    },
    async stop() {
      await stack.stop();
      await deleteTable(dynamoClient(), stack.tableName);
    },
  };
};

/**
 * A test file's stack, started before its tests and stopped after them: `const api = useTestStack('rfqs')` is the
 * whole setup. The answer is filled in once the stack runs, so tests and the helpers they call read it as they go.
 */
export const useTestStack = (name: string, options: TestStackOptions = {}): TestStack => {
  const stack = {} as TestStack;
  beforeAll(async () => {
    Object.assign(stack, await startTestStack(name, options));
  });
  afterAll(() => stack.stop?.());
  return stack;
};
