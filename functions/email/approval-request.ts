import type { BudgetStanding } from '#domain/budget.ts';
import type { ApprovalStep, Quote, Rfq } from '#domain/rfq.ts';
import { html } from '#functions/pages/html.ts';
import { budgetHtml, budgetLines } from './budget-summary.ts';
import { button, deadline, email } from './layout.ts';
import type { EmailMessage } from './mailer.ts';
import { quoteTableHtml, quoteTableText } from './quote-summary.ts';

export interface ApprovalRequest {
  rfq: Rfq;
  quote: Quote;
  companyName: string;
  step: ApprovalStep;
  levels: number;
  approver: string;
  link: string;
  expiresAt: string;
  reminder: boolean;
  /** Where the buyer's budgets stand before this order: approvers see the budget left. */
  budget?: readonly BudgetStanding[];
}

const who = (step: ApprovalStep): string =>
  step.approvers.length === 1
    ? 'Your approval decides this level.'
    : step.mode === 'any'
      ? `Any one of ${step.approvers.length} approvers decides this level; the first decision counts.`
      : `Every one of the ${step.approvers.length} approvers of this level must approve.`;

/** To one approver of one level of the buyer company's chain; every approver gets their own link. */
export const approvalRequestEmail = (r: ApprovalRequest): EmailMessage => {
  const subject = `${r.reminder ? 'Reminder: ' : ''}Approve purchase ${r.rfq.rfqId} (PO ${r.rfq.poNumber ?? '—'}) for ${r.companyName}`;
  const why = r.step.reason ? `, ${r.step.reason}` : r.step.escalated ? ', escalated to the company admins' : '';
  const intro = `${r.rfq.buyerEmail} accepted this quote with PO number ${r.rfq.poNumber ?? '—'} and it needs your approval (level ${r.step.level} of ${r.levels}${why}).`;
  const budget = r.budget ?? [];
  return email(
    [r.approver],
    subject,
    html`<h1>${subject}</h1>
<p>${intro} Please decide by <strong>${deadline(r.expiresAt)}</strong>.</p>
<p>${who(r.step)}</p>
${budgetHtml(budget, r.quote.currency)}
${quoteTableHtml(r.quote)}
${button(r.link, 'Approve or reject')}
<p>The link works once, for whoever holds it: please do not forward this email.</p>`,
    [
      subject,
      `${intro} Please decide by ${deadline(r.expiresAt)}.`,
      who(r.step),
      ...budgetLines(budget, r.quote.currency),
      quoteTableText(r.quote),
      `Approve or reject: ${r.link}`,
      'The link works once, for whoever holds it: please do not forward this email.',
    ],
  );
};
