import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { StoredRollup } from '#domain/kpi-report.ts';
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

const toRollup = (item: Item): StoredRollup => {
  const sortKey = String(item.SK);
  const split = sortKey.indexOf('#');
  return {
    period: sortKey.slice(0, split),
    group: sortKey.slice(split + 1),
    tally: fromItem(item) as Record<string, number>,
  };
};

export const createKpiStore = (table: TableClient): KpiStore => ({
  async applyRecord(recordId, deltas, now) {
    const counts = { applied: 0, alreadyApplied: 0 };
    const perPart = TRANSACTION_ITEMS - 1;
    for (let start = 0, part = 0; start < deltas.length; start += perPart, part++) {
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
        ...deltas.slice(start, start + perPart).map((delta) => ({
          Update: { Key: keys.kpiRollup(delta.key), ...addTally(delta.tally) },
        })),
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
    const pages = await Promise.all(
      ranges.map((range) =>
        table.queryAll({
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': keys.kpiPartition(scope, grouping, range.resolution),
            ':from': range.from,
            // Every group of the last period: '#' then anything sorts before '#\uffff'.
            ':to': `${range.to}#\uffff`,
          },
          ConsistentRead: false,
        }),
      ),
    );
    const items = pages.flat();
    return { rollups: items.map(toRollup), itemsRead: items.length };
  },

  async putOnce(batchId, rollups, now) {
    const marker = keys.kpiApplied(batchId, 0);
    if (await table.get(marker)) return false;
    const items = rollups.map((rollup) => ({ ...rollup.tally, ...keys.kpiRollup(rollup.key) }));
    const slice = Math.ceil(items.length / BULK_WRITERS);
    await Promise.all(
      Array.from({ length: BULK_WRITERS }, (_, i) => table.batchPut(items.slice(i * slice, (i + 1) * slice))),
    );
    await table.put({ Item: { ...marker, at: now.toISOString() } });
    return true;
  },
});
