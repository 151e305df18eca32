import { randomUUID } from 'node:crypto';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  DynamoDBClient,
  paginateScan,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTableAccounts } from '#functions/accounts/table-accounts.ts';
import { createTableClients } from '#functions/integrations/table-clients.ts';
import { createDynamoStore } from '#store/dynamo-store.ts';
import { createTable, deleteTable } from '#store/table.ts';
import { seedDemoIntegration } from '../local/seed/integration.ts';
import { seedDemoAccounts, seedDemoData } from '../local/seed/seed.ts';

/** The demo data as DynamoDB holds it: every item `npm start`'s seed writes, attribute values as the wire has them. */
export type DemoDataSnapshot = Record<string, AttributeValue>[];

/**
 * Seeds the demo data once, the way `npm start` does (through the store and the local accounts, every record parsed
 * by the API's schemas), into a scratch table, and reads back what that wrote. Seeding costs some hundred conditional
 * writes and transactions, seconds on a loaded DynamoDB Local; a test stack writes this snapshot instead, in a dozen
 * batches.
 */
export const takeDemoDataSnapshot = async (endpoint: string): Promise<DemoDataSnapshot> => {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const tableName = `demo-data-snapshot-${randomUUID().slice(0, 8)}`;
  try {
    await createTable(client, tableName, { stream: false });
    const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    const store = createDynamoStore(doc, tableName);
    await seedDemoData(store.catalog);
    await seedDemoAccounts(createTableAccounts(doc, tableName));
    // The token URL is only answered, never stored: the Demo ERP's record and its client are the same in every stack.
    await seedDemoIntegration(store.integrations, createTableClients(doc, tableName), 'unused');
    const items: DemoDataSnapshot = [];
    for await (const page of paginateScan({ client }, { TableName: tableName, ConsistentRead: true })) {
      items.push(...(page.Items ?? []));
    }
    return items;
  } finally {
    await deleteTable(client, tableName);
    client.destroy();
  }
};

/** Writes the snapshot into a stack's empty table: what seeding it would have written, item for item. */
export const writeDemoDataSnapshot = async (
  client: DynamoDBClient,
  tableName: string,
  items: DemoDataSnapshot,
): Promise<void> => {
  const batches: WriteRequest[][] = [];
  for (let i = 0; i < items.length; i += 25)
    batches.push(items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })));
  await Promise.all(
    batches.map(async (batch) => {
      // DynamoDB may leave part of a batch unwritten when busy; it answers which, and those go again.
      for (let left = batch; left.length > 0; ) {
        const { UnprocessedItems } = await client.send(
          new BatchWriteItemCommand({ RequestItems: { [tableName]: left } }),
        );
        left = UnprocessedItems?.[tableName] ?? [];
      }
    }),
  );
};
