/**
 * What goes under a quote's lines, the one rule for every surface (the app's quote and order pages, the emails, the
 * link pages, the PDF). The lines are at the buyer's contract prices, so the one row under them is the total they sum
 * to; what the contract saved against list prices is a note beside it, not a "subtotal at list prices" and a
 * "discount" row that the lines do not add up to. A taxed quote shows that total as the net, a row per tax, and the
 * total with tax in bold; a quote charged no tax because of a reverse charge or an exemption says why under the
 * total. `money` formats minor units the way the surface shows money.
 */
import type { Audience } from './policy.ts';
import type { TaxRow } from './tax.ts';

export interface FootingRow {
  label: string;
  amount: string;
}

export interface QuoteFooting {
  /** The rows above the bold one: the net total and each tax; none for an untaxed quote. */
  above: FootingRow[];
  /** The bold row: the total (with tax, when there is tax). */
  label: string;
  total: string;
  /** "You save $585.75 against list prices" (the seller's staff read "The buyer saves …"), when below list at all. */
  saving?: string;
  /** Why no tax is charged: the reverse-charge wording or the exemption. */
  taxNote?: string;
}

/** The footing's words in the reader's language (a surface with message catalogs passes its own). */
export interface FootingWords {
  total: string;
  totalBeforeTax: string;
  totalWithTax: string;
  saving: (amount: string, reader: Audience) => string;
}

const english: FootingWords = {
  total: 'Total',
  totalBeforeTax: 'Total before tax',
  totalWithTax: 'Total with tax',
  saving: (amount, reader) => `${reader === 'buyer' ? 'You save' : 'The buyer saves'} ${amount} against list prices`,
};

export interface FootingTotals {
  total: number;
  discountTotal: number;
  taxes?: readonly TaxRow[] | undefined;
  grandTotal?: number | undefined;
  taxNote?: string | undefined;
}

/** A tax row's name: the seller's label for it and its rate, as people write a rate (Moms 25 %, IVA 10 %). */
const taxRowLabel = (row: TaxRow): string => `${row.label} ${row.rate} %`;

export const quoteFooting = (
  totals: FootingTotals,
  money: (minorUnits: number) => string,
  reader: Audience = 'buyer',
  words: FootingWords = english,
): QuoteFooting => {
  const taxes = totals.taxes ?? [];
  const taxed = taxes.length > 0;
  return {
    above: taxed
      ? [
          { label: words.totalBeforeTax, amount: money(totals.total) },
          ...taxes.map((row) => ({ label: taxRowLabel(row), amount: money(row.amount) })),
        ]
      : [],
    label: taxed ? words.totalWithTax : words.total,
    total: money(taxed ? (totals.grandTotal ?? totals.total) : totals.total),
    ...(totals.discountTotal > 0 && { saving: words.saving(money(totals.discountTotal), reader) }),
    ...(totals.taxNote !== undefined && { taxNote: totals.taxNote }),
  };
};
