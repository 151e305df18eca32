import type { TestProject } from 'vitest/node';
import { type DynamoDbLocal, startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { type SesLocal, startSesLocal } from '../local/ses-local.ts';
import { buildWebApp } from '../local/web-app.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
  }
}

/**
 * Starts DynamoDB Local (in memory) and the local SES once per test run, and stops them after it — no orphaned
 * `java`. Tests isolate themselves by table name or by id; the endpoints reach them through `inject(...)`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let dynamo: DynamoDbLocal | undefined;
  let ses: SesLocal | undefined;
  try {
    // Built before any test file starts a stack, so parallel files reuse one build instead of racing to make it.
    [dynamo, ses] = await Promise.all([startDynamoDbLocal(), startSesLocal(), buildWebApp()]);
  } catch (error) {
    await Promise.all([dynamo?.stop(), ses?.stop()]);
    throw error;
  }
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  return async () => {
    await Promise.all([dynamo?.stop(), ses?.stop()]);
  };
}
