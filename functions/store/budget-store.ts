import { budgetsSchema, type PeriodOf, spendKey } from '#domain/budget.ts';
import { fromItem, toItem } from './item.ts';
import { keys } from './keys.ts';
import type { BudgetStore } from './ports.ts';
import type { TableClient, TransactWrite } from './table-client.ts';

/** A company's budgets (one item, replaced whole) and its buyers' spend per period (one counter item each). */
export const createBudgetStore = (table: TableClient): BudgetStore => ({
  async putBudgets(companyId, budgets) {
    await table.put({ Item: toItem(keys.budgets(companyId), {}, { companyId, ...budgets }) });
  },
  async getBudgets(companyId) {
    const item = await table.get(keys.budgets(companyId));
    return item && budgetsSchema.parse(fromItem(item));
  },
  async spent(companyId, buyerEmail, periods) {
    const items = await table.batchGet(periods.map((p) => keys.spend(companyId, buyerEmail, spendKey(p))));
    return new Map(items.map((item) => [item.period as string, item.spent as number]));
  },
});

/**
 * The conversion transaction's write for one period: add the order's total to the buyer's spend, creating the counter
 * on the first order. With a limit, the condition lets it through only while spend + total ≤ limit.
 */
export const spendWrite = (
  order: { companyId: string; buyerEmail: string; total: number },
  period: PeriodOf,
  limit: number | undefined,
): TransactWrite => {
  const key = spendKey(period);
  return {
    Update: {
      Key: keys.spend(order.companyId, order.buyerEmail, key),
      UpdateExpression: 'SET #period = :period ADD #spent :total',
      ...(limit !== undefined && {
        ConditionExpression: 'attribute_not_exists(#spent) OR #spent <= :room',
      }),
      ExpressionAttributeNames: { '#spent': 'spent', '#period': 'period' },
      ExpressionAttributeValues: {
        ':period': key,
        ':total': order.total,
        ...(limit !== undefined && { ':room': limit - order.total }),
      },
    },
  };
};
