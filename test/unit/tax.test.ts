import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lineTax,
  quoteTax,
  reverseChargeNote,
  type TaxSettings,
  taxIdCountry,
  taxSettingsSchema,
} from '#domain/tax.ts';

const swedishSeller: TaxSettings = {
  homeCountry: 'SE',
  rates: [
    { country: 'SE', taxClass: 'standard', rate: 25, label: 'Moms' },
    { country: 'SE', taxClass: 'books', rate: 6, label: 'Moms' },
    { country: 'DE', taxClass: 'standard', rate: 19, label: 'MwSt' },
    { country: 'ES', taxClass: 'standard', rate: 21, label: 'IVA' },
  ],
};

describe('tax on a quote', () => {
  it('charges a Swedish ship-to 25 % moms per line, rows by rate, grandTotal = total + tax', () => {
    const tax = quoteTax(
      [{ lineTotal: 1_000_00 }, { lineTotal: 333_33 }, { lineTotal: 99_99, taxClass: 'books' }, { lineTotal: null }],
      swedishSeller,
      { shipToCountry: 'SE' },
    );
    expect(tax).toEqual({
      taxes: [
        { label: 'Moms', rate: 25, base: 1_333_33, amount: 250_00 + 83_33 },
        { label: 'Moms', rate: 6, base: 99_99, amount: 6_00 },
      ],
      taxTotal: 339_33,
      grandTotal: 1_433_32 + 339_33,
    });
  });

  it('reverse-charges a German buyer with a VAT id: no tax, and the legal note', () => {
    expect(quoteTax([{ lineTotal: 500_00 }], swedishSeller, { shipToCountry: 'DE', taxId: 'DE 123 456 789' })).toEqual({
      taxes: [],
      taxTotal: 0,
      grandTotal: 500_00,
      taxNote: reverseChargeNote,
    });
  });

  it('charges the ship-to country’s tax to a buyer in another member state without a VAT id', () => {
    expect(quoteTax([{ lineTotal: 100_00 }], swedishSeller, { shipToCountry: 'DE' }).taxTotal).toBe(19_00);
  });

  it('charges a buyer whose VAT id is the seller’s own country, wherever the goods go', () => {
    expect(
      quoteTax([{ lineTotal: 100_00 }], swedishSeller, { shipToCountry: 'DE', taxId: 'SE556677889901' }).taxTotal,
    ).toBe(19_00);
  });

  it('charges an exempt company none, naming its exemption', () => {
    expect(
      quoteTax([{ lineTotal: 100_00 }], swedishSeller, {
        shipToCountry: 'SE',
        taxExempt: { reference: 'Skatteverket 2026-117' },
      }),
    ).toEqual({ taxes: [], taxTotal: 0, grandTotal: 100_00, taxNote: 'Exempt from tax: Skatteverket 2026-117' });
  });

  it('charges no tax where the seller has no rate (an export)', () => {
    expect(quoteTax([{ lineTotal: 100_00 }], swedishSeller, { shipToCountry: 'US' })).toEqual({
      taxes: [],
      taxTotal: 0,
      grandTotal: 100_00,
    });
  });

  it('reads the member state of a VAT id, Greece’s EL too', () => {
    expect(taxIdCountry('EL123456789')).toBe('GR');
    expect(taxIdCountry('de-123456789')).toBe('DE');
    expect(taxIdCountry('12-3456789')).toBeUndefined();
  });

  it('rounds a line’s tax half-up once', () => {
    expect(lineTax(2, 25)).toBe(1); // 0.5 → 1
    expect(lineTax(1, 25)).toBe(0); // 0.25 → 0
    expect(lineTax(6, 12.5)).toBe(1); // 0.75 → 1
  });

  it('refuses settings naming one country and class twice', () => {
    const twice = { ...swedishSeller, rates: [...swedishSeller.rates, swedishSeller.rates[0]] };
    expect(taxSettingsSchema.safeParse(twice).error?.issues[0]?.path).toEqual(['rates', 4]);
  });

  it('keeps the sum of line taxes within half a minor unit per line of the tax on the sum, and adds up', () => {
    const lineTotals = fc.array(fc.oneof(fc.integer({ min: 0, max: 10_000_000_00 }), fc.constant(null)), {
      maxLength: 60,
    });
    const rate = fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100);
    fc.assert(
      fc.property(lineTotals, rate, (totals, percent) => {
        const settings: TaxSettings = {
          homeCountry: 'SE',
          rates: [{ country: 'SE', taxClass: 'standard', rate: percent, label: 'Moms' }],
        };
        const tax = quoteTax(
          totals.map((lineTotal) => ({ lineTotal })),
          settings,
          { shipToCountry: 'SE' },
        );
        const priced = totals.filter((t): t is number => t !== null);
        const net = priced.reduce((a, b) => a + b, 0);
        // Exactly, in ten-thousandths of a minor unit: |Σ rounded line taxes − net × rate| ≤ ½ unit per line.
        const gap = BigInt(tax.taxTotal) * 10_000n - BigInt(net) * BigInt(Math.round(percent * 100));
        expect((gap < 0n ? -gap : gap) <= BigInt(priced.length) * 5_000n).toBe(true);
        expect(tax.grandTotal).toBe(net + tax.taxTotal);
        expect(tax.taxes.reduce((a, row) => a + row.amount, 0)).toBe(tax.taxTotal);
        expect(tax.taxes.every((row) => row.amount >= 0 && row.base === net)).toBe(true);
      }),
    );
  });
});
