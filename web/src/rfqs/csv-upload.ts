import Papa from 'papaparse';
import { t } from '../i18n/language.ts';
import { aLine, type DraftLine, maxLines } from './draft-lines.ts';

/**
 * A CSV of RFQ lines: a header naming `sku` and `quantity` (or `qty`) columns in any order, or no header and those two
 * columns first. Loaded only when a buyer picks a file, so papaparse is not in the app's first download.
 */
export interface CsvLines {
  lines: DraftLine[];
  /** Problems with the file as a whole (no SKU column, too many lines); line problems are the lines' own. */
  problems: string[];
}

const column = (header: string[], ...names: string[]) =>
  header.findIndex((h) => names.includes(h.trim().toLowerCase()));

export const linesFromCsv = (text: string): CsvLines => {
  const { data } = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const rows = data.filter((row) => row.some((cell) => cell.trim()));
  const header = rows[0]?.map((h) => h.trim().toLowerCase()) ?? [];
  const hasHeader = header.includes('sku');
  const skuAt = hasHeader ? column(header, 'sku') : 0;
  const quantityAt = hasHeader ? column(header, 'quantity', 'qty') : 1;
  const body = hasHeader ? rows.slice(1) : rows;
  const problems: string[] = [];
  if (rows.length === 0) problems.push(t('draft.csv.noLines'));
  if (hasHeader && quantityAt < 0) problems.push(t('draft.csv.noQuantity'));
  if (body.length > maxLines) problems.push(t('draft.csv.tooMany', { count: body.length, max: maxLines }));
  if (problems.length) return { lines: [], problems };
  return { lines: body.map((row) => aLine(row[skuAt] ?? '', row[quantityAt] ?? '')), problems };
};
