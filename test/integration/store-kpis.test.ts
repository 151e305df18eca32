import { describe, expect, it } from 'vitest';
import type { RollupDelta } from '#domain/kpi-rollup.ts';
import { createDynamoStore } from '#store/dynamo-store.ts';
import { freshTable } from './store/fresh-table.ts';

const table = freshTable();
const { store } = table;
const now = new Date('2026-05-02T10:00:00.000Z');

/** One product's count in a day of a month: a record about many products spreads over many rollups. */
const delta = (sku: string, period: string): RollupDelta => ({
  key: { scope: 'ALL', grouping: 'product', group: sku, period },
  tally: { rfqs: 1 },
});

const rfqsBySku = async (from: string, to: string) => {
  const { rollups } = await createDynamoStore(table.doc, table.tableName).kpis.read('ALL', 'product', [
    { resolution: 'month', from, to },
  ]);
  return Object.fromEntries(rollups.map((r) => [`${r.period} ${r.group}`, r.tally.rfqs]));
};

describe('the KPI store', () => {
  it('applies a record of more rollups than one transaction holds exactly once, over several months', async () => {
    const skus = Array.from({ length: 130 }, (_, i) => `SKU-${String(i).padStart(3, '0')}`);
    const deltas = [...skus.map((sku) => delta(sku, '2026-03')), ...skus.map((sku) => delta(sku, '2026-04'))];

    const first = await store.kpis.applyRecord('record-big', deltas, now);
    const again = await store.kpis.applyRecord('record-big', deltas, now);

    expect(first.applied).toBeGreaterThan(2);
    expect(again).toEqual({ applied: 0, alreadyApplied: first.applied });
    const counts = await rfqsBySku('2026-03', '2026-04');
    expect(Object.keys(counts)).toHaveLength(260);
    expect(new Set(Object.values(counts))).toEqual(new Set([1]));
  });

  it('answers from memory only while no write reached the month, whichever way it was written', async () => {
    const kpis = createDynamoStore(table.doc, table.tableName).kpis;
    const june = [{ resolution: 'month' as const, from: '2026-06', to: '2026-06' }];
    await store.kpis.applyRecord('record-june-1', [delta('SKU-A', '2026-06')], now);
    expect((await kpis.read('ALL', 'product', june)).itemsRead).toBe(2);
    expect((await kpis.read('ALL', 'product', june)).itemsRead).toBe(1);

    await store.kpis.putOnce('history', [{ ...delta('SKU-B', '2026-06'), tally: { rfqs: 7 } }], now);
    const afterHistory = await kpis.read('ALL', 'product', june);
    expect(afterHistory.rollups.map((r) => [r.group, r.tally.rfqs])).toEqual([
      ['SKU-A', 1],
      ['SKU-B', 7],
    ]);

    await store.kpis.applyRecord('record-june-2', [delta('SKU-A', '2026-06-15'), delta('SKU-A', '2026-06')], now);
    const afterRecord = await kpis.read('ALL', 'product', june);
    expect(afterRecord.rollups.map((r) => [r.group, r.tally.rfqs])).toEqual([
      ['SKU-A', 2],
      ['SKU-B', 7],
    ]);
    expect(afterRecord.itemsRead).toBe(3);
  });
});
