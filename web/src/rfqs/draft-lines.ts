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

/** What is wrong with a line, for the page to say in the person's language (draft-line-words.ts). */
export type LineProblemKind = 'sku-missing' | 'sku-form' | 'sku-unknown' | 'quantity-missing' | 'quantity-form';

export interface LineProblem {
  lineId: string;
  field: LineField;
  kind: LineProblemKind;
  /** What the line holds in that field, as typed. */
  value: string;
}

export const maxLines = 1000;
export const maxQuantity = 1_000_000;
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
    const sku = { lineId: line.id, field: 'sku', value: line.sku } as const;
    if (!skuPattern.test(line.sku)) problems.push({ ...sku, kind: line.sku ? 'sku-form' : 'sku-missing' });
    else if (catalog.checked.has(line.sku) && !catalog.known.has(line.sku))
      problems.push({ ...sku, kind: 'sku-unknown' });
    if (quantityOf(line.quantity) === undefined)
      problems.push({
        lineId: line.id,
        field: 'quantity',
        value: line.quantity,
        kind: line.quantity ? 'quantity-form' : 'quantity-missing',
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
