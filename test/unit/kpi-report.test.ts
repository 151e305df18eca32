import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf, bucketValue } from '#domain/duration-histogram.ts';
import { kpiReport, type PeriodRange, periodRanges, type StoredRollup } from '#domain/kpi-report.ts';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const daysOf = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let t = Date.parse(from); day(t) <= to; t += 86_400_000) days.push(day(t));
  return days;
};
const coveredDays = (ranges: PeriodRange[]): string[] =>
  ranges.flatMap((range) =>
    range.resolution === 'day'
      ? daysOf(range.from, range.to)
      : daysOf(`${range.from}-01`, daysOf(`${range.to}-01`, `${range.to}-31`).at(-1)!),
  );

describe('which rollups a date range reads', () => {
  it('reads a calendar year as twelve months', () => {
    expect(periodRanges('2026-01-01', '2026-12-31')).toEqual([{ resolution: 'month', from: '2026-01', to: '2026-12' }]);
  });

  it('reads ragged ends as days and whole months between them as months', () => {
    expect(periodRanges('2026-01-15', '2026-04-10')).toEqual([
      { resolution: 'day', from: '2026-01-15', to: '2026-01-31' },
      { resolution: 'month', from: '2026-02', to: '2026-03' },
      { resolution: 'day', from: '2026-04-01', to: '2026-04-10' },
    ]);
    expect(periodRanges('2026-02-03', '2026-02-05')).toEqual([
      { resolution: 'day', from: '2026-02-03', to: '2026-02-05' },
    ]);
  });

  it('covers every day of any range exactly once', () => {
    const dayArb = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) }).map(day);
    fc.assert(
      fc.property(dayArb, dayArb, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(coveredDays(periodRanges(from, to))).toEqual(daysOf(from, to));
      }),
    );
  });
});

describe('the KPI report', () => {
  const rollups: StoredRollup[] = [
    {
      group: 'acme',
      period: '2026-03',
      tally: {
        rfqs: 4,
        quoted: 3,
        ordered: 2,
        declined: 1,
        'orders:USD': 2,
        'orderValue:USD': 900_00,
        'listValue:USD': 1000_00,
        [`timeToQuote:${bucketOf(60_000)}`]: 2,
        [`timeToQuote:${bucketOf(3_600_000)}`]: 1,
      },
    },
    { group: 'acme', period: '2026-04-02', tally: { rfqs: 1, expired: 1, quoted: 1 } },
    { group: 'globex', period: '2026-03', tally: { rfqs: 1 } },
  ];

  it('sums a group over months and days and derives conversion, averages and percentiles', () => {
    const report = kpiReport(
      { from: '2026-03-01', to: '2026-04-10', groupBy: 'company', scope: { kind: 'all' } },
      rollups,
    );
    expect(report.currency).toBe('USD');
    expect(report.groups.map((g) => g.key)).toEqual(['acme', 'globex']);
    expect(report.groups[0]).toMatchObject({
      rfqs: 5,
      quoted: 4,
      ordered: 2,
      conversion: 0.5,
      orderValue: 900_00,
      averageOrderValue: 450_00,
      averageDiscountPercent: 10,
      declined: 1,
      expired: 1,
      timeToQuote: {
        p50: Math.round(bucketValue(bucketOf(60_000))) / 1000,
        p90: Math.round(bucketValue(bucketOf(3_600_000))) / 1000,
      },
      approvalCycle: { p50: null, p90: null },
    });
    expect(report.groups[1]).toMatchObject({ rfqs: 1, conversion: null, averageOrderValue: null });
    // Bands: within the hour, 4 h, 8 h, a day, 2, 3 and 7 days, longer. Two quotes took a minute; one about an hour.
    expect(report.durationBands).toEqual([3600, 14_400, 28_800, 86_400, 172_800, 259_200, 604_800]);
    const [withinTheHour = 0, withinFourHours = 0, ...later] = report.groups[0]!.timeToQuote.bands;
    expect([withinTheHour + withinFourHours, later.every((n) => n === 0), withinTheHour >= 2]).toEqual([3, true, true]);
    expect(report.groups[0]!.approvalCycle.bands).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('labels months chronologically for groupBy=month, and a scope grouped by itself as one group', () => {
    const byMonth = kpiReport(
      { from: '2026-03-01', to: '2026-04-10', groupBy: 'month', scope: { kind: 'all' } },
      rollups,
    );
    expect(byMonth.groups.map((g) => [g.key, g.rfqs])).toEqual([
      ['2026-03', 5],
      ['2026-04', 1],
    ]);
    const own = kpiReport(
      { from: '2026-03-01', to: '2026-04-10', groupBy: 'company', scope: { kind: 'company', companyId: 'acme' } },
      rollups.slice(0, 2).map((r) => ({ ...r, group: '-' })),
    );
    expect(own.groups.map((g) => [g.key, g.rfqs])).toEqual([['acme', 5]]);
  });

  it('has no currency and no money figures when nothing was ordered', () => {
    const report = kpiReport({ from: '2026-03-01', to: '2026-03-31', groupBy: 'company', scope: { kind: 'all' } }, [
      rollups[2]!,
    ]);
    expect(report.currency).toBeNull();
    expect(report.groups[0]).toMatchObject({ orderValue: 0, averageDiscountPercent: null });
  });
});
