import { describe, expect, it } from 'vitest';
import { bandLabels, type KpiGroup, type KpiReport, kpiTotals } from '../../../web/src/kpis/kpi-totals.ts';

const edges = [3600, 14_400, 28_800, 86_400, 172_800, 259_200, 604_800];

const month = (key: string, counts: Partial<KpiGroup>, bands: number[]): KpiGroup => ({
  key,
  rfqs: 0,
  quoted: 0,
  accepted: 0,
  approved: 0,
  ordered: 0,
  conversion: null,
  orderValue: 0,
  averageOrderValue: null,
  timeToQuote: { p50: null, p90: null, bands },
  approvalCycle: { p50: null, p90: null, bands: edges.map(() => 0).concat(0) },
  declined: 0,
  expired: 0,
  rejected: 0,
  approvalRejected: 0,
  cancelled: 0,
  failed: 0,
  averageDiscountPercent: null,
  ...counts,
});

describe('the dashboard’s totals', () => {
  it('adds counts, money and band counts over the months, and nothing it cannot add', () => {
    const report: KpiReport = {
      from: '2026-01-01',
      to: '2026-02-28',
      currency: 'USD',
      durationBands: edges,
      groups: [
        month('2026-01', { rfqs: 5, quoted: 4, ordered: 2, orderValue: 300_00, declined: 1 }, [1, 2, 0, 0, 0, 0, 0, 1]),
        month('2026-02', { rfqs: 3, quoted: 3, ordered: 1, orderValue: 99_99, expired: 2 }, [0, 1, 1, 0, 0, 0, 0, 1]),
      ],
    };
    const totals = kpiTotals(report);
    expect(totals).toMatchObject({ rfqs: 8, quoted: 7, ordered: 3, orderValue: 399_99 });
    expect(totals.outcomes).toMatchObject({ ordered: 3, declined: 1, expired: 2, failed: 0 });
    expect(totals.timeToQuote).toEqual([1, 3, 1, 0, 0, 0, 0, 2]);
    expect(totals.approvalCycle).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('names the bands as a person says them, and briefly on an axis', () => {
    expect(bandLabels(edges)).toEqual([
      { label: 'Within 1 hour', axisLabel: '<1h' },
      { label: '1–4 hours', axisLabel: '1–4h' },
      { label: '4–8 hours', axisLabel: '4–8h' },
      { label: '8 hours–1 day', axisLabel: '8h–1d' },
      { label: '1–2 days', axisLabel: '1–2d' },
      { label: '2–3 days', axisLabel: '2–3d' },
      { label: '3–7 days', axisLabel: '3–7d' },
      { label: 'Over 7 days', axisLabel: '>7d' },
    ]);
  });
});
