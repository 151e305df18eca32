import { randomUUID } from 'node:crypto';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTable, deleteTable } from '#store/table.ts';
import { type StreamPoller, startStreamPoller } from '../../local/stream-poller.ts';
import { freshTable } from './store/fresh-table.ts';

/**
 * The local poller against DynamoDB Local's own stream numbering: one sequence counter for every table's stream, so a
 * shard's first record is often numbered well after the shard's start.
 */
const table = freshTable({}, { stream: true });
const delivered: DynamoDBStreamEvent[] = [];
let poller: StreamPoller | undefined;
const otherTable = `stream-poller-other-${randomUUID()}`;

afterAll(async () => {
  await poller?.stop();
  await deleteTable(table.client, otherTable).catch(() => undefined);
});

describe('the local stream poller', () => {
  it('delivers the first record of a shard it began reading while empty, though other streams took numbers first', async () => {
    poller = await startStreamPoller({
      endpoint: inject('dynamoEndpoint'),
      tableName: table.tableName,
      handler: async (event) => {
        delivered.push(event);
        return { batchItemFailures: [] };
      },
    });
    // A round that found nothing: the poller now holds an iterator taken on the empty shard.
    await poller.caughtUp();
    // Another stream takes sequence numbers (a new stream-enabled table's shard does), as a parallel test's would.
    await createTable(table.client, otherTable, { stream: true });
    await table.client.send(
      new PutItemCommand({ TableName: table.tableName, Item: { PK: { S: 'RFQ#rfq_first' }, SK: { S: 'RFQ' } } }),
    );

    await expect
      .poll(() => delivered.flatMap((event) => event.Records.map((r) => r.dynamodb?.Keys?.PK?.S)), { timeout: 20_000 })
      .toEqual(['RFQ#rfq_first']);
    expect(poller.lastError).toBeUndefined();
  });
});
