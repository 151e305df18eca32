import { describe, expect, it } from 'vitest';
import { lineProblems, pricesOf, readContractPriceList, rowsOfApiErrors } from '../../../web/src/admin/contract-csv.ts';
import { readTiers, typedTiers } from '../../../web/src/admin/contract-tiers.ts';

describe('a contract price list from a CSV', () => {
  it('makes one price per SKU: a row without minQty is its contract price, the others its tiers by quantity', () => {
    const { lines } = readContractPriceList(
      '\uFEFFSKU,UnitPrice,minQty\nfas-nut-m8,9.10,\nFAS-NUT-M8,"8.50",100\nFAS-NUT-M8,8.90,50\nSAF-HAT,21.5,10\n',
    );
    expect(lineProblems(lines, 'USD')).toEqual([]);
    expect(pricesOf(lines, 'USD')).toEqual([
      {
        sku: 'FAS-NUT-M8',
        unitPrice: 9_10,
        tiers: [
          { minQty: 50, unitPrice: 8_90 },
          { minQty: 100, unitPrice: 8_50 },
        ],
      },
      { sku: 'SAF-HAT', tiers: [{ minQty: 10, unitPrice: 21_50 }] },
    ]);
  });

  it('names each bad row by its file row, field and reason', () => {
    const { lines } = readContractPriceList(
      'sku,minQty,unitPrice\nA-1,,1O.00\nA-1,0,5.00\nnot a sku,,1.00\nA-1,10,4.00\nA-1,10,3.00\nA-1,,2.00\n',
    );
    expect(lineProblems(lines, 'USD')).toEqual([
      { row: 2, sku: 'A-1', field: 'unitPrice', message: '“1O.00” is not a price in USD, like 12.50' },
      { row: 3, sku: 'A-1', field: 'minQty', message: '“0” is not a whole quantity of 1 or more' },
      { row: 4, sku: 'NOT A SKU', field: 'sku', message: '“NOT A SKU” is not a SKU (letters, digits, . _ -)' },
      { row: 6, sku: 'A-1', field: 'minQty', message: 'a second tier from 10 for A-1 (row 5)' },
    ]);
  });

  it('refuses a file whose header lacks a column, or that has no rows', () => {
    expect(readContractPriceList('sku,minQty\nA,1\n').problem).toBe('The header names no unitPrice column.');
    expect(readContractPriceList('sku,unitPrice\n').problem).toBe('The file has no rows under its header.');
  });

  it('shows the API’s field errors on the rows of the SKU they name', () => {
    const { lines } = readContractPriceList('sku,minQty,unitPrice\nA,,1.00\nB,10,2.00\nB,20,3.00\n');
    const prices = pricesOf(lines, 'USD');
    expect(
      rowsOfApiErrors(
        [{ path: 'prices.1.tiers', message: 'a larger quantity must never get a higher unit price' }],
        prices,
        lines,
      ),
    ).toEqual([
      { row: 3, sku: 'B', field: 'minQty', message: 'a larger quantity must never get a higher unit price' },
      { row: 4, sku: 'B', field: 'minQty', message: 'a larger quantity must never get a higher unit price' },
    ]);
    expect(rowsOfApiErrors([{ path: 'validTo', message: 'before validFrom' }], prices, lines)).toEqual([]);
  });
});

describe('tiers typed in the price editor', () => {
  it('read back what they show, one a line or separated by semicolons, thousands grouped', () => {
    const tiers = [
      { minQty: 50, unitPrice: 1_234_50 },
      { minQty: 200, unitPrice: 14_20 },
    ];
    expect(readTiers(typedTiers(tiers, 'USD'), 'USD')).toEqual({ tiers });
    expect(readTiers('200: 14.20; 50: 1,234.50', 'USD')).toEqual({ tiers });
    expect(readTiers('', 'USD')).toEqual({ tiers: [] });
    expect(readTiers('50 15.50', 'USD')).toEqual({
      problem: '“50 15.50” is not a tier: type quantity and price, like 50: 15.50',
    });
  });
});
