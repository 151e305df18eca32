import { DescribeTableCommand, DynamoDBClient, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { kpiEventSource, streamedSortKeys } from '#functions/streams/event-source.ts';

/**
 * The local stand-in for Lambda's DynamoDB event source mapping: reads the table's stream from DynamoDB Local (which
 * speaks the Streams API), keeps the records the mapping's filter keeps, and invokes the handler with Lambda-shaped
 * batches (the same JSON, binary as base64), honouring `batchItemFailures`, bisecting a failing batch, retrying a
 * single failing record `retryAttempts` times and then sending it to the on-failure destination — here a list and a
 * callback — so one poison record never blocks its shard. Shards are followed parent before child, as on AWS.
 *
 * Unlike the mapping it does not wait for a batching window: it delivers what each poll finds, which only shortens the
 * lag. Rollup updates commute, so nothing depends on the batch boundaries.
 */

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

/** What Lambda sends an on-failure destination for a stream batch it gave up on (the records stay in the stream). */
export interface DeadLetter {
  condition: 'RetryAttemptsExhausted' | 'RecordAgeExceeded';
  streamArn: string;
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  batchSize: number;
  at: string;
}

export interface StreamPollerOptions {
  /** DynamoDB Local's endpoint: it serves the Streams API on the same port. */
  endpoint: string;
  region?: string;
  tableName: string;
  handler: StreamHandler;
  pollIntervalMs?: number;
  /** The first delay between retries of a failing record; it doubles per attempt. */
  retryDelayMs?: number;
  onDeadLetter?: (letter: DeadLetter) => void;
  log?: (message: string) => void;
}

export interface StreamPoller {
  streamArn: string;
  deadLetters: readonly DeadLetter[];
  /** Why the last poll round failed, until a round succeeds again: a poller that cannot read says why. */
  readonly lastError: string | undefined;
  /** Resolves once every record written before the call has been delivered (a poll round found nothing new). */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

interface ShardState {
  shardId: string;
  parentShardId?: string | undefined;
  iterator?: string | undefined;
  lastSequenceNumber?: string | undefined;
  done: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An empty map attribute reaches us from the Streams client as `{}` (the SDK drops the empty `M`); Lambda's event
 * says `{ "M": {} }`. No other attribute value is an empty object, so the repair is unambiguous.
 */
type Attribute = { M?: Record<string, Attribute>; L?: Attribute[] } & Record<string, unknown>;
const repaired = (value: Attribute): Attribute => {
  if (Object.keys(value).length === 0) return { M: {} };
  if (value.M) return { M: repairedImage(value.M) };
  if (value.L) return { L: value.L.map(repaired) };
  return value;
};
const repairedImage = (image: Record<string, Attribute>): Record<string, Attribute> =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, repaired(value)]));

/** The record as Lambda's JSON event carries it: epoch seconds for the time, base64 text for binary attributes. */
const lambdaShaped = (record: StreamRecord, streamArn: string, region: string): DynamoDBRecord =>
  JSON.parse(
    JSON.stringify(
      {
        ...record,
        eventSource: 'aws:dynamodb',
        awsRegion: record.awsRegion ?? region,
        eventSourceARN: streamArn,
        dynamodb: {
          ...record.dynamodb,
          NewImage: record.dynamodb?.NewImage && repairedImage(record.dynamodb.NewImage as Record<string, Attribute>),
          OldImage: record.dynamodb?.OldImage && repairedImage(record.dynamodb.OldImage as Record<string, Attribute>),
          ApproximateCreationDateTime: (record.dynamodb?.ApproximateCreationDateTime?.getTime() ?? Date.now()) / 1000,
        },
      },
      (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value),
    ),
  ) as DynamoDBRecord;

const passesFilter = (record: StreamRecord): boolean => {
  const sortKey = record.dynamodb?.Keys?.SK?.S;
  return sortKey !== undefined && streamedSortKeys.includes(sortKey);
};

/** Turns on the table's stream (NEW_AND_OLD_IMAGES) when a table made before streams existed lacks it. */
const streamOf = async (dynamo: DynamoDBClient, tableName: string): Promise<string> => {
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
  if (Table?.LatestStreamArn && Table.StreamSpecification?.StreamEnabled) return Table.LatestStreamArn;
  const updated = await dynamo.send(
    new UpdateTableCommand({
      TableName: tableName,
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  const arn = updated.TableDescription?.LatestStreamArn;
  if (!arn) throw new Error(`DynamoDB Local gave table ${tableName} no stream`);
  return arn;
};

export const startStreamPoller = async (options: StreamPollerOptions): Promise<StreamPoller> => {
  const { endpoint, tableName, handler } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 100;
  const retryDelayMs = options.retryDelayMs ?? 50;
  const log = options.log ?? (() => undefined);
  const region = options.region ?? 'us-east-1';
  const clientOptions = { region, endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const streams = new DynamoDBStreamsClient(clientOptions);
  const dynamo = new DynamoDBClient(clientOptions);
  const streamArn = await streamOf(dynamo, tableName).finally(() => dynamo.destroy());
  const shards = new Map<string, ShardState>();
  const deadLetters: DeadLetter[] = [];
  let stopped = false;
  let emptyRounds = 0;
  const waiters: { after: number; resolve: () => void }[] = [];

  const deadLetter = (records: StreamRecord[], shardId: string, condition: DeadLetter['condition']) => {
    const letter: DeadLetter = {
      condition,
      streamArn,
      shardId,
      startSequenceNumber: records[0]?.dynamodb?.SequenceNumber ?? '',
      endSequenceNumber: records.at(-1)?.dynamodb?.SequenceNumber ?? '',
      batchSize: records.length,
      at: new Date().toISOString(),
    };
    deadLetters.push(letter);
    options.onDeadLetter?.(letter);
  };

  /** Index of the first record the handler failed, or -1 when all were folded. A thrown error fails the whole batch. */
  const invoke = async (records: StreamRecord[]): Promise<number> => {
    try {
      const response = await handler({ Records: records.map((r) => lambdaShaped(r, streamArn, region)) });
      const failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      if (failed.size === 0) return -1;
      const index = records.findIndex((r) => failed.has(r.dynamodb?.SequenceNumber ?? ''));
      return index < 0 ? 0 : index;
    } catch (error) {
      log(`stream handler threw: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    }
  };

  const deliver = async (records: StreamRecord[], shardId: string): Promise<void> => {
    let pending = records;
    let attempt = 0;
    while (pending.length > 0 && !stopped) {
      const failedAt = await invoke(pending);
      if (failedAt < 0) return;
      if (failedAt > 0) {
        pending = pending.slice(failedAt);
        attempt = 0;
        continue;
      }
      if (kpiEventSource.bisectBatchOnError && pending.length > 1) {
        const half = Math.ceil(pending.length / 2);
        await deliver(pending.slice(0, half), shardId);
        await deliver(pending.slice(half), shardId);
        return;
      }
      if (attempt >= kpiEventSource.retryAttempts) {
        deadLetter(pending, shardId, 'RetryAttemptsExhausted');
        return;
      }
      attempt += 1;
      await sleep(retryDelayMs * 2 ** (attempt - 1));
    }
  };

  const discoverShards = async () => {
    let start: string | undefined;
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ...(start && { ExclusiveStartShardId: start }) }),
      );
      for (const shard of StreamDescription?.Shards ?? []) {
        if (shard.ShardId && !shards.has(shard.ShardId)) {
          shards.set(shard.ShardId, { shardId: shard.ShardId, parentShardId: shard.ParentShardId, done: false });
        }
      }
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
  };

  const iteratorFor = async (shard: ShardState): Promise<string | undefined> => {
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shard.shardId,
        ...(shard.lastSequenceNumber
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: shard.lastSequenceNumber }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  };

  /**
   * An iterator taken while its shard was empty points at the shard's first sequence number. DynamoDB Local numbers
   * every stream's records from one counter, so when another table's stream (or a new shard) takes numbers first, this
   * shard's first record comes later than that, and every read of the old iterator fails as TrimmedDataAccessException
   * ("past the oldest record") — for ever, as the iterator never moves. A fresh one from the trim horizon starts at the
   * oldest record there is; after a record already read, AFTER_SEQUENCE_NUMBER loses nothing.
   */
  const readRecords = async (shard: ShardState, iterator: string) => {
    try {
      return await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: kpiEventSource.batchSize }));
    } catch (error) {
      if (!(error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException)) throw error;
      shard.iterator = await iteratorFor(shard);
      return undefined;
    }
  };

  /** Reads one shard as far as it goes now; true when it had records. */
  const pollShard = async (shard: ShardState): Promise<boolean> => {
    shard.iterator ??= await iteratorFor(shard);
    let found = false;
    while (shard.iterator && !stopped) {
      const out = await readRecords(shard, shard.iterator);
      if (!out) continue;
      const records = out.Records ?? [];
      shard.iterator = out.NextShardIterator;
      if (!shard.iterator) shard.done = true;
      if (records.length === 0) break;
      found = true;
      const oldest = Date.now() - kpiEventSource.maxRecordAgeSeconds * 1000;
      const tooOld = records.filter((r) => (r.dynamodb?.ApproximateCreationDateTime?.getTime() ?? Date.now()) < oldest);
      if (tooOld.length > 0) deadLetter(tooOld, shard.shardId, 'RecordAgeExceeded');
      const batch = records.filter((r) => passesFilter(r) && !tooOld.includes(r));
      if (batch.length > 0) await deliver(batch, shard.shardId);
      shard.lastSequenceNumber = records.at(-1)?.dynamodb?.SequenceNumber;
    }
    return found;
  };

  const round = async (): Promise<boolean> => {
    await discoverShards();
    let found = false;
    for (const shard of shards.values()) {
      const parent = shard.parentShardId ? shards.get(shard.parentShardId) : undefined;
      if (shard.done || (parent && !parent.done)) continue;
      if (await pollShard(shard)) found = true;
    }
    return found;
  };

  let lastError: string | undefined;
  const loop = (async () => {
    while (!stopped) {
      const started = emptyRounds;
      let found = true;
      try {
        found = await round();
        lastError = undefined;
      } catch (error) {
        if (stopped) break;
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        // Said once per cause, not every round: a poller that keeps failing is one line in the log, not thousands.
        if (reason !== lastError) log(`stream poller: ${reason}`);
        lastError = reason;
        // A round that failed is tried again after the interval, never in a tight loop against DynamoDB Local.
        await sleep(pollIntervalMs);
        continue;
      }
      if (!found) {
        emptyRounds = started + 1;
        for (const waiter of waiters.splice(0)) {
          if (waiter.after < emptyRounds) waiter.resolve();
          else waiters.push(waiter);
        }
        await sleep(pollIntervalMs);
      }
    }
  })();

  return {
    streamArn,
    deadLetters,
    get lastError() {
      return lastError;
    },
    // A round that began after this call and found nothing has seen every record written before it.
    caughtUp: () => new Promise<void>((resolve) => waiters.push({ after: emptyRounds + 1, resolve })),
    async stop() {
      stopped = true;
      await loop;
      for (const waiter of waiters.splice(0)) waiter.resolve();
      streams.destroy();
    },
  };
};
