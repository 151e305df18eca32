import Papa from 'papaparse';
import type { components } from '../api/openapi.d.ts';
import { minorUnitsOf } from '../ui/money-input.ts';
import type { RowProblem } from '../ui/row-problem.ts';

type ContractPrice = components['schemas']['Contract']['prices'][number];

/** One data row of a contract price list as typed (1-based file row): a SKU's price, or one of its tiers. */
export interface PriceListLine {
  row: number;
  sku: string;
  minQty: string;
  unitPrice: string;
}

export type PriceListField = 'sku' | 'minQty' | 'unitPrice';

const skuPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * A contract price list (header: sku, minQty, unitPrice — any order, any case; prices in major units, "12.50"). A row
 * without minQty is the SKU's contract price; a row with one is a volume tier "from minQty on". Only a file whose
 * header lacks a column is refused whole; each row's own problems are found by `lineProblems`.
 */
export const readContractPriceList = (text: string): { lines: PriceListLine[]; problem?: string } => {
  const { data } = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header = [], ...body] = data;
  const at = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const columns = { sku: at('sku'), minQty: at('minQty'), unitPrice: at('unitPrice') };
  const missing = Object.entries(columns).filter(([name, i]) => i < 0 && name !== 'minQty');
  if (missing.length > 0)
    return { lines: [], problem: `The header names no ${missing.map(([name]) => name).join(', ')} column.` };
  const lines = body.map((cells, i) => {
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : '');
    return {
      row: i + 2,
      sku: cell(columns.sku).toUpperCase(),
      minQty: cell(columns.minQty),
      unitPrice: cell(columns.unitPrice),
    };
  });
  return lines.length === 0 ? { lines, problem: 'The file has no rows under its header.' } : { lines };
};

const wholeNumber = (typed: string): number | undefined => (/^\d{1,9}$/.test(typed) ? Number(typed) : undefined);

/** Every row that cannot become part of a contract as it stands, with the field and the reason. */
export const lineProblems = (lines: readonly PriceListLine[], currency: string): RowProblem[] => {
  const seen = new Map<string, number>();
  return lines.flatMap((line): RowProblem[] => {
    const at = { row: line.row, sku: line.sku };
    if (!skuPattern.test(line.sku))
      return [{ ...at, field: 'sku', message: `“${line.sku}” is not a SKU (letters, digits, . _ -)` }];
    if (minorUnitsOf(line.unitPrice, currency) === undefined)
      return [{ ...at, field: 'unitPrice', message: `“${line.unitPrice}” is not a price in ${currency}, like 12.50` }];
    if (line.minQty !== '' && !(wholeNumber(line.minQty)! >= 1))
      return [{ ...at, field: 'minQty', message: `“${line.minQty}” is not a whole quantity of 1 or more` }];
    const key = `${line.sku}|${line.minQty === '' ? '' : wholeNumber(line.minQty)}`;
    const first = seen.get(key);
    if (first !== undefined)
      return [
        {
          ...at,
          field: 'minQty',
          message:
            line.minQty === ''
              ? `a second price for ${line.sku} (row ${first})`
              : `a second tier from ${line.minQty} for ${line.sku} (row ${first})`,
        },
      ];
    seen.set(key, line.row);
    return [];
  });
};

/** The contract's prices the rows make, one entry per SKU in the order first named; tiers by quantity. */
export const pricesOf = (lines: readonly PriceListLine[], currency: string): ContractPrice[] => {
  const bySku = new Map<string, ContractPrice>();
  for (const line of lines) {
    const unitPrice = minorUnitsOf(line.unitPrice, currency) ?? 0;
    const price = bySku.get(line.sku) ?? { sku: line.sku };
    if (line.minQty === '') price.unitPrice = unitPrice;
    else price.tiers = [...(price.tiers ?? []), { minQty: Number(line.minQty), unitPrice }];
    bySku.set(line.sku, price);
  }
  return [...bySku.values()].map((p) =>
    p.tiers ? { ...p, tiers: [...p.tiers].sort((a, b) => a.minQty - b.minQty) } : p,
  );
};

/**
 * The API's field errors on a saved price list (`prices.12.tiers`) as the file rows that made that SKU's price, so
 * a problem the API finds is shown on the rows as a problem the page found would be.
 */
export const rowsOfApiErrors = (
  errors: readonly { path: string; message: string }[],
  prices: readonly ContractPrice[],
  lines: readonly PriceListLine[],
): RowProblem[] =>
  errors.flatMap((error) => {
    const match = /^prices\.(\d+)(?:\.(.+))?$/.exec(error.path);
    const sku = match ? prices[Number(match[1])]?.sku : undefined;
    if (!sku) return [];
    const field = match?.[2]?.startsWith('tiers') ? 'minQty' : (match?.[2] ?? 'sku');
    return lines.filter((l) => l.sku === sku).map((l) => ({ row: l.row, sku, field, message: error.message }));
  });
