import type { CommentView } from '#domain/comment.ts';
import { marginOf, marginShare } from '#domain/margin.ts';
import { formatMoney } from '#domain/money-format.ts';
import type { ManagerApprovalNeeded } from '#domain/rep-authority.ts';
import type { Quote, Rfq } from '#domain/rfq.ts';
import { html } from '#rendering/html.ts';
import { quoteTableMail, quoteTableText } from '#rendering/quote-summary.ts';
import { button, deadline, email, factsHtml, factsText, heading, note, paragraph, sentence } from './layout.ts';
import type { EmailMessage } from './ports.ts';
import { threadMail } from './thread-summary.ts';

export interface ReviewRequest {
  rfq: Rfq;
  quote: Quote;
  companyName: string;
  link: string;
  expiresAt: string;
  reminder: boolean;
  /** Why the quote is back with the rep: the buyer's revision request or the sales manager's rejection. */
  note?: string;
  /** The conversation as seller staff read it (seller notes included); the link's page has all of it. */
  thread?: CommentView[];
}

const asks = (rfq: Rfq, companyName: string): string =>
  rfq.submittedBy.onBehalfOf
    ? `${rfq.submittedBy.email} entered a request for quote on behalf of ${rfq.buyerEmail} (${companyName})`
    : `${rfq.buyerEmail} (${companyName}) asks for a quote`;

/** What the buyer asked for beyond SKUs and quantities: the delivery date and the prices they hope for. */
const requestFacts = (r: ReviewRequest): (readonly [string, string])[] => [
  ...(r.rfq.requestedDeliveryDate ? [['Delivery wanted by', r.rfq.requestedDeliveryDate] as const] : []),
  ...(r.rfq.shipTo ? [['Ship to', r.rfq.shipTo.replace(/\s*\n\s*/g, ', ')] as const] : []),
  ['Decide by', deadline(r.expiresAt)],
];
const targets = (r: ReviewRequest): string[] =>
  r.quote.lines.flatMap((l) =>
    l.targetUnitPrice === undefined
      ? []
      : [
          `${l.name} (${l.sku}): the buyer hopes for ${formatMoney(l.targetUnitPrice, r.quote.currency)}, quoted ${l.unitPrice === null ? 'no price yet' : formatMoney(l.unitPrice, r.quote.currency)}`,
        ],
  );

/** To the account rep: approve, adjust prices or reject, from one link. */
export const repReviewEmail = (r: ReviewRequest): EmailMessage => {
  const subject = `${r.reminder ? 'Reminder: ' : ''}Review quote ${r.rfq.rfqId} for ${r.companyName}`;
  const intro = `${asks(r.rfq, r.companyName)}. Please review the contract pricing below.`;
  const unpriced = r.quote.unpricedLines > 0 ? `${r.quote.unpricedLines} line(s) need a price from you.` : '';
  const facts = requestFacts(r);
  const hoped = targets(r);
  const talk = threadMail(r.thread ?? [], r.link);
  return email(
    [r.rfq.accountRepEmail],
    subject,
    html`${heading(subject)}
${paragraph(intro)}
${factsHtml(facts)}
${r.note ? note('Why it is back with you', r.note) : ''}
${unpriced ? paragraph(html`<strong>${unpriced}</strong>`) : ''}
${r.rfq.note ? note("Buyer's note", r.rfq.note) : ''}
${hoped.length > 0 ? html`${paragraph(html`<strong>Target prices</strong>`)}<ul style="margin:0 0 12px;padding-left:20px">${hoped.map((t) => html`<li>${t}</li>`)}</ul>` : ''}
${talk.html}
${quoteTableMail(r.quote, 'seller')}
${paragraph('Open the link to approve as is, adjust unit prices, or reject.')}
${button(r.link, 'Review the quote')}
${paragraph('The link works once, for whoever holds it: please do not forward this email.')}`,
    [
      subject,
      intro,
      ...factsText(facts),
      ...(r.note ? [`Why it is back with you: ${r.note}`] : []),
      ...(unpriced ? [unpriced] : []),
      ...(r.rfq.note ? [`Buyer's note: ${r.rfq.note}`] : []),
      ...(hoped.length > 0 ? [`Target prices:\n${hoped.map((t) => `- ${t}`).join('\n')}`] : []),
      ...talk.text,
      quoteTableText(r.quote, 'seller'),
      `Approve, adjust unit prices, or reject: ${r.link}`,
      'The link works once, for whoever holds it: please do not forward this email.',
    ],
  );
};

export interface DiscountRequest extends Omit<ReviewRequest, 'note'> {
  to: string;
  needsManager: ManagerApprovalNeeded[];
  /** The rep's reason for going below their authority (their review comment). */
  reason?: string;
}

/** One line beyond the rep's authority as the sales manager weighs it: asked, floor, how far below, margin. */
const beyond = (n: ManagerApprovalNeeded, quote: Quote): string => {
  const money = (amount: number) => formatMoney(amount, quote.currency);
  const line = quote.lines.find((l) => l.sku === n.sku);
  const margin = marginOf(n.requested, line?.cost);
  const marginWords =
    margin === undefined || line?.cost === undefined
      ? 'cost unknown'
      : `margin ${money(margin)} a unit (${marginShare(margin, n.requested)}) over cost ${money(line.cost)}`;
  return `${line?.name ?? n.sku} (${n.sku}): ${money(n.requested)} (${n.reason}), ${money(n.floor - n.requested)} below the rep floor ${money(n.floor)}; ${marginWords}`;
};

/** To the sales manager: the rep priced lines below their authority. */
export const discountApprovalEmail = (r: DiscountRequest): EmailMessage => {
  const subject = `${r.reminder ? 'Reminder: ' : ''}Approve a discount on quote ${r.rfq.rfqId} for ${r.companyName}`;
  const intro = sentence(
    `${r.rfq.accountRepEmail} priced ${r.needsManager.length === 1 ? 'a line' : `${r.needsManager.length} lines`} beyond a rep's authority for ${r.rfq.buyerEmail} (${r.companyName}). Please decide by ${deadline(r.expiresAt)}`,
  );
  const lines = r.needsManager.map((n) => beyond(n, r.quote));
  const talk = threadMail(r.thread ?? [], r.link);
  return email(
    [r.to],
    subject,
    html`${heading(subject)}
${paragraph(intro)}
${r.reason ? note("The rep's reason", r.reason) : paragraph('The rep gave no reason.')}
<ul style="margin:0 0 12px;padding-left:20px">${lines.map((l) => html`<li>${l}</li>`)}</ul>
${talk.html}
${quoteTableMail(r.quote, 'seller')}
${button(r.link, 'Approve or reject the discount')}
${paragraph('The link works once, for whoever holds it: please do not forward this email.')}`,
    [
      subject,
      intro,
      r.reason ? `The rep's reason: ${r.reason}` : 'The rep gave no reason.',
      lines.map((l) => `- ${l}`).join('\n'),
      ...talk.text,
      quoteTableText(r.quote, 'seller'),
      `Approve or reject the discount: ${r.link}`,
      'The link works once, for whoever holds it: please do not forward this email.',
    ],
  );
};
