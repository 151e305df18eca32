import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryName } from '#domain/category-name.ts';
import { paymentTermsText } from '#domain/payment-terms.ts';

describe('the words a buyer reads for codes the records keep', () => {
  it.each([
    ['NET30', 'Net 30 days'],
    ['NET45', 'Net 45 days'],
    ['NET_60', 'Net 60 days'],
    ['NET1', 'Net 1 day'],
    ['2_10_NET30', '2% discount if paid within 10 days, net 30 days'],
    ['COD', 'Cash on delivery'],
    ['DUE_ON_RECEIPT', 'Due on receipt'],
    ['LETTER_OF_CREDIT', 'Letter of credit'],
  ])('payment terms %s read "%s"', (code, words) => {
    expect(paymentTermsText(code)).toBe(words);
  });

  it('never shows the underscores of a stored code', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9_]{2,20}$/), (code) => {
        expect(paymentTermsText(code)).not.toMatch(/_/);
      }),
    );
  });

  it.each([
    ['electronics', 'Electronics'],
    ['power-tools', 'Power tools'],
    ['first_aid', 'First aid'],
    ['Safety gear', 'Safety gear'],
    ['PPE', 'PPE'],
  ])('category %s reads "%s"', (slug, name) => {
    expect(categoryName(slug)).toBe(name);
  });
});
