/** What a benchmark hands back: tables to print, targets judged, and the raw numbers for results.json. */
export interface Table {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  notes?: string[];
}

export interface TargetCheck {
  target: string;
  measured: string;
  pass: boolean;
}

export interface BenchResult {
  name: string;
  tables: Table[];
  targets: TargetCheck[];
  data: Record<string, unknown>;
}

const isNumeric = (cell: string): boolean => /^[-$≈~]?[\d.,]+(\s?[a-zA-Z%×µ]+)?$/.test(cell);

/** A plain-text table: numbers right-aligned, everything else left-aligned, notes beneath. */
export const renderTable = (table: Table): string => {
  const cells = [table.columns, ...table.rows.map((row) => row.map(String))];
  const widths = table.columns.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (isNumeric(cell) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [
    `▸ ${table.title}`,
    line(table.columns),
    rule,
    ...cells.slice(1).map(line),
    ...(table.notes ?? []).map((note) => `  · ${note}`),
  ].join('\n');
};

export const renderTargets = (checks: readonly TargetCheck[]): string =>
  renderTable({
    title: 'Targets',
    columns: ['', 'target', 'measured'],
    rows: checks.map((c) => [c.pass ? 'PASS' : 'MISS', c.target, c.measured]),
  });
