import { describe, expect, it } from 'vitest';
import { mergedBySku } from '#domain/merged-lines.ts';
import { checkedLines } from '#domain/request-lines.ts';
import { aProduct } from '../builders/product.ts';

const products = new Map(
  [aProduct('FAS-HCS-M8-50').build(), aProduct('GLOVE-L').build(), aProduct('OLD-1').inactive().build()].map((p) => [
    p.sku,
    p,
  ]),
);

describe('the lines of a submitted request', () => {
  it('finds catalog skus whatever their case', () => {
    for (const typed of ['fas-hcs-m8-50', 'Fas-Hcs-M8-50', 'FAS-hcs-M8-50'])
      expect(checkedLines([{ sku: typed, quantity: 2 }], products), typed).toEqual({
        ok: true,
        lines: [{ sku: 'FAS-HCS-M8-50', quantity: 2 }],
      });
  });

  it('merges lines of one sku in first-seen order, keeping the first target price', () => {
    const checked = checkedLines(
      [
        { sku: 'FAS-HCS-M8-50', quantity: 5 },
        { sku: 'GLOVE-L', quantity: 1, targetUnitPrice: 3_00 },
        { sku: 'fas-hcs-m8-50', quantity: 7, targetUnitPrice: 9_00 },
        { sku: 'GLOVE-L', quantity: 2, targetUnitPrice: 2_00 },
      ],
      products,
    );
    expect(checked).toEqual({
      ok: true,
      lines: [
        { sku: 'FAS-HCS-M8-50', quantity: 12, targetUnitPrice: 9_00 },
        { sku: 'GLOVE-L', quantity: 3, targetUnitPrice: 3_00 },
      ],
    });
  });

  it('refuses unknown and inactive skus naming each line, unless the line describes a custom item', () => {
    expect(
      checkedLines(
        [
          { sku: 'NOPE-123', quantity: 1 },
          { sku: 'GLOVE-L', quantity: 1 },
          { sku: 'OLD-1', quantity: 1 },
          { sku: 'MY-PART', quantity: 1, description: 'Bracket to drawing 7' },
        ],
        products,
      ),
    ).toEqual({
      ok: false,
      errors: [
        { path: 'lines.0.sku', message: expect.stringContaining('no product NOPE-123') },
        { path: 'lines.2.sku', message: expect.stringContaining('OLD-1 is no longer sold') },
      ],
    });
    expect(checkedLines([{ sku: 'MY-PART', quantity: 1, description: 'Bracket' }], products)).toEqual({
      ok: true,
      lines: [{ sku: 'MY-PART', quantity: 1, description: 'Bracket' }],
    });
  });

  it('keeps every quantity when merging, whatever the lines, and a line with no merge key apart', () => {
    const merged = mergedBySku(
      [
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 1 },
        { sku: 'A', quantity: 3 },
        { sku: 'A', quantity: 4, custom: true },
      ],
      (line) => (line.custom ? undefined : line.sku),
    );
    expect(merged).toEqual([
      { sku: 'A', quantity: 5 },
      { sku: 'B', quantity: 1 },
      { sku: 'A', quantity: 4, custom: true },
    ]);
  });
});
