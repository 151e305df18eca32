import { formatMoney } from '#domain/money.ts';
import type { BuyerLineView } from '#domain/quote-view.ts';
import type { Quote } from '#domain/rfq.ts';

/** What a quote table reads — the buyer's fields only, whoever the page or email is for. */
type QuoteTable = Pick<Quote, 'version' | 'currency' | 'subtotal' | 'discountTotal' | 'total'> & {
  lines: BuyerLineView[];
};

import { type Html, html } from '#functions/pages/html.ts';

/**
 * The quote as a person reads it, in a page or an email: every line with quantity, unit price and where that price
 * comes from, then the totals. Unpriced lines say so instead of showing a zero.
 */
const money = (amount: number | null, currency: string): string =>
  amount === null ? 'needs a price' : formatMoney(amount, currency);

export const quoteTableHtml = (quote: QuoteTable): Html => html`
<table class="quote">
  <caption>Quote version ${quote.version} (${quote.currency})</caption>
  <thead><tr><th scope="col">Item</th><th scope="col">Qty</th><th scope="col">Unit price</th><th scope="col">Line total</th><th scope="col">Price basis</th></tr></thead>
  <tbody>
${quote.lines.map(
  (
    line,
  ) => html`    <tr><th scope="row">${line.name} <small>(${line.sku})</small></th><td>${line.quantity} ${line.unit}</td><td>${money(line.unitPrice, quote.currency)}</td><td>${money(line.lineTotal, quote.currency)}</td><td>${line.unpriced ? `${line.priceSource}: ${line.unpriced}` : line.priceSource}</td></tr>
`,
)}  </tbody>
  <tfoot>
    <tr><th scope="row" colspan="3">List value</th><td colspan="2">${formatMoney(quote.subtotal, quote.currency)}</td></tr>
    <tr><th scope="row" colspan="3">Discount</th><td colspan="2">${formatMoney(quote.discountTotal, quote.currency)}</td></tr>
    <tr><th scope="row" colspan="3">Total</th><td colspan="2"><strong>${formatMoney(quote.total, quote.currency)}</strong></td></tr>
  </tfoot>
</table>`;

export const quoteTableText = (quote: QuoteTable): string =>
  [
    `Quote version ${quote.version} (${quote.currency})`,
    ...quote.lines.map(
      (line) =>
        `- ${line.name} (${line.sku}): ${line.quantity} ${line.unit} × ${money(line.unitPrice, quote.currency)} = ${money(line.lineTotal, quote.currency)} — ${line.unpriced ? `${line.priceSource}: ${line.unpriced}` : line.priceSource}`,
    ),
    `List value: ${formatMoney(quote.subtotal, quote.currency)}`,
    `Discount: ${formatMoney(quote.discountTotal, quote.currency)}`,
    `Total: ${formatMoney(quote.total, quote.currency)}`,
  ].join('\n');
