import type { KpiGroup, KpiReport } from '#domain/kpi-report.ts';

/** The CSV export of a KPI report: one row per group, the same numbers as the JSON (money in minor units). */
const columns: [string, (group: KpiGroup) => string | number | null][] = [
  ['key', (g) => g.key],
  ['rfqs', (g) => g.rfqs],
  ['quoted', (g) => g.quoted],
  ['accepted', (g) => g.accepted],
  ['approved', (g) => g.approved],
  ['ordered', (g) => g.ordered],
  ['conversion', (g) => g.conversion],
  ['orderValue', (g) => g.orderValue],
  ['averageOrderValue', (g) => g.averageOrderValue],
  ['timeToQuoteP50Seconds', (g) => g.timeToQuote.p50],
  ['timeToQuoteP90Seconds', (g) => g.timeToQuote.p90],
  ['approvalCycleP50Seconds', (g) => g.approvalCycle.p50],
  ['approvalCycleP90Seconds', (g) => g.approvalCycle.p90],
  ['declined', (g) => g.declined],
  ['expired', (g) => g.expired],
  ['rejected', (g) => g.rejected],
  ['approvalRejected', (g) => g.approvalRejected],
  ['cancelled', (g) => g.cancelled],
  ['failed', (g) => g.failed],
  ['averageDiscountPercent', (g) => g.averageDiscountPercent],
];

/** RFC 4180 quoting, and a leading quote on anything a spreadsheet would run as a formula. */
const cell = (value: string | number | null): string => {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export const kpiCsv = (report: KpiReport): string => {
  const rows = [
    [...columns.map(([name]) => name), 'currency'].join(','),
    ...report.groups.map((group) =>
      [...columns.map(([, value]) => cell(value(group))), cell(report.currency)].join(','),
    ),
  ];
  // Every row ends in CRLF, the last one too (RFC 4180).
  return `${rows.join('\r\n')}\r\n`;
};
