import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Whether a quote adds up as a person checks it: the amounts shown as line totals sum to the amount shown as the
 * total — on every surface (app, email, link page, PDF), read from what the surface shows, not from the API.
 */
const minorUnits = (shown: string): number => {
  const amount = /(-|−)?\$([\d,]+)\.(\d{2})/.exec(shown);
  if (!amount) throw new Error(`no dollar amount in “${shown}”`);
  const cents = Number(amount[2]!.replaceAll(',', '')) * 100 + Number(amount[3]);
  return amount[1] ? -cents : cents;
};

export const expectLinesSumToTotal = (
  surface: string,
  shown: { lineTotals: readonly string[]; total: string; between?: readonly string[] },
): void => {
  // A line still without a price shows no amount and counts in neither.
  const lines = shown.lineTotals.filter((t) => /\$\d/.test(t)).map(minorUnits);
  expect(lines.length, `${surface}: priced lines shown`).toBeGreaterThan(0);
  expect(
    lines.reduce((a, b) => a + b, 0),
    `${surface}: the lines sum to the total`,
  ).toBe(minorUnits(shown.total));
  // Nothing but the total stands between the lines and it: no "subtotal at list prices" row the lines do not sum to.
  expect(shown.between ?? [], `${surface}: rows under the lines`).toEqual([]);
};

/** The line totals and total of a quote table as the browser shows it: each body row's last cell; the footer's rows. */
export const shownQuoteTable = async (table: Locator) =>
  table.evaluate((element) => {
    const t = element as unknown as {
      tBodies: { rows: { cells: { textContent: string | null }[] }[] }[];
      tFoot: { rows: { cells: { textContent: string | null }[] }[] } | null;
    };
    const last = (row: { cells: { textContent: string | null }[] }) =>
      row.cells[row.cells.length - 1]?.textContent ?? '';
    const first = (row: { cells: { textContent: string | null }[] }) => row.cells[0]?.textContent?.trim() ?? '';
    const foot = t.tFoot ? [...t.tFoot.rows] : [];
    return {
      lineTotals: [...t.tBodies[0]!.rows].map(last),
      total: foot.length ? last(foot.at(-1)!) : '',
      between: foot.slice(0, -1).map(first),
    };
  });

/**
 * The line totals and total of a quote PDF read back as text lines (test/pdf/read-pdf.ts): each product row ends in its
 * unit price and line total; the total is the line that starts "Total"; any other amount between them is a row the
 * lines would have to sum to.
 */
export const shownPdfQuote = (lines: readonly string[]) => {
  const totalAt = lines.findIndex((l) => /^Total \$/.test(l));
  const rows = lines.slice(0, totalAt).filter((l) => /\$[\d,]+\.\d{2} \$[\d,]+\.\d{2}$/.test(l));
  const lastRow = lines.indexOf(rows.at(-1) ?? '');
  return {
    lineTotals: rows.map((l) => l.slice(l.lastIndexOf('$'))),
    total: lines[totalAt] ?? '',
    between: lines.slice(lastRow + 1, totalAt).filter((l) => l.includes('$')),
  };
};
