import type { components } from '../api/openapi.d.ts';

export type KpiReport = components['schemas']['KpiReport'];
export type KpiGroup = KpiReport['groups'][number];

/** The counts of a report's groups added up: counts and band counts sum; percentiles and ratios do not, so none here. */
export interface KpiTotals {
  rfqs: number;
  quoted: number;
  accepted: number;
  approved: number;
  ordered: number;
  orderValue: number;
  outcomes: Record<Outcome, number>;
  timeToQuote: number[];
  approvalCycle: number[];
}

export const outcomes = [
  'ordered',
  'declined',
  'expired',
  'rejected',
  'approvalRejected',
  'cancelled',
  'failed',
] as const;
export type Outcome = (typeof outcomes)[number];

const addBands = (into: number[], bands: readonly number[]): number[] => bands.map((n, i) => (into[i] ?? 0) + n);

export const kpiTotals = (report: KpiReport): KpiTotals => {
  const empty: KpiTotals = {
    rfqs: 0,
    quoted: 0,
    accepted: 0,
    approved: 0,
    ordered: 0,
    orderValue: 0,
    outcomes: Object.fromEntries(outcomes.map((o) => [o, 0])) as Record<Outcome, number>,
    timeToQuote: report.durationBands.map(() => 0).concat(0),
    approvalCycle: report.durationBands.map(() => 0).concat(0),
  };
  return report.groups.reduce<KpiTotals>(
    (total, group) => ({
      rfqs: total.rfqs + group.rfqs,
      quoted: total.quoted + group.quoted,
      accepted: total.accepted + group.accepted,
      approved: total.approved + group.approved,
      ordered: total.ordered + group.ordered,
      orderValue: total.orderValue + group.orderValue,
      outcomes: Object.fromEntries(outcomes.map((o) => [o, total.outcomes[o] + group[o]])) as Record<Outcome, number>,
      timeToQuote: addBands(total.timeToQuote, group.timeToQuote.bands),
      approvalCycle: addBands(total.approvalCycle, group.approvalCycle.bands),
    }),
    empty,
  );
};

/**
 * The labels of a report's duration bands: "Within 1 hour", "1–4 hours", "8 hours–1 day", …, "Over 7 days", and their
 * short forms for a chart's axis ("<1h", "1–4h", "8h–1d", ">7d").
 */
export const bandLabels = (edgesSeconds: readonly number[]): { label: string; axisLabel: string }[] => {
  const inUnit = (seconds: number) =>
    seconds % 86_400 === 0 ? { n: seconds / 86_400, unit: 'day' } : { n: seconds / 3600, unit: 'hour' };
  const span = (seconds: number) => {
    const { n, unit } = inUnit(seconds);
    return `${n} ${unit}${n === 1 ? '' : 's'}`;
  };
  const short = (seconds: number) => {
    const { n, unit } = inUnit(seconds);
    return `${n}${unit[0]}`;
  };
  return [
    ...edgesSeconds.map((edge, i) => {
      const previous = edgesSeconds[i - 1];
      if (previous === undefined) return { label: `Within ${span(edge)}`, axisLabel: `<${short(edge)}` };
      const from = inUnit(previous);
      return from.unit === inUnit(edge).unit
        ? { label: `${from.n}–${span(edge)}`, axisLabel: `${from.n}–${short(edge)}` }
        : { label: `${span(previous)}–${span(edge)}`, axisLabel: `${short(previous)}–${short(edge)}` };
    }),
    { label: `Over ${span(edgesSeconds.at(-1) ?? 0)}`, axisLabel: `>${short(edgesSeconds.at(-1) ?? 0)}` },
  ];
};
