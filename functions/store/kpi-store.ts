import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { nextMonth } from '#domain/calendar.ts';
import type { PeriodRange, StoredRollup } from '#domain/kpi-report.ts';
import type { RollupDelta } from '#domain/kpi-rollup.ts';
import type { Tally } from '#domain/kpi-tally.ts';
import { expiresAtEpoch, fromItem } from './item.ts';
import { keys } from './keys.ts';
import type { KpiStore } from './ports.ts';
import type { Item, TableClient, TransactWrite } from './table-client.ts';

/** DynamoDB's limit of items per transaction, one of which is the record's applied-marker. */
const TRANSACTION_ITEMS = 100;

/**
 * A stream record can be delivered again until it leaves the stream (24 h) plus the retries of the event source
 * mapping; its applied-marker outlives that, then TTL removes it.
 */
const MARKER_RETAIN_SECONDS = 3 * 24 * 3600;

const ADD_PREFIX = '#n';

/** Bulk loads write this many batches at once. */
const BULK_WRITERS = 4;

/** `ADD #n0 :v0, #n1 :v1`: the tally's counts added to whatever the rollup holds (created at zero). */
const addTally = (tally: Tally) => {
  const entries = Object.entries(tally);
  return {
    UpdateExpression: `ADD ${entries.map((_, i) => `${ADD_PREFIX}${i} :v${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`${ADD_PREFIX}${i}`, name])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])),
  };
};

const isMarkerTaken = (error: unknown): boolean =>
  error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed';

/**
 * Rollups read for a month stay in the container (a warm function) until that month's revision moves; past months
 * rarely change, so a dashboard's year re-reads only the month that is still being written. Bounded so a wide read of
 * many products cannot hold the function's memory.
 */
const MAX_CACHED_ROLLUPS = 10_000;

const monthOf = (period: string): string => period.slice(0, 7);

/**
 * A record's deltas split into transactions: each holds its part's marker, its rollup updates and one revision bump
 * per month they touch, at most DynamoDB's limit in all. The split depends only on the deltas, so a redelivered record
 * puts the same markers on the same parts.
 */
const transactionParts = (deltas: readonly RollupDelta[]): RollupDelta[][] => {
  const parts: RollupDelta[][] = [];
  let part: RollupDelta[] = [];
  let months = new Set<string>();
  for (const delta of deltas) {
    const month = monthOf(delta.key.period);
    const writes = 1 + part.length + months.size + (months.has(month) ? 1 : 2);
    if (writes > TRANSACTION_ITEMS) {
      parts.push(part);
      part = [];
      months = new Set();
    }
    part.push(delta);
    months.add(month);
  }
  if (part.length > 0) parts.push(part);
  return parts;
};

const bumpRevisions = (months: Iterable<string>): TransactWrite[] =>
  [...new Set(months)].map((month) => ({
    Update: {
      Key: keys.kpiRevision(month),
      UpdateExpression: 'ADD revision :one',
      ExpressionAttributeValues: { ':one': 1 },
    },
  }));

/** A range cut at month ends: a month's rollups are cached under that month's revision. */
const monthlyRanges = (ranges: readonly PeriodRange[]): PeriodRange[] =>
  ranges.flatMap((range) => {
    if (range.resolution === 'day') return [range];
    const months: PeriodRange[] = [];
    for (let month = range.from; month <= range.to; month = nextMonth(month)) {
      months.push({ resolution: 'month', from: month, to: month });
    }
    return months;
  });

const toRollup = (item: Item): StoredRollup => {
  const sortKey = String(item.SK);
  const split = sortKey.indexOf('#');
  return {
    period: sortKey.slice(0, split),
    group: sortKey.slice(split + 1),
    tally: fromItem(item) as Record<string, number>,
  };
};

export const createKpiStore = (table: TableClient): KpiStore => {
  const cache = new Map<string, { revision: number; rollups: StoredRollup[] }>();
  let cachedRollups = 0;
  const remember = (key: string, revision: number, rollups: StoredRollup[]) => {
    const old = cache.get(key);
    if (old) cachedRollups -= old.rollups.length;
    cache.delete(key);
    if (rollups.length > MAX_CACHED_ROLLUPS) return;
    for (const [oldest, entry] of cache) {
      if (cachedRollups + rollups.length <= MAX_CACHED_ROLLUPS) break;
      cache.delete(oldest);
      cachedRollups -= entry.rollups.length;
    }
    cache.set(key, { revision, rollups });
    cachedRollups += rollups.length;
  };
  const revisions = async (months: readonly string[]): Promise<Map<string, number>> => {
    if (months.length === 0) return new Map();
    const items = await table.queryAll({
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.kpiRevisionPartition, ':from': months[0], ':to': months.at(-1) },
      ConsistentRead: true,
    });
    return new Map(items.map((item) => [String(item.SK), Number(item.revision)]));
  };

  return {
    async applyRecord(recordId, deltas, now) {
      const counts = { applied: 0, alreadyApplied: 0 };
      for (const [part, partDeltas] of transactionParts(deltas).entries()) {
        const writes: TransactWrite[] = [
          {
            Put: {
              Item: {
                ...keys.kpiApplied(recordId, part),
                expiresAtEpoch: expiresAtEpoch(now.toISOString(), MARKER_RETAIN_SECONDS),
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...partDeltas.map((delta) => ({
            Update: { Key: keys.kpiRollup(delta.key), ...addTally(delta.tally) },
          })),
          ...bumpRevisions(partDeltas.map((delta) => monthOf(delta.key.period))),
        ];
        try {
          await table.transactWrite(writes);
          counts.applied += 1;
        } catch (error) {
          if (!isMarkerTaken(error)) throw error;
          counts.alreadyApplied += 1;
        }
      }
      return counts;
    },

    async read(scope, grouping, ranges) {
      const pieces = monthlyRanges(ranges);
      const revisionOf = await revisions([...new Set(pieces.map((piece) => monthOf(piece.from)))].sort());
      let itemsRead = revisionOf.size;
      const parts = await Promise.all(
        pieces.map(async (piece) => {
          const partition = keys.kpiPartition(scope, grouping, piece.resolution);
          const key = `${partition}|${piece.from}|${piece.to}`;
          const revision = revisionOf.get(monthOf(piece.from)) ?? 0;
          const cached = cache.get(key);
          if (cached?.revision === revision) return cached.rollups;
          // Read after the revision and consistently: what is cached is at least as new as the revision it is kept under.
          const items = await table.queryAll({
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
            ExpressionAttributeValues: {
              ':pk': partition,
              ':from': piece.from,
              // Every group of the last period: '#' then anything sorts before '#\uffff'.
              ':to': `${piece.to}#\uffff`,
            },
            ConsistentRead: true,
          });
          itemsRead += items.length;
          const rollups = items.map(toRollup);
          remember(key, revision, rollups);
          return rollups;
        }),
      );
      return { rollups: parts.flat(), itemsRead };
    },

    async putOnce(batchId, rollups, now) {
      const marker = keys.kpiApplied(batchId, 0);
      if (await table.get(marker)) return false;
      const items = rollups.map((rollup) => ({ ...rollup.tally, ...keys.kpiRollup(rollup.key) }));
      const slice = Math.ceil(items.length / BULK_WRITERS);
      await Promise.all(
        Array.from({ length: BULK_WRITERS }, (_, i) => table.batchPut(items.slice(i * slice, (i + 1) * slice))),
      );
      const bumps = bumpRevisions(rollups.map((rollup) => monthOf(rollup.key.period)));
      for (let start = 0; start < bumps.length; start += TRANSACTION_ITEMS) {
        await table.transactWrite(bumps.slice(start, start + TRANSACTION_ITEMS));
      }
      await table.put({ Item: { ...marker, at: now.toISOString() } });
      return true;
    },
  };
};
