import { describe, expect, it } from 'vitest';
import { draftEstimate } from '../../../web/src/rfqs/draft-estimate.ts';
import { aLine } from '../../../web/src/rfqs/draft-lines.ts';

const item = (yourPrice: number, tiers: { minQty: number; unitPrice: number }[] = []) => ({ yourPrice, tiers });
const known = new Map([
  ['HAT', item(21_50, [{ minQty: 25, unitPrice: 20_00 }])],
  ['GLOVE', item(3_00)],
]);

describe('the draft estimate, priced as the server prices the request', () => {
  it('merges the lines of one SKU, so together they reach the tier neither reaches alone', () => {
    const estimate = draftEstimate([aLine('HAT', 20), aLine('GLOVE', 2), aLine('HAT', 10)], known);
    expect(estimate.priceOf('HAT')).toEqual({ unitPrice: 20_00, tierFrom: 25 });
    expect(estimate.total).toBe(30 * 20_00 + 2 * 3_00);
  });

  it('leaves out lines it cannot price yet: an unknown SKU, a quantity that is not one', () => {
    const estimate = draftEstimate([aLine('NOPE', 3), aLine('GLOVE', 'x'), aLine('GLOVE', 1)], known);
    expect(estimate.priceOf('NOPE')).toBeUndefined();
    expect(estimate.total).toBe(3_00);
  });
});
