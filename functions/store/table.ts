import {
  CreateTableCommand,
  DeleteTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb';

/**
 * The one table, as data: the CDK app builds its `TableV2` from this and the local stack calls `createTable`, so the
 * two can never disagree. Index attributes are generic (`GSI1PK` ...) because several item types share an index;
 * docs/access-patterns.md lists which pattern uses which index and how each key is formed (keys.ts forms them).
 *
 * Every index is keys-only: an RFQ item can reach hundreds of KB, and projecting it into four lists would multiply
 * the cost of every write by five. A list reads keys from the index and then the items themselves (BatchGetItem).
 */
export interface IndexDefinition {
  indexName: string;
  partitionKey: string;
  sortKey?: string;
  projection: 'ALL' | 'KEYS_ONLY';
}

export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  billing: 'PAY_PER_REQUEST',
  timeToLiveAttribute: 'expiresAtEpoch',
  /** The change stream the KPI aggregator folds (functions/streams): every change with its before and after. */
  stream: 'NEW_AND_OLD_IMAGES',
  indexes: {
    /** RFQs and orders of one company, newest first; the catalog's words (a search's entries). */
    byCompany: { indexName: 'byCompany', partitionKey: 'GSI1PK', sortKey: 'GSI1SK', projection: 'KEYS_ONLY' },
    /**
     * RFQs of one rep by status, newest first within a status (its sort key is rewritten on every transition); the
     * catalog's words within one category.
     */
    byRepStatus: { indexName: 'byRepStatus', partitionKey: 'GSI2PK', sortKey: 'GSI2SK', projection: 'KEYS_ONLY' },
    /**
     * RFQs of one rep newest first; the companies a rep owns; a person's open tasks; every product by sku; a company's
     * orders under one PO number; a rep's follow-ups by date.
     */
    byRep: { indexName: 'byRep', partitionKey: 'GSI3PK', sortKey: 'GSI3SK', projection: 'KEYS_ONLY' },
    /** Every RFQ, every order, newest first (admin, sales manager); the active catalog by category and name. */
    byCreated: { indexName: 'byCreated', partitionKey: 'GSI4PK', sortKey: 'GSI4SK', projection: 'KEYS_ONLY' },
    /** Approval link by the SHA-256 of its token. */
    byTokenHash: { indexName: 'byTokenHash', partitionKey: 'GSI5PK', projection: 'KEYS_ONLY' },
  },
} as const satisfies {
  partitionKey: string;
  sortKey: string;
  billing: 'PAY_PER_REQUEST';
  timeToLiveAttribute: string;
  stream: 'NEW_AND_OLD_IMAGES';
  indexes: Record<string, IndexDefinition>;
};

const indexes: readonly IndexDefinition[] = Object.values(tableDefinition.indexes);

const keyAttributes = (): string[] => [
  ...new Set([
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...indexes.flatMap((i) => (i.sortKey ? [i.partitionKey, i.sortKey] : [i.partitionKey])),
  ]),
];

/**
 * Creates the table and waits until it is ACTIVE; an existing table of that name is left as it is. `stream: false`
 * for a scratch table nothing reads the changes of (a benchmark's): DynamoDB Local keeps every stream record in its
 * one database, and tens of thousands of them slow every write after.
 */
export const createTable = async (
  client: DynamoDBClient,
  tableName: string,
  options: { stream?: boolean } = {},
): Promise<void> => {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: tableDefinition.billing,
        ...(options.stream !== false && {
          StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.stream },
        }),
        AttributeDefinitions: keyAttributes().map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: indexes.map((i) => ({
          IndexName: i.indexName,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' as const },
            ...(i.sortKey ? [{ AttributeName: i.sortKey, KeyType: 'RANGE' as const }] : []),
          ],
          Projection: { ProjectionType: i.projection },
        })),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 120, minDelay: 1, maxDelay: 5 }, { TableName: tableName });
  await client
    .send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    )
    .catch((error: unknown) => {
      // Enabling TTL twice is refused with "TimeToLive is already enabled"; that is the state we want.
      if (!(error instanceof Error && /already enabled/i.test(error.message))) throw error;
    });
};

/** Deletes the table and waits until it is gone; a missing table is not an error. */
export const deleteTable = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return;
    throw error;
  }
  await waitUntilTableNotExists({ client, maxWaitTime: 120, minDelay: 1, maxDelay: 5 }, { TableName: tableName });
};
