import { formatMoney } from '#domain/money.ts';
import type { Order } from '#domain/order.ts';
import type { Rfq } from '#domain/rfq.ts';
import { html } from '#functions/pages/html.ts';
import { email } from './layout.ts';
import type { EmailMessage } from './mailer.ts';
import { quoteTableHtml, quoteTableText } from './quote-summary.ts';

/** The emails that close an RFQ: each says what happened, who decided and why, in HTML and text. */
const notice = (to: string[], subject: string, paragraphs: string[]): EmailMessage =>
  email(
    [...new Set(to)],
    subject,
    html`<h1>${subject}</h1>
${paragraphs.map((p) => html`<p>${p}</p>`)}`,
    [subject, ...paragraphs],
  );

const because = (comment: string | undefined): string[] => (comment ? [`Comment: ${comment}`] : []);

export const rfqRejectedEmail = (rfq: Rfq, by: string, comment?: string): EmailMessage =>
  notice([rfq.buyerEmail], `Your request for quote ${rfq.rfqId} was not quoted`, [
    `${by} reviewed your request and could not offer a quote.`,
    ...because(comment),
  ]);

export const quoteDeclinedEmail = (rfq: Rfq, by: string, reason?: string): EmailMessage =>
  notice([rfq.accountRepEmail], `Quote ${rfq.rfqId} was declined`, [`${by} declined the quote.`, ...because(reason)]);

export const approvalRejectedEmail = (rfq: Rfq, by: string, level: number, comment?: string): EmailMessage =>
  notice([rfq.buyerEmail, rfq.accountRepEmail], `Purchase ${rfq.rfqId} was not approved`, [
    `${by} rejected the purchase at approval level ${level}. No order was placed.`,
    ...because(comment),
  ]);

export const rfqExpiredEmail = (rfq: Rfq, waitingFor: string): EmailMessage =>
  notice([rfq.buyerEmail, rfq.accountRepEmail], `Request ${rfq.rfqId} expired`, [
    `No decision arrived in time while waiting for ${waitingFor}, so the request expired. Submit a new request to start again.`,
  ]);

export const rfqFailedEmail = (rfq: Rfq, error: string): EmailMessage =>
  notice([rfq.accountRepEmail], `Request ${rfq.rfqId} needs attention`, [
    `Processing stopped after repeated errors (${error}). The request is marked FAILED; the buyer has not been told yet.`,
  ]);

export const orderConfirmationEmail = (rfq: Rfq, order: Order): EmailMessage => {
  const subject = `Order ${order.orderId} confirmed (PO ${order.poNumber})`;
  const intro = `Your purchase was approved and order ${order.orderId} was placed for ${formatMoney(order.total, order.currency)}, payment terms ${order.paymentTerms}.`;
  const quote = rfq.quote;
  return email(
    [...new Set([rfq.buyerEmail, rfq.accountRepEmail])],
    subject,
    html`<h1>${subject}</h1>
<p>${intro}</p>
${quote ? quoteTableHtml(quote) : ''}`,
    [subject, intro, ...(quote ? [quoteTableText(quote)] : [])],
  );
};
