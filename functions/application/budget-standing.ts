import { type BudgetStanding, budgetStanding, budgetsOf, periodOf } from '#domain/budget.ts';
import type { Store } from '#store/ports.ts';

/**
 * Where each budget limiting this buyer stands for an order placed at `at`: read from the company's budgets and the
 * buyer's spend counters. Empty when the company gives the buyer no budget.
 */
export const readBudgetStanding = async (
  store: Pick<Store, 'budgets'>,
  order: { companyId: string; buyerEmail: string },
  at: Date,
): Promise<BudgetStanding[]> => {
  const resource = await store.budgets.getBudgets(order.companyId);
  if (!resource) return [];
  const limiting = budgetsOf(resource.budgets, order.buyerEmail);
  if (limiting.length === 0) return [];
  const spent = await store.budgets.spent(
    order.companyId,
    order.buyerEmail,
    limiting.map((b) => periodOf(at, b.period, resource)),
  );
  return budgetStanding(resource, order.buyerEmail, at, spent);
};
