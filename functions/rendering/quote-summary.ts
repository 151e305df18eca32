import { formatMoney } from '#domain/money-format.ts';
import type { BuyerLineView } from '#domain/quote-view.ts';
import type { Quote } from '#domain/rfq.ts';
import { type Html, html } from './html.ts';

/** What a quote table reads — the buyer's fields only, whoever the page or email is for. */
type QuoteTable = Pick<Quote, 'version' | 'currency' | 'subtotal' | 'discountTotal' | 'total'> & {
  lines: BuyerLineView[];
};

/** The words the app's quote table uses, so a buyer reads the same labels in the app, the emails, the pages and the PDF. */
export const quoteLabels = {
  product: 'Product',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  lineTotal: 'Line total',
  subtotal: 'Subtotal at list prices',
  discount: 'Discount',
  total: 'Total',
} as const;

/**
 * The quote as a person reads it, in a page or an email: every line with quantity, unit price (with where that price
 * comes from) and line total, then the totals. Unpriced lines say so instead of showing a zero.
 */
const money = (amount: number | null, currency: string): string =>
  amount === null ? 'needs a price' : formatMoney(amount, currency);
const basisOf = (line: BuyerLineView): string =>
  line.unpriced ? `${line.priceSource}: ${line.unpriced}` : line.priceSource;
const quantityOf = (line: BuyerLineView): string => `${line.quantity.toLocaleString('en-US')} ${line.unit}`.trim();

/** The totals rows: subtotal and discount only when there is a discount, as in the app. */
const totalsOf = (quote: QuoteTable): [string, string, boolean][] => [
  ...(quote.discountTotal !== 0
    ? ([
        [quoteLabels.subtotal, formatMoney(quote.subtotal, quote.currency), false],
        [quoteLabels.discount, formatMoney(-Math.abs(quote.discountTotal), quote.currency), false],
      ] as [string, string, boolean][])
    : []),
  [quoteLabels.total, formatMoney(quote.total, quote.currency), true],
];

/** For server-rendered pages (styled by their stylesheet: a page's CSP refuses inline styles). */
export const quoteTableHtml = (quote: QuoteTable): Html => html`
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
${totalsOf(quote).map(
  ([label, value, strong]) =>
    html`    <tr><th scope="row" colspan="3">${label}</th><td class="num">${strong ? html`<strong>${value}</strong>` : value}</td></tr>
`,
)}  </tfoot>
</table>`;

const cell = 'padding:8px 4px;border-bottom:1px solid #d1d5db;vertical-align:top';
const number = `${cell};text-align:right;white-space:nowrap`;
const small = 'color:#4b5563;font-size:13px';

/**
 * For emails: every style inline, and two columns — the product with its quantity and unit price (and where that price
 * comes from) under its name, then the line total — because mail clients ignore media queries and four columns left
 * a 390 px phone a product column one word wide.
 */
export const quoteTableMail = (quote: QuoteTable): Html => html`
<table width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;font-size:14px;margin:0 0 16px">
<tr><td colspan="2" style="padding:0 0 4px;font-weight:bold">Quote version ${quote.version} (${quote.currency})</td></tr>
<tr><th align="left" style="${cell};text-align:left">${quoteLabels.product}</th><th align="right" style="${number}">${quoteLabels.lineTotal}</th></tr>
${quote.lines.map(
  (line) =>
    html`<tr><td style="${cell};overflow-wrap:anywhere"><strong>${line.name}</strong> <span style="${small}">${line.sku}</span><br><span style="${small}">${quoteLabels.quantity} ${quantityOf(line)} · ${quoteLabels.unitPrice} ${money(line.unitPrice, quote.currency)} (${basisOf(line)})</span></td><td align="right" style="${number}">${money(line.lineTotal, quote.currency)}</td></tr>
`,
)}${totalsOf(quote).map(
  ([label, value, strong]) =>
    html`<tr><td align="right" style="padding:6px 4px;text-align:right${strong ? ';font-weight:bold' : ''}">${label}</td><td align="right" style="padding:6px 4px;text-align:right;white-space:nowrap${strong ? ';font-weight:bold' : ''}">${value}</td></tr>
`,
)}</table>`;

export const quoteTableText = (quote: QuoteTable): string =>
  [
    `Quote version ${quote.version} (${quote.currency})`,
    ...quote.lines.map(
      (line) =>
        `- ${line.name} (${line.sku}): ${quantityOf(line)} × ${money(line.unitPrice, quote.currency)} = ${money(line.lineTotal, quote.currency)} — ${basisOf(line)}`,
    ),
    ...totalsOf(quote).map(([label, value]) => `${label}: ${value}`),
  ].join('\n');
