import type { BudgetStanding } from '#domain/budget.ts';
import { formatMoney } from '#domain/money-format.ts';
import { type Html, html } from '#rendering/html.ts';

const periodName = (s: BudgetStanding): string =>
  s.period === 'month' ? `month of ${s.start}` : `quarter from ${s.start}`;

/** "Budget left for the month of 2026-11: $505.00 of $1,500.00", one line per budget limiting the buyer. */
export const budgetLines = (standing: readonly BudgetStanding[], currency: string): string[] =>
  standing.map(
    (s) =>
      `Budget left for the ${periodName(s)}: ${formatMoney(s.remaining, currency)} of ${formatMoney(s.amount, currency)}`,
  );

export const budgetHtml = (standing: readonly BudgetStanding[], currency: string): Html =>
  standing.length === 0
    ? html``
    : html`<ul style="margin:0 0 12px;padding-left:20px">${budgetLines(standing, currency).map((line) => html`<li>${line}</li>`)}</ul>`;
