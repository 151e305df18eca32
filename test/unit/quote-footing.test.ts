import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '#domain/money-format.ts';
import { quoteFooting } from '#domain/quote-footing.ts';
import { quoteTotals } from '#domain/quote-totals.ts';
import type { QuoteLine } from '#domain/rfq.ts';
import { reverseChargeNote, type TaxRate } from '#domain/tax.ts';

const usd = (minor: number) => formatMoney(minor, 'USD');
const moms: TaxRate = { country: 'SE', taxClass: 'standard', rate: 25, label: 'Moms' };

const line = (listPrice: number | null, unitPrice: number | null, quantity: number): QuoteLine => ({
  lineId: `l${quantity}`,
  sku: 'SKU',
  name: 'Thing',
  unit: 'each',
  quantity,
  listPrice,
  contractPrice: unitPrice,
  unitPrice,
  lineTotal: unitPrice === null ? null : unitPrice * quantity,
  priceSource: 'list',
});

describe('what goes under a quote’s lines', () => {
  it('is the total the lines sum to, and the saving against list prices as a note', () => {
    expect(quoteFooting({ total: 10_665_25, discountTotal: 585_75 }, usd)).toEqual({
      above: [],
      label: 'Total',
      total: '$10,665.25',
      saving: 'You save $585.75 against list prices',
    });
  });

  it('has no note when the quote is not below list prices', () => {
    expect(quoteFooting({ total: 100_00, discountTotal: 0 }, usd)).toEqual({
      above: [],
      label: 'Total',
      total: '$100.00',
    });
    expect(quoteFooting({ total: 120_00, discountTotal: -20_00 }, usd).saving).toBeUndefined();
  });

  it('shows as total exactly the sum of the priced line totals, whatever the prices', () => {
    const lines = fc.array(
      fc
        .tuple(fc.option(fc.integer({ min: 1, max: 1_000_000 })), fc.option(fc.integer({ min: 1, max: 1_000_000 })))
        .chain(([list, unit]) => fc.integer({ min: 1, max: 1_000 }).map((q) => line(list, unit, q))),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(lines, (quoteLines) => {
        const totals = quoteTotals(quoteLines);
        const shown = quoteFooting(totals, usd);
        const summed = quoteLines.reduce((sum, l) => sum + (l.lineTotal ?? 0), 0);
        expect(shown.total).toBe(usd(summed));
      }),
    );
  });

  it('shows a taxed quote’s net total, a row per tax and the total with tax in bold', () => {
    const sek = (minor: number) => formatMoney(minor, 'SEK');
    const lines = [line(null, 995_00, 1)];
    const basis = { homeCountry: 'SE', shipToCountry: 'SE', rates: [moms] };
    expect(quoteFooting(quoteTotals(lines, basis), sek)).toEqual({
      above: [
        { label: 'Total before tax', amount: sek(995_00) },
        { label: 'Moms 25 %', amount: sek(248_75) },
      ],
      label: 'Total with tax',
      total: sek(1_243_75),
    });
  });

  it('says why a reverse-charged quote carries no tax, under its total', () => {
    const basis = { homeCountry: 'SE', shipToCountry: 'DE', rates: [], taxId: 'DE123456789' };
    expect(quoteFooting(quoteTotals([line(null, 500_00, 1)], basis), usd)).toMatchObject({
      above: [],
      label: 'Total',
      total: '$500.00',
      taxNote: reverseChargeNote,
    });
  });
});
