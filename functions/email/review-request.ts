import { formatMoney } from '#domain/money.ts';
import type { ManagerApprovalNeeded } from '#domain/rep-authority.ts';
import type { Quote, Rfq } from '#domain/rfq.ts';
import { html } from '#functions/pages/html.ts';
import { button, deadline, email } from './layout.ts';
import type { EmailMessage } from './mailer.ts';
import { quoteTableHtml, quoteTableText } from './quote-summary.ts';

export interface ReviewRequest {
  rfq: Rfq;
  quote: Quote;
  companyName: string;
  link: string;
  expiresAt: string;
  reminder: boolean;
  /** Why the quote is back with the rep: the buyer's revision request or the sales manager's rejection. */
  note?: string;
}

const asks = (rfq: Rfq, companyName: string): string =>
  rfq.submittedBy.onBehalfOf
    ? `${rfq.submittedBy.email} entered a request for quote on behalf of ${rfq.buyerEmail} (${companyName})`
    : `${rfq.buyerEmail} (${companyName}) asks for a quote`;

/** To the account rep: approve, adjust prices or reject, from one link. */
export const repReviewEmail = (r: ReviewRequest): EmailMessage => {
  const subject = `${r.reminder ? 'Reminder: ' : ''}Review quote ${r.rfq.rfqId} for ${r.companyName}`;
  const unpriced = r.quote.unpricedLines > 0 ? `${r.quote.unpricedLines} line(s) need a price from you.` : '';
  return email(
    [r.rfq.accountRepEmail],
    subject,
    html`<h1>${subject}</h1>
<p>${asks(r.rfq, r.companyName)}. Please review the contract pricing below by <strong>${deadline(r.expiresAt)}</strong>.</p>
${r.note ? html`<p><strong>Note:</strong> ${r.note}</p>` : ''}
${unpriced ? html`<p><strong>${unpriced}</strong></p>` : ''}
${r.rfq.note ? html`<p>Buyer's note: ${r.rfq.note}</p>` : ''}
${quoteTableHtml(r.quote)}
<p>Open the link to approve as is, adjust unit prices, or reject.</p>
${button(r.link, 'Review the quote')}
<p>The link works once, for whoever holds it: please do not forward this email.</p>`,
    [
      subject,
      `${asks(r.rfq, r.companyName)}. Please review the contract pricing below by ${deadline(r.expiresAt)}.`,
      ...(r.note ? [`Note: ${r.note}`] : []),
      ...(unpriced ? [unpriced] : []),
      ...(r.rfq.note ? [`Buyer's note: ${r.rfq.note}`] : []),
      quoteTableText(r.quote),
      `Approve, adjust unit prices, or reject: ${r.link}`,
      'The link works once, for whoever holds it: please do not forward this email.',
    ],
  );
};

export interface DiscountRequest extends Omit<ReviewRequest, 'note'> {
  to: string;
  needsManager: ManagerApprovalNeeded[];
}

/** To the sales manager: the rep priced lines below their authority. */
export const discountApprovalEmail = (r: DiscountRequest): EmailMessage => {
  const subject = `${r.reminder ? 'Reminder: ' : ''}Approve a discount on quote ${r.rfq.rfqId} for ${r.companyName}`;
  const lines = r.needsManager.map(
    (n) =>
      `${n.sku}: ${formatMoney(n.requested, r.quote.currency)} (rep floor ${formatMoney(n.floor, r.quote.currency)}) — ${n.reason}`,
  );
  return email(
    [r.to],
    subject,
    html`<h1>${subject}</h1>
<p>${r.rfq.accountRepEmail} priced these lines beyond a rep's authority for ${r.rfq.buyerEmail} (${r.companyName}). Please decide by <strong>${deadline(r.expiresAt)}</strong>.</p>
<ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>
${quoteTableHtml(r.quote)}
${button(r.link, 'Approve or reject the discount')}
<p>The link works once, for whoever holds it: please do not forward this email.</p>`,
    [
      subject,
      `${r.rfq.accountRepEmail} priced these lines beyond a rep's authority for ${r.rfq.buyerEmail} (${r.companyName}). Please decide by ${deadline(r.expiresAt)}.`,
      lines.map((l) => `- ${l}`).join('\n'),
      quoteTableText(r.quote),
      `Approve or reject the discount: ${r.link}`,
      'The link works once, for whoever holds it: please do not forward this email.',
    ],
  );
};
