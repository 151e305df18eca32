import { describe, expect, it } from 'vitest';
import type { components } from '../../../web/src/api/openapi.d.ts';
import { lineProblemsOf, reviewEdits } from '../../../web/src/review/review-edits.ts';

type Desk = components['schemas']['ReviewDesk'];
const line = (lineId: string, sku: string, quantity: number, unitPrice: number) =>
  ({ lineId, sku, quantity, unitPrice }) as Desk['lines'][number];
const desk = {
  currency: 'USD',
  lines: [line('L1', 'HAT', 10, 21_50), line('L2', 'GLOVE', 4, 3_00)],
} as Desk;
const typed = {
  prices: { HAT: '21.50', GLOVE: '3.00' },
  quantities: { L1: '10', L2: '4' },
  removed: new Set<string>(),
  added: { sku: '', quantity: '1' },
};

describe('what a rep typed on the review screen, as the changes the API takes', () => {
  it('sends only what changed: a price, a quantity, a removed line, an added product', () => {
    const edits = reviewEdits(
      desk,
      {
        ...typed,
        prices: { HAT: '20.00', GLOVE: '3.00' },
        quantities: { L1: '12', L2: '4' },
        removed: new Set(['L2']),
        added: { sku: 'VEST', quantity: '2' },
      },
      true,
    );
    expect(edits).toEqual({
      adjustments: [{ sku: 'HAT', unitPrice: 20_00 }],
      lines: [
        { lineId: 'L1', quantity: 12 },
        { lineId: 'L2', remove: true },
      ],
      add: [{ sku: 'VEST', quantity: 2 }],
      unreadable: {},
    });
  });

  it('names what it cannot read by SKU, and the added product’s quantity apart', () => {
    const edits = reviewEdits(
      desk,
      { ...typed, prices: { HAT: 'cheap', GLOVE: '3.00' }, added: { sku: 'VEST', quantity: 'two' } },
      true,
    );
    expect(edits.unreadable).toEqual({ HAT: '“cheap” is not a price in USD' });
    expect(edits.addProblem).toContain('“two”');
  });

  it('sends nothing but the decision when it does not edit (a rejection, a discount decision)', () => {
    expect(reviewEdits(desk, { ...typed, prices: { HAT: 'cheap' } }, false)).toEqual({
      adjustments: [],
      lines: [],
      add: [],
      unreadable: {},
    });
  });

  it('marks the lines the API’s problem names by price', () => {
    expect(
      lineProblemsOf({
        errors: [
          { path: 'price:HAT', message: 'below cost' },
          { path: 'comment', message: 'x' },
        ],
      }),
    ).toEqual({
      HAT: 'below cost',
    });
  });
});
