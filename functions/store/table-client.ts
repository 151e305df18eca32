import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DeleteCommandInput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { OnCapacity } from './capacity.ts';
import type { PrimaryKey } from './keys.ts';

export type Item = Record<string, unknown>;

type Transact = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type WithoutTable<T> = T extends object ? Omit<T, 'TableName'> : never;
/** One write of a transaction; the table name is filled in. */
export interface TransactWrite {
  Put?: WithoutTable<Transact['Put']>;
  Update?: WithoutTable<Transact['Update']>;
  Delete?: WithoutTable<Transact['Delete']>;
  ConditionCheck?: WithoutTable<Transact['ConditionCheck']>;
}

const BATCH_GET_MAX = 100;
const BATCH_WRITE_MAX = 25;
const BATCH_GET_ATTEMPTS = 8;

/**
 * The single table as the store sees it: every call names the table, and reports consumed capacity when a meter
 * is attached (asking DynamoDB for it only then).
 */
export const tableClient = (doc: DynamoDBDocumentClient, tableName: string, onCapacity?: OnCapacity) => {
  const metered = onCapacity ? { ReturnConsumedCapacity: 'TOTAL' as const } : {};
  const report = (
    operation: string,
    kind: 'read' | 'write',
    used: ConsumedCapacity | ConsumedCapacity[] | undefined,
  ) => {
    if (!onCapacity || !used) return;
    for (const c of Array.isArray(used) ? used : [used]) {
      onCapacity({
        operation,
        readUnits: c.ReadCapacityUnits ?? (kind === 'read' ? (c.CapacityUnits ?? 0) : 0),
        writeUnits: c.WriteCapacityUnits ?? (kind === 'write' ? (c.CapacityUnits ?? 0) : 0),
      });
    }
  };
  const named = <T extends object | undefined>(part: T) => (part ? { ...part, TableName: tableName } : undefined);

  return {
    tableName,
    async get(key: PrimaryKey, options: { projection?: string; names?: Record<string, string> } = {}) {
      const out = await doc.send(
        new GetCommand({
          TableName: tableName,
          Key: key,
          ConsistentRead: true,
          ...(options.projection && { ProjectionExpression: options.projection }),
          ...(options.names && { ExpressionAttributeNames: options.names }),
          ...metered,
        }),
      );
      report('GetItem', 'read', out.ConsumedCapacity);
      return out.Item;
    },
    async put(input: Omit<PutCommandInput, 'TableName'>) {
      const out = await doc.send(new PutCommand({ ...input, TableName: tableName, ...metered }));
      report('PutItem', 'write', out.ConsumedCapacity);
    },
    async update(input: Omit<UpdateCommandInput, 'TableName'>) {
      const out = await doc.send(new UpdateCommand({ ...input, TableName: tableName, ...metered }));
      report('UpdateItem', 'write', out.ConsumedCapacity);
      return out.Attributes;
    },
    async delete(input: Omit<DeleteCommandInput, 'TableName'>) {
      const out = await doc.send(new DeleteCommand({ ...input, TableName: tableName, ...metered }));
      report('DeleteItem', 'write', out.ConsumedCapacity);
    },
    async query(input: Omit<QueryCommandInput, 'TableName'>) {
      const out = await doc.send(new QueryCommand({ ...input, TableName: tableName, ...metered }));
      report('Query', 'read', out.ConsumedCapacity);
      return { items: (out.Items ?? []) as Item[], lastKey: out.LastEvaluatedKey };
    },
    /** Every page of a query, for lists that are small by nature (a rep's companies, an RFQ's links and history). */
    async queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>) {
      const items: Item[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await this.query({ ...input, ...(start && { ExclusiveStartKey: start }) });
        items.push(...out.items);
        start = out.lastKey;
      } while (start);
      return items;
    },
    async transactWrite(writes: TransactWrite[]) {
      const out = await doc.send(
        new TransactWriteCommand({
          TransactItems: writes.map((w) => ({
            Put: named(w.Put),
            Update: named(w.Update),
            Delete: named(w.Delete),
            ConditionCheck: named(w.ConditionCheck),
          })) as Transact[],
          ...metered,
        }),
      );
      report('TransactWriteItems', 'write', out.ConsumedCapacity);
    },
    /** BatchGetItem in chunks of 100, retrying unprocessed keys with backoff; order of the result is not the keys'. */
    async batchGet(keys: PrimaryKey[], options: { consistent?: boolean } = {}): Promise<Item[]> {
      const found: Item[] = [];
      for (let i = 0; i < keys.length; i += BATCH_GET_MAX) {
        let pending: Record<string, unknown>[] = keys.slice(i, i + BATCH_GET_MAX).map((k) => ({ ...k }));
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt === BATCH_GET_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
          if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
          const out = await doc.send(
            new BatchGetCommand({
              RequestItems: { [tableName]: { Keys: pending, ConsistentRead: options.consistent ?? true } },
              ...metered,
            }),
          );
          report('BatchGetItem', 'read', out.ConsumedCapacity);
          found.push(...((out.Responses?.[tableName] ?? []) as Item[]));
          pending = (out.UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
        }
      }
      return found;
    },
    /** BatchWriteItem puts in chunks of 25, retrying unprocessed items with backoff. Unconditional: bulk loads only. */
    async batchPut(items: Item[]): Promise<void> {
      for (let i = 0; i < items.length; i += BATCH_WRITE_MAX) {
        let pending = items.slice(i, i + BATCH_WRITE_MAX).map((Item) => ({ PutRequest: { Item } }));
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt === BATCH_GET_ATTEMPTS)
            throw new Error(`BatchWriteItem left ${pending.length} items unprocessed`);
          if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
          const out = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending }, ...metered }));
          report('BatchWriteItem', 'write', out.ConsumedCapacity);
          pending = (out.UnprocessedItems?.[tableName] ?? []) as typeof pending;
        }
      }
    },
  };
};

export type TableClient = ReturnType<typeof tableClient>;
