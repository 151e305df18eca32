import * as z from 'zod';
import { lastDayOfMonth, nextMonth, previousMonth } from './calendar.ts';
import { bandCounts, durationBandEdges, percentile } from './duration-histogram.ts';
import { type Grouping, type Scope, scopes } from './kpi-rollup.ts';
import { count, currenciesIn, histogramIn, money, sumTallies, type Tally } from './kpi-tally.ts';

/**
 * From rollups to the numbers `GET /kpis` answers. A date range is read as whole months where it covers them and as
 * days at its ragged ends, so a year costs about twelve rollups per group rather than 365.
 */

export type KpiGroupBy = 'rep' | 'company' | 'product' | 'month';

/** Whose numbers: everyone's, one rep's accounts, one company's. */
export type KpiScope = { kind: 'all' } | { kind: 'rep'; repEmail: string } | { kind: 'company'; companyId: string };

export const scopeKey = (scope: KpiScope): Scope =>
  scope.kind === 'all'
    ? scopes.all
    : scope.kind === 'rep'
      ? scopes.rep(scope.repEmail)
      : scopes.company(scope.companyId);

/** Which stored grouping answers a `groupBy` in a scope: a rep's own numbers by rep are simply their total. */
export const groupingFor = (scope: KpiScope, groupBy: KpiGroupBy): Grouping =>
  groupBy === 'month' ||
  (groupBy === 'rep' && scope.kind === 'rep') ||
  (groupBy === 'company' && scope.kind === 'company')
    ? 'total'
    : groupBy;

/** A run of periods to read at one resolution: `from` to `to` inclusive, both days or both months. */
export interface PeriodRange {
  resolution: 'day' | 'month';
  from: string;
  to: string;
}

/** The fewest rollup ranges covering [from, to] (UTC days, inclusive): whole months as months, the rest as days. */
export const periodRanges = (from: string, to: string): PeriodRange[] => {
  if (from > to) return [];
  const fromMonth = from.slice(0, 7);
  const toMonth = to.slice(0, 7);
  const firstWhole = from.endsWith('-01') ? fromMonth : nextMonth(fromMonth);
  const lastWhole = to === lastDayOfMonth(toMonth) ? toMonth : previousMonth(toMonth);
  if (firstWhole > lastWhole) {
    if (fromMonth === toMonth) return [{ resolution: 'day', from, to }];
    return [
      { resolution: 'day', from, to: lastDayOfMonth(fromMonth) },
      { resolution: 'day', from: `${toMonth}-01`, to },
    ];
  }
  return [
    ...(firstWhole !== fromMonth ? [{ resolution: 'day' as const, from, to: lastDayOfMonth(fromMonth) }] : []),
    { resolution: 'month', from: firstWhole, to: lastWhole },
    ...(lastWhole !== toMonth ? [{ resolution: 'day' as const, from: `${toMonth}-01`, to }] : []),
  ];
};

/** One rollup as read back. */
export interface StoredRollup {
  group: string;
  period: string;
  tally: Tally;
}

const percentilesSchema = z.object({
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  bands: z
    .array(z.number().int())
    .describe("How many durations fall in each of the report's durationBands, the last open-ended"),
});
export type Percentiles = z.infer<typeof percentilesSchema>;

const kpiGroupSchema = z.object({
  key: z.string(),
  rfqs: z.number().int(),
  quoted: z.number().int(),
  accepted: z.number().int(),
  approved: z.number().int(),
  ordered: z.number().int(),
  conversion: z.number().nullable().describe('ordered ÷ quoted, 0–1 with four decimals; null when nothing was quoted'),
  orderValue: z.number().int(),
  averageOrderValue: z.number().int().nullable(),
  timeToQuote: percentilesSchema,
  approvalCycle: percentilesSchema,
  declined: z.number().int(),
  expired: z.number().int(),
  rejected: z.number().int(),
  approvalRejected: z.number().int(),
  cancelled: z.number().int(),
  failed: z.number().int(),
  averageDiscountPercent: z
    .number()
    .nullable()
    .describe(
      '(list value − order value) ÷ list value of the orders, in percent with two decimals; null without orders',
    ),
});
export type KpiGroup = z.infer<typeof kpiGroupSchema>;

/** What `GET /kpis` answers as JSON (its CSV is the same rows). */
export const kpiReportSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  currency: z.string().nullable(),
  durationBands: z
    .array(z.number())
    .describe(
      'The upper bounds, in seconds, of the bands durations are counted in; one more band holds everything longer',
    ),
  groups: z.array(kpiGroupSchema),
});
export type KpiReport = z.infer<typeof kpiReportSchema>;

const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Seconds, to the millisecond, of a histogram percentile (kept in ms). */
const seconds = (ms: number | undefined): number | null => (ms === undefined ? null : round(ms / 1000, 3));

const percentilesOf = (tally: Tally, duration: 'timeToQuote' | 'approvalCycle'): Percentiles => {
  const histogram = histogramIn(tally, duration);
  return {
    p50: seconds(percentile(histogram, 0.5)),
    p90: seconds(percentile(histogram, 0.9)),
    bands: bandCounts(histogram),
  };
};

export const kpiGroup = (key: string, tally: Tally, currency: string | null): KpiGroup => {
  const quoted = count(tally, 'quoted');
  const ordered = count(tally, 'ordered');
  const orderValue = currency ? money(tally, 'orderValue', currency) : 0;
  const listValue = currency ? money(tally, 'listValue', currency) : 0;
  const orders = currency ? money(tally, 'orders', currency) : 0;
  return {
    key,
    rfqs: count(tally, 'rfqs'),
    quoted,
    accepted: count(tally, 'accepted'),
    approved: count(tally, 'approved'),
    ordered,
    conversion: quoted === 0 ? null : round(ordered / quoted, 4),
    orderValue,
    averageOrderValue: orders === 0 ? null : Math.round(orderValue / orders),
    timeToQuote: percentilesOf(tally, 'timeToQuote'),
    approvalCycle: percentilesOf(tally, 'approvalCycle'),
    declined: count(tally, 'declined'),
    expired: count(tally, 'expired'),
    rejected: count(tally, 'rejected'),
    approvalRejected: count(tally, 'approvalRejected'),
    cancelled: count(tally, 'cancelled'),
    failed: count(tally, 'failed'),
    averageDiscountPercent: listValue === 0 ? null : round(((listValue - orderValue) / listValue) * 100, 2),
  };
};

/**
 * The report: rollups summed per group (per month for `month`), money in `currency` — by default the currency with
 * the most orders in the range. Groups are ordered by order value, then RFQs, then key; months chronologically.
 */
export const kpiReport = (
  request: { from: string; to: string; groupBy: KpiGroupBy; scope: KpiScope; currency?: string | undefined },
  rollups: readonly StoredRollup[],
): KpiReport => {
  const { scope, groupBy } = request;
  const ownKey = scope.kind === 'rep' ? scope.repEmail.toLowerCase() : scope.kind === 'company' ? scope.companyId : '-';
  const label = (rollup: StoredRollup): string => {
    if (groupBy === 'month') return rollup.period.slice(0, 7);
    return groupingFor(scope, groupBy) === 'total' ? ownKey : rollup.group;
  };
  const byGroup = new Map<string, Tally[]>();
  for (const rollup of rollups) {
    const key = label(rollup);
    const tallies = byGroup.get(key) ?? [];
    tallies.push(rollup.tally);
    byGroup.set(key, tallies);
  }
  const totals = [...byGroup].map(([key, tallies]) => [key, sumTallies(tallies)] as const);
  const currency = request.currency ?? currenciesIn(sumTallies(totals.map(([, tally]) => tally)))[0] ?? null;
  const groups = totals.map(([key, tally]) => kpiGroup(key, tally, currency));
  groups.sort((a, b) =>
    groupBy === 'month'
      ? a.key.localeCompare(b.key)
      : b.orderValue - a.orderValue || b.rfqs - a.rfqs || a.key.localeCompare(b.key),
  );
  return {
    from: request.from,
    to: request.to,
    currency,
    durationBands: durationBandEdges.map((ms) => ms / 1000),
    groups,
  };
};
