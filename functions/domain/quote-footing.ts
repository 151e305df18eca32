/**
 * What goes under a quote's lines, the one rule for every surface (the app's quote and order pages, the emails, the
 * link pages, the PDF). The lines are at the buyer's contract prices, so the one row under them is the total they sum
 * to; what the contract saved against list prices is a note beside it, not a "subtotal at list prices" and a
 * "discount" row that the lines do not add up to. `money` formats minor units the way the surface shows money.
 */
import type { Audience } from './policy.ts';

export interface QuoteFooting {
  label: string;
  total: string;
  /** "You save $585.75 against list prices" (the seller's staff read "The buyer saves …"), when below list at all. */
  saving?: string;
}

/** The footing's words in the reader's language (a surface with message catalogs passes its own). */
export interface FootingWords {
  total: string;
  saving: (amount: string, reader: Audience) => string;
}

const english: FootingWords = {
  total: 'Total',
  saving: (amount, reader) => `${reader === 'buyer' ? 'You save' : 'The buyer saves'} ${amount} against list prices`,
};

export const quoteFooting = (
  totals: { total: number; discountTotal: number },
  money: (minorUnits: number) => string,
  reader: Audience = 'buyer',
  words: FootingWords = english,
): QuoteFooting => ({
  label: words.total,
  total: money(totals.total),
  ...(totals.discountTotal > 0 && { saving: words.saving(money(totals.discountTotal), reader) }),
});
