import type { BudgetStanding } from '#domain/budget.ts';
import type { ApprovalStep, Quote, Rfq } from '#domain/rfq.ts';
import { html } from '#rendering/html.ts';
import { quoteTableMail, quoteTableText } from '#rendering/quote-summary.ts';
import { approvalFacts, quotePdfOffer } from './approval-request.ts';
import { budgetHtml, budgetLines } from './budget-summary.ts';
import { button, deadline, email, factsHtml, factsText, heading, paragraph } from './layout.ts';
import type { EmailMessage } from './ports.ts';

const holdsOnce = 'The link works once, for whoever holds it: please do not forward this email.';

export interface ReviewEscalation {
  rfq: Rfq;
  quote: Quote;
  companyName: string;
  to: string;
  link: string;
  expiresAt: string;
  /** The rep's mail bounced: it was escalated at once, not after a reminder. */
  bounced?: boolean;
}

/** To the sales manager: the account rep left a review unanswered past its reminder. Decide it, or give it to a rep. */
export const reviewEscalationEmail = (r: ReviewEscalation): EmailMessage => {
  const subject = `Escalated: review quote ${r.rfq.rfqId} for ${r.companyName}`;
  const why = r.bounced
    ? `Mail to ${r.rfq.accountRepEmail} bounced, so nobody has reviewed ${r.rfq.buyerEmail}'s request (${r.companyName}).`
    : `${r.rfq.accountRepEmail} has not reviewed ${r.rfq.buyerEmail}'s request (${r.companyName}), even after a reminder.`;
  const intro = `${why} It now waits for you until ${deadline(r.expiresAt)}; after that it expires.`;
  const what =
    'Open the link to approve as is, adjust unit prices, reject — or reassign the review to another rep. The account rep can still decide from their own link; the first decision counts.';
  return email(
    [r.to],
    subject,
    html`${heading(subject)}
${paragraph(intro)}
${paragraph(what)}
${quoteTableMail(r.quote, 'seller')}
${button(r.link, 'Review or reassign')}
${paragraph(holdsOnce)}`,
    [subject, intro, what, quoteTableText(r.quote, 'seller'), `Review or reassign: ${r.link}`, holdsOnce],
  );
};

/** To the account rep, beside the escalation: their own link still decides, until someone else does. */
export const reviewStillYoursEmail = (r: Omit<ReviewEscalation, 'to'> & { salesManager: string }): EmailMessage => {
  const subject = `Escalated to the sales manager: review quote ${r.rfq.rfqId} for ${r.companyName}`;
  const intro = `Your review of ${r.rfq.buyerEmail}'s request went unanswered after a reminder, so ${r.salesManager} has been asked to decide or reassign it. You can still decide until ${deadline(r.expiresAt)}; the first decision counts.`;
  return email(
    [r.rfq.accountRepEmail],
    subject,
    html`${heading(subject)}
${paragraph(intro)}
${quoteTableMail(r.quote, 'seller')}
${button(r.link, 'Review the quote')}
${paragraph(holdsOnce)}`,
    [subject, intro, quoteTableText(r.quote, 'seller'), `Approve, adjust unit prices, or reject: ${r.link}`, holdsOnce],
  );
};

export interface ApprovalEscalation {
  rfq: Rfq;
  quote: Quote;
  companyName: string;
  step: ApprovalStep;
  to: string;
  link: string;
  expiresAt: string;
  budget?: readonly BudgetStanding[];
  /** The quote as the buyer's PDF, which the link authorises, as in the first approval email. */
  pdfUrl: string;
  /** The supplier: the seller whose quote the company is asked to buy. */
  sellerName: string;
  /** Mail to everyone the level waited on bounced: it was escalated at once, not after a reminder. */
  bounced?: boolean;
}

/** To a contact a purchase approval level was escalated to: their decision decides the whole level. */
export const approvalEscalationEmail = (r: ApprovalEscalation): EmailMessage => {
  const subject = `Escalated: approve purchase ${r.rfq.rfqId} (PO ${r.rfq.poNumber ?? '—'}) for ${r.companyName}`;
  const waiting = r.step.approvers.filter((a) => !r.step.decisions.some((d) => d.approver === a));
  const why = r.bounced
    ? `Approval level ${r.step.level} of ${r.rfq.buyerEmail}'s purchase could not reach anyone: mail to ${waiting.join(', ')} bounced.`
    : `Approval level ${r.step.level} of ${r.rfq.buyerEmail}'s purchase went unanswered after a reminder (asked: ${waiting.join(', ')}).`;
  const intro = `${why} You are its escalation contact: your decision decides the level. Please decide by ${deadline(r.expiresAt)}; after that the purchase expires.`;
  const facts = approvalFacts(r);
  const budget = r.budget ?? [];
  const pdf = quotePdfOffer(r.sellerName, r.pdfUrl);
  return email(
    [r.to],
    subject,
    html`${heading(subject)}
${paragraph(intro)}
${factsHtml(facts)}
${budgetHtml(budget, r.quote.currency)}
${quoteTableMail(r.quote, 'buyer')}
${pdf.html}
${button(r.link, 'Approve or reject')}
${paragraph(holdsOnce)}`,
    [
      subject,
      intro,
      ...factsText(facts),
      ...budgetLines(budget, r.quote.currency),
      quoteTableText(r.quote, 'buyer'),
      pdf.text,
      `Approve or reject: ${r.link}`,
      holdsOnce,
    ],
  );
};

/** To everyone an escalated wait asked, once it ended: who decided what, or that nobody did and the request expired. */
export const escalationOutcomeEmail = (rfq: Rfq, to: readonly string[], outcome: string): EmailMessage => {
  const subject = `Outcome: ${rfq.rfqId} — ${outcome}`;
  const body = `You were asked to decide on request ${rfq.rfqId} (${rfq.buyerEmail}). ${outcome}. Your link no longer decides anything.`;
  return email([...new Set(to)], subject, html`${heading(subject)}${paragraph(body)}`, [subject, body]);
};
