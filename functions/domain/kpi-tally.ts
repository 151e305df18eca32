import { bucketOf, type Histogram } from './duration-histogram.ts';

/**
 * What one rollup holds: named counts, summed. Every KPI is built from sums — counts per outcome, money per currency,
 * and one count per duration bucket — so merging two tallies is adding them name by name, which is associative and
 * commutative: rollups can be folded in any order, split by day and re-merged by month, and a record's contribution
 * applied as an atomic ADD on a stored item.
 */
export type Tally = Readonly<Record<string, number>>;

export const outcomeCounters = [
  'ordered',
  'declined',
  'expired',
  'rejected',
  'approvalRejected',
  'cancelled',
  'failed',
] as const;
export const counters = ['rfqs', 'quoted', 'accepted', 'approved', ...outcomeCounters] as const;
export type Counter = (typeof counters)[number];

export type Duration = 'timeToQuote' | 'approvalCycle';

/** Money per currency: the value of the orders, the same lines at list price, and how many orders in that currency. */
export type MoneyMeasure = 'orderValue' | 'listValue' | 'orders';

export const moneyName = (measure: MoneyMeasure, currency: string): string => `${measure}:${currency}`;
export const bucketName = (duration: Duration, bucket: number): string => `${duration}:${bucket}`;

export const mergeTallies = (a: Tally, b: Tally): Tally => {
  const merged: Record<string, number> = { ...a };
  for (const [name, value] of Object.entries(b)) merged[name] = (merged[name] ?? 0) + value;
  return merged;
};

export const sumTallies = (tallies: Iterable<Tally>): Tally => {
  let total: Tally = {};
  for (const tally of tallies) total = mergeTallies(total, tally);
  return total;
};

export const count = (tally: Tally, counter: Counter): number => tally[counter] ?? 0;

export const durationSample = (duration: Duration, ms: number): Tally => ({
  [bucketName(duration, bucketOf(Math.max(0, ms)))]: 1,
});

export const histogramIn = (tally: Tally, duration: Duration): Histogram => {
  const histogram: Record<number, number> = {};
  const prefix = `${duration}:`;
  for (const [name, value] of Object.entries(tally)) {
    if (name.startsWith(prefix)) histogram[Number(name.slice(prefix.length))] = value;
  }
  return histogram;
};

/** The currencies a tally holds money in, most orders first. */
export const currenciesIn = (tally: Tally): string[] =>
  Object.entries(tally)
    .filter(([name]) => name.startsWith('orders:'))
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([name]) => name.slice('orders:'.length));

export const money = (tally: Tally, measure: MoneyMeasure, currency: string): number =>
  tally[moneyName(measure, currency)] ?? 0;
