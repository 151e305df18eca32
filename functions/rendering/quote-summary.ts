import { formatMoney } from '#domain/money-format.ts';
import type { Audience } from '#domain/policy.ts';
import { type QuoteFooting, quoteFooting } from '#domain/quote-footing.ts';
import type { BuyerLineView } from '#domain/quote-view.ts';
import type { Quote } from '#domain/rfq.ts';
import { type Html, html } from './html.ts';

/** What a quote table reads — the buyer's fields only, whoever the page or email is for. */
type QuoteTable = Pick<
  Quote,
  'version' | 'currency' | 'discountTotal' | 'total' | 'taxes' | 'grandTotal' | 'taxNote'
> & {
  lines: BuyerLineView[];
};

/** The words the app's quote table uses, so a buyer reads the same labels in the app, the emails, the pages and the PDF. */
export const quoteLabels = {
  product: 'Product',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  lineTotal: 'Line total',
} as const;

/**
 * The quote as a person reads it, in a page or an email: every line with quantity, unit price (with where that price
 * comes from) and line total, then the total they sum to. Unpriced lines say so instead of showing a zero. `reader`
 * words the saving note for the side that reads it.
 */
const money = (amount: number | null, currency: string): string =>
  amount === null ? 'needs a price' : formatMoney(amount, currency);
const basisOf = (line: BuyerLineView): string =>
  line.unpriced ? `${line.priceSource}: ${line.unpriced}` : line.priceSource;
const quantityOf = (line: BuyerLineView): string => `${line.quantity.toLocaleString('en-US')} ${line.unit}`.trim();

/** Under the lines, the total they sum to (with its tax), the saving and any tax note: one rule (domain/quote-footing.ts). */
const footingOf = (quote: QuoteTable, reader: Audience): QuoteFooting =>
  quoteFooting(quote, (minor) => formatMoney(minor, quote.currency), reader);

/** For server-rendered pages (styled by their stylesheet: a page's CSP refuses inline styles). */
export const quoteTableHtml = (quote: QuoteTable, reader: Audience): Html => {
  const footing = footingOf(quote, reader);
  return html`
<table class="quote">
  <caption>Quote version ${quote.version} (${quote.currency})</caption>
  <thead><tr><th scope="col">${quoteLabels.product}</th><th scope="col" class="num">${quoteLabels.quantity}</th><th scope="col" class="num">${quoteLabels.unitPrice}</th><th scope="col" class="num">${quoteLabels.lineTotal}</th></tr></thead>
  <tbody>
${quote.lines.map(
  (line) =>
    html`    <tr><th scope="row">${line.name}<br><small>${line.sku}</small></th><td class="num" data-label="${quoteLabels.quantity}">${quantityOf(line)}</td><td class="num" data-label="${quoteLabels.unitPrice}"><span>${money(line.unitPrice, quote.currency)}<br><small>${basisOf(line)}</small></span></td><td class="num" data-label="${quoteLabels.lineTotal}">${money(line.lineTotal, quote.currency)}</td></tr>
`,
)}  </tbody>
  <tfoot>
${footing.above.map(
  (row) => html`    <tr><th scope="row" colspan="3">${row.label}</th><td class="num">${row.amount}</td></tr>
`,
)}    <tr><th scope="row" colspan="3">${footing.label}</th><td class="num"><strong>${footing.total}</strong></td></tr>
  </tfoot>
</table>
${footing.saving ? html`<p class="saving">${footing.saving}</p>` : ''}${footing.taxNote ? html`<p class="tax-note">${footing.taxNote}</p>` : ''}`;
};

const cell = 'padding:8px 4px;border-bottom:1px solid #d1d5db;vertical-align:top';
const number = `${cell};text-align:right;white-space:nowrap`;
const small = 'color:#4b5563;font-size:13px';

/**
 * For emails: every style inline, and two columns — the product with its quantity and unit price (and where that price
 * comes from) under its name, then the line total — because mail clients ignore media queries and four columns left
 * a 390 px phone a product column one word wide.
 */
export const quoteTableMail = (quote: QuoteTable, reader: Audience): Html => {
  const footing = footingOf(quote, reader);
  const strong = 'padding:6px 4px;text-align:right;font-weight:bold';
  return html`
<table width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;font-size:14px;margin:0 0 16px">
<thead>
<tr><td colspan="2" style="padding:0 0 4px;font-weight:bold">Quote version ${quote.version} (${quote.currency})</td></tr>
<tr><th align="left" style="${cell};text-align:left">${quoteLabels.product}</th><th align="right" style="${number}">${quoteLabels.lineTotal}</th></tr>
</thead>
<tbody>
${quote.lines.map(
  (line) =>
    html`<tr><td style="${cell};overflow-wrap:anywhere"><strong>${line.name}</strong> <span style="${small}">${line.sku}</span><br><span style="${small}">${quoteLabels.quantity} ${quantityOf(line)} · ${quoteLabels.unitPrice} ${money(line.unitPrice, quote.currency)} (${basisOf(line)})</span></td><td align="right" style="${number}">${money(line.lineTotal, quote.currency)}</td></tr>
`,
)}</tbody>
<tfoot>
${footing.above.map(
  (
    row,
  ) => html`<tr><td align="right" style="padding:6px 4px;text-align:right">${row.label}</td><td align="right" style="padding:6px 4px;text-align:right;white-space:nowrap">${row.amount}</td></tr>
`,
)}<tr><td align="right" style="${strong}">${footing.label}</td><td align="right" style="${strong};white-space:nowrap">${footing.total}</td></tr>
</tfoot>
</table>
${footing.saving ? html`<p style="margin:0 0 16px;text-align:right;color:#166534">${footing.saving}</p>` : ''}${footing.taxNote ? html`<p style="margin:0 0 16px">${footing.taxNote}</p>` : ''}`;
};

export const quoteTableText = (quote: QuoteTable, reader: Audience): string => {
  const footing = footingOf(quote, reader);
  return [
    `Quote version ${quote.version} (${quote.currency})`,
    ...quote.lines.map(
      (line) =>
        `- ${line.name} (${line.sku}): ${quantityOf(line)} × ${money(line.unitPrice, quote.currency)} = ${money(line.lineTotal, quote.currency)} — ${basisOf(line)}`,
    ),
    ...footing.above.map((row) => `${row.label}: ${row.amount}`),
    `${footing.label}: ${footing.total}`,
    ...(footing.saving ? [footing.saving] : []),
    ...(footing.taxNote ? [footing.taxNote] : []),
  ].join('\n');
};
