/**
 * The lines of an RFQ being drafted, as typed: a quantity stays text until it is valid, so a bad line can be shown
 * and fixed in place instead of being dropped. Pure: the page, the CSV upload and the benchmark share it.
 */
export interface DraftLine {
  /** Stable for the line's life in the draft (a key for the list, an anchor for its problem). */
  id: string;
  sku: string;
  quantity: string;
}

export type LineField = 'sku' | 'quantity';

export interface LineProblem {
  lineId: string;
  field: LineField;
  message: string;
}

export const maxLines = 1000;
const maxQuantity = 1_000_000;
const skuPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

let made = 0;
export const newLineId = (): string => `l${Date.now().toString(36)}${(made++).toString(36)}`;

export const aLine = (sku: string, quantity: string | number): DraftLine => ({
  id: newLineId(),
  sku: sku.trim(),
  quantity: String(quantity).trim(),
});

export const quantityOf = (text: string): number | undefined => {
  if (!/^\d{1,7}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= maxQuantity ? n : undefined;
};

/**
 * What is wrong with each line: its form (a SKU's characters, a whole quantity from 1), and — once the catalog has
 * answered for its SKU — whether the catalog sells it. `known` holds the SKUs the catalog knows; `checked` the ones it
 * was asked about (a SKU not asked yet is not called unknown).
 */
export const lineProblems = (
  lines: readonly DraftLine[],
  catalog: { known: { has(sku: string): boolean }; checked: ReadonlySet<string> },
): LineProblem[] =>
  lines.flatMap((line): LineProblem[] => {
    const problems: LineProblem[] = [];
    if (!skuPattern.test(line.sku))
      problems.push({
        lineId: line.id,
        field: 'sku',
        message: line.sku ? `“${line.sku}” is not a SKU` : 'the SKU is missing',
      });
    else if (catalog.checked.has(line.sku) && !catalog.known.has(line.sku))
      problems.push({ lineId: line.id, field: 'sku', message: `${line.sku} is not in the catalog` });
    if (quantityOf(line.quantity) === undefined)
      problems.push({
        lineId: line.id,
        field: 'quantity',
        message: line.quantity
          ? `quantity “${line.quantity}” is not a whole number from 1 to ${maxQuantity.toLocaleString()}`
          : 'the quantity is missing',
      });
    return problems;
  });

/**
 * The quick-order pad: one line per row, "SKU quantity" separated by a comma, tab, semicolon or spaces (what a
 * spreadsheet copy or a typed list gives).
 */
export const linesFromPad = (text: string): DraftLine[] =>
  text
    .split(/\r?\n/)
    .map((row) => row.trim())
    .filter(Boolean)
    .map((row) => {
      const [sku = '', quantity = ''] = row.split(/[\s,;]+/);
      return aLine(sku, quantity);
    });
