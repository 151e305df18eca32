import Papa from 'papaparse';
import type { Schemas } from '../api/client.ts';
import { minorUnitsOf } from '../ui/money-input.ts';

type Product = Schemas['Product'];

/** One row of a price list: the product it would save, or what could not be read in it (by its 1-based row). */
export type PriceListRow = { row: number; sku: string } & ({ product: Product } | { problem: string });

const columns = ['sku', 'name', 'unit', 'listprice', 'currency', 'cost', 'category', 'active'] as const;
const yes = new Set(['', 'true', 'yes', 'y', '1', 'active']);
const no = new Set(['false', 'no', 'n', '0', 'inactive']);

/**
 * A price-list CSV (header: sku, name, unit, listPrice, currency, cost, category, active — any order, any case;
 * prices in major units, "12.50") read into products to PUT, one per row. Only what cannot be read as a product's
 * shape is a problem here; whether the product is acceptable is the API's answer to each row.
 */
export const readPriceList = (text: string): { rows: PriceListRow[]; problems: string[] } => {
  const { data } = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header = [], ...body] = data;
  const at = Object.fromEntries(columns.map((c) => [c, header.findIndex((h) => h.trim().toLowerCase() === c)]));
  const missing = ['sku', 'name', 'unit', 'listprice', 'currency'].filter((c) => at[c]! < 0);
  if (missing.length > 0) return { rows: [], problems: [`The header names no ${missing.join(', ')} column.`] };
  const rows = body.map((cells, i): PriceListRow => {
    const cell = (c: (typeof columns)[number]) => (at[c]! >= 0 ? (cells[at[c]!] ?? '').trim() : '');
    const row = i + 2;
    const sku = cell('sku');
    const currency = cell('currency').toUpperCase();
    const listPrice = minorUnitsOf(cell('listprice'), currency || 'USD');
    const cost = cell('cost') === '' ? undefined : minorUnitsOf(cell('cost'), currency || 'USD');
    const active = cell('active').toLowerCase();
    if (listPrice === undefined) return { row, sku, problem: `listPrice: “${cell('listprice')}” is not a price` };
    if (cost === undefined && cell('cost') !== '')
      return { row, sku, problem: `cost: “${cell('cost')}” is not a price` };
    if (!yes.has(active) && !no.has(active))
      return { row, sku, problem: `active: “${cell('active')}” is not yes or no` };
    return {
      row,
      sku,
      product: {
        sku,
        name: cell('name'),
        unit: cell('unit'),
        listPrice,
        currency,
        ...(cost !== undefined && { cost }),
        ...(cell('category') && { category: cell('category') }),
        active: yes.has(active),
      },
    };
  });
  return { rows, problems: rows.length === 0 ? ['The file has no rows under its header.'] : [] };
};
