import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDynamoStore, type DynamoStoreOptions } from '#store/dynamo-store.ts';
import type { Store } from '#store/ports.ts';
import { createTable, deleteTable } from '#store/table.ts';

export interface FreshTable {
  /** The low-level client, for tests that tamper with raw items as an attacker or a bug would. */
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  tableName: string;
  store: Store;
}

/**
 * A table of its own for one test file on the shared DynamoDB Local, created before its tests and deleted after.
 * Read the fields inside tests (they are filled in `beforeAll`). Without a stream unless the test reads one: DynamoDB
 * Local keeps every stream record of every table in its one database for the whole run, slowing every write after.
 */
export const freshTable = (options: DynamoStoreOptions = {}, table: { stream?: boolean } = {}): FreshTable => {
  const client = new DynamoDBClient({
    endpoint: inject('dynamoEndpoint'),
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const doc = DynamoDBDocumentClient.from(client);
  const tableName = `store-test-${randomUUID()}`;
  const fixture: FreshTable = { client, doc, tableName, store: createDynamoStore(doc, tableName, options) };
  beforeAll(async () => {
    await createTable(client, tableName, { stream: table.stream ?? false });
  });
  afterAll(async () => {
    await deleteTable(client, tableName);
    client.destroy();
  });
  return fixture;
};
