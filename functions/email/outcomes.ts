import { formatMoney } from '#domain/money-format.ts';
import type { Order } from '#domain/order.ts';
import { paymentTermsText } from '#domain/payment-terms.ts';
import type { Rfq } from '#domain/rfq.ts';
import { html } from '#rendering/html.ts';
import { quoteTableMail, quoteTableText } from '#rendering/quote-summary.ts';
import { button, email, factsHtml, factsText, heading, note, paragraph } from './layout.ts';
import type { EmailMessage } from './ports.ts';

/** The emails that close an RFQ: each says what happened, who decided and why, in HTML and text. */
const notice = (to: string[], subject: string, paragraphs: string[], comment?: string): EmailMessage =>
  email(
    [...new Set(to)],
    subject,
    html`${heading(subject)}
${paragraphs.map((p) => paragraph(p))}
${comment ? note('Comment', comment) : ''}`,
    [subject, ...paragraphs, ...(comment ? [`Comment: ${comment}`] : [])],
  );

export const rfqRejectedEmail = (rfq: Rfq, by: string, comment?: string): EmailMessage =>
  notice(
    [rfq.buyerEmail],
    `Your request for quote ${rfq.rfqId} was not quoted`,
    [`${by} reviewed your request and could not offer a quote.`],
    comment,
  );

export const quoteDeclinedEmail = (rfq: Rfq, by: string, reason?: string): EmailMessage =>
  notice([rfq.accountRepEmail], `Quote ${rfq.rfqId} was declined`, [`${by} declined the quote.`], reason);

export const approvalRejectedEmail = (rfq: Rfq, by: string, level: number, comment?: string): EmailMessage =>
  notice(
    [rfq.buyerEmail, rfq.accountRepEmail],
    `Purchase ${rfq.rfqId} was not approved`,
    [`${by} rejected the purchase at approval level ${level}. No order was placed.`],
    comment,
  );

export const rfqExpiredEmail = (rfq: Rfq, waitingFor: string): EmailMessage =>
  notice([rfq.buyerEmail, rfq.accountRepEmail], `Request ${rfq.rfqId} expired`, [
    `No decision arrived in time while waiting for ${waitingFor}, so the request expired. Submit a new request to start again.`,
  ]);

export const rfqFailedEmail = (rfq: Rfq, error: string): EmailMessage =>
  notice([rfq.accountRepEmail], `Request ${rfq.rfqId} needs attention`, [
    `Processing stopped after repeated errors (${error}). The request is marked FAILED; the buyer has not been told yet.`,
  ]);

/**
 * To the approvers of a level who did not act, once someone else decided it (the first of an `any` level, or a
 * rejection): their link is dead, and they are told by whom and how, so nobody opens it to find "already used".
 */
export const approvalNoLongerNeededEmail = (
  rfq: Rfq,
  to: string[],
  decided: { by: string; decision: 'approve' | 'reject'; level: number; companyName: string },
): EmailMessage =>
  notice(to, `No longer needed: purchase ${rfq.rfqId} for ${decided.companyName} was decided by ${decided.by}`, [
    `${decided.by} ${decided.decision === 'approve' ? 'approved' : 'rejected'} approval level ${decided.level} of purchase ${rfq.rfqId} (PO ${rfq.poNumber ?? '—'}), so your decision is no longer needed. The link in the earlier email no longer works.`,
  ]);

const orderFacts = (order: Order) =>
  [
    ['Order', order.orderId],
    ['Request for quote', order.rfqId],
    ['PO number', order.poNumber],
    ['Total', formatMoney(order.total, order.currency)],
    ['Payment terms', paymentTermsText(order.paymentTerms)],
  ] as const;

/** To the buyer: their purchase is approved and ordered, with the lines they bought and where to follow it. */
export const orderConfirmationEmail = (rfq: Rfq, order: Order, orderUrl: string): EmailMessage => {
  const subject = `Order ${order.orderId} confirmed (PO ${order.poNumber})`;
  const intro = `Your purchase was approved and order ${order.orderId} was placed for ${formatMoney(order.total, order.currency)} (payment terms: ${paymentTermsText(order.paymentTerms)}).`;
  const quote = rfq.quote;
  return email(
    [rfq.buyerEmail],
    subject,
    html`${heading(subject)}
${paragraph(intro)}
${factsHtml(orderFacts(order))}
${quote ? quoteTableMail(quote, 'buyer') : ''}
${button(orderUrl, 'Open the order')}`,
    [
      subject,
      intro,
      ...factsText(orderFacts(order)),
      ...(quote ? [quoteTableText(quote, 'buyer')] : []),
      `The order: ${orderUrl}`,
    ],
  );
};

/** To the account rep: the customer's order to fulfil — whose, which PO, how much. */
export const orderPlacedForRepEmail = (rfq: Rfq, order: Order, companyName: string): EmailMessage => {
  const subject = `New order ${order.orderId} from ${companyName} (PO ${order.poNumber})`;
  const intro = `${companyName}'s approvers approved quote ${rfq.rfqId}, and ${rfq.buyerEmail}'s order ${order.orderId} was placed for ${formatMoney(order.total, order.currency)} (payment terms: ${paymentTermsText(order.paymentTerms)}). The order.created event went to the ERP.`;
  const quote = rfq.quote;
  return email(
    [rfq.accountRepEmail],
    subject,
    html`${heading(subject)}
${paragraph(intro)}
${factsHtml(orderFacts(order))}
${quote ? quoteTableMail(quote, 'seller') : ''}`,
    [subject, intro, ...factsText(orderFacts(order)), ...(quote ? [quoteTableText(quote, 'seller')] : [])],
  );
};
