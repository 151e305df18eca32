import type { BudgetStanding } from '#domain/budget.ts';
import type { CommentView } from '#domain/comment.ts';
import type { ApprovalStep, Quote, Rfq } from '#domain/rfq.ts';
import { type Html, html } from '#rendering/html.ts';
import { quoteTableMail, quoteTableText } from '#rendering/quote-summary.ts';
import { budgetHtml, budgetLines } from './budget-summary.ts';
import { button, deadline, email, factsHtml, factsText, heading, link, paragraph, sentence } from './layout.ts';
import type { EmailMessage } from './ports.ts';
import { threadMail } from './thread-summary.ts';

export interface ApprovalRequest {
  rfq: Rfq;
  quote: Quote;
  companyName: string;
  step: ApprovalStep;
  levels: number;
  approver: string;
  link: string;
  /** The quote as the buyer's PDF, which the link authorises: the approver reads the supplier's document. */
  pdfUrl: string;
  /** The supplier: the seller whose quote the company is asked to buy. */
  sellerName: string;
  expiresAt: string;
  reminder: boolean;
  /** The company's rules that put this level in the chain, by name and condition in words. */
  rules: { name: string; when: string }[];
  /** Where the buyer's budgets stand before this order: approvers see the budget left. */
  budget?: readonly BudgetStanding[];
  /** The conversation as the buyer side reads it (never a seller note); the link's page has all of it. */
  thread?: CommentView[];
}

/** The supplier's quote as a PDF the approval link opens: every approver weighs the supplier's own document. */
export const quotePdfOffer = (sellerName: string, pdfUrl: string): { html: Html; text: string } => ({
  html: paragraph(
    html`${link(pdfUrl, `The quote from ${sellerName} as a PDF`)} (no sign-in: this email's link opens it).`,
  ),
  text: `The quote from ${sellerName} as a PDF: ${pdfUrl}`,
});

/** Who decides the level, naming the others asked: an approver knows whether their answer alone counts. */
const who = (step: ApprovalStep, approver: string): string => {
  const others = step.approvers.filter((a) => a !== approver);
  if (others.length === 0) return 'Your approval decides this level.';
  return step.mode === 'any'
    ? `Any one approver of this level decides; the first decision counts. Also asked: ${others.join(', ')}.`
    : `Every approver of this level must approve. Also asked: ${others.join(', ')}.`;
};

/** Why the level exists: its rules by name and condition, or the reason it was added. */
const why = (r: ApprovalRequest): string[] => {
  if (r.rules.length > 0) return r.rules.map((rule) => `${rule.name}${rule.when ? ` (${rule.when})` : ''}`);
  if (r.step.reason) return [`The order is ${r.step.reason}.`];
  if (r.step.escalated) return ['No approver was left on this level, so it went to the company admins.'];
  return [];
};

/** What the levels before this one decided, with their comments. */
const earlier = (r: ApprovalRequest): string[] =>
  r.rfq.approvals
    .filter((a) => a.level < r.step.level)
    .flatMap((a) =>
      a.decisions.map(
        (d) =>
          `Level ${a.level}: ${d.decision === 'approve' ? 'approved' : 'rejected'} by ${d.approver}${d.comment ? ` — “${d.comment}”` : ''}`,
      ),
    );

/** To one approver of one level of the buyer company's chain; every approver gets their own link. */
/** What an approver weighs first, the same in the request and in its escalation: whose purchase, from whom, by when. */
export const approvalFacts = (r: {
  sellerName: string;
  companyName: string;
  rfq: Pick<Rfq, 'buyerEmail' | 'poNumber'>;
  expiresAt: string;
}) =>
  [
    ['Supplier', r.sellerName],
    ['Company', r.companyName],
    ['Buyer', r.rfq.buyerEmail],
    ['PO number', r.rfq.poNumber ?? '—'],
    ['Decide by', deadline(r.expiresAt)],
  ] as const;

export const approvalRequestEmail = (r: ApprovalRequest): EmailMessage => {
  const subject = `${r.reminder ? 'Reminder: ' : ''}Approve purchase ${r.rfq.rfqId} (PO ${r.rfq.poNumber ?? '—'}) for ${r.companyName}`;
  const intro = sentence(
    `${r.rfq.buyerEmail} accepted this quote, and it needs your approval: level ${r.step.level} of ${r.levels}${r.step.reason ? `, ${r.step.reason}` : ''}`,
  );
  const facts = approvalFacts(r);
  const reasons = why(r);
  const before = earlier(r);
  const budget = r.budget ?? [];
  const talk = threadMail(r.thread ?? [], r.link);
  const pdf = quotePdfOffer(r.sellerName, r.pdfUrl);
  return email(
    [r.approver],
    subject,
    html`${heading(subject)}
${paragraph(intro)}
${factsHtml(facts)}
${reasons.length > 0 ? html`${paragraph(html`<strong>Why you are asked</strong>`)}<ul style="margin:0 0 12px;padding-left:20px">${reasons.map((x) => html`<li>${x}</li>`)}</ul>` : ''}
${paragraph(who(r.step, r.approver))}
${before.length > 0 ? html`${paragraph(html`<strong>Decided so far</strong>`)}<ul style="margin:0 0 12px;padding-left:20px">${before.map((x) => html`<li>${x}</li>`)}</ul>` : ''}
${budgetHtml(budget, r.quote.currency)}
${talk.html}
${quoteTableMail(r.quote, 'buyer')}
${pdf.html}
${button(r.link, 'Approve or reject')}
${paragraph('The link works once, for whoever holds it: please do not forward this email.')}`,
    [
      subject,
      intro,
      ...factsText(facts),
      ...(reasons.length > 0 ? [`Why you are asked:\n${reasons.map((x) => `- ${x}`).join('\n')}`] : []),
      who(r.step, r.approver),
      ...(before.length > 0 ? [`Decided so far:\n${before.map((x) => `- ${x}`).join('\n')}`] : []),
      ...budgetLines(budget, r.quote.currency),
      ...talk.text,
      quoteTableText(r.quote, 'buyer'),
      pdf.text,
      `Approve or reject: ${r.link}`,
      'The link works once, for whoever holds it: please do not forward this email.',
    ],
  );
};
