import type { Schemas } from '../api/client.ts';
import { money } from '../ui/money.ts';

type Condition = Schemas['Condition'];

const ops = { gt: 'over', gte: 'at least', lt: 'under', lte: 'at most', eq: 'exactly' } as const;
const fields = { total: 'order total', maxLineTotal: 'largest line total', lineCount: 'number of lines' } as const;

/** A rule's condition in words: "order total over $5,000.00", "a line in category electronics", "… and …". */
export const conditionText = (condition: Condition, currency: string): string => {
  if ('all' in condition) return condition.all.map((c) => conditionText(c, currency)).join(' and ');
  if ('any' in condition) return condition.any.map((c) => conditionText(c, currency)).join(' or ');
  if ('not' in condition) return `not (${conditionText(condition.not, currency)})`;
  if (condition.field === 'sku' || condition.field === 'category') {
    const values = typeof condition.value === 'string' ? [condition.value] : condition.value;
    return `a line with ${condition.field === 'sku' ? 'SKU' : 'category'} ${values.join(' or ')}`;
  }
  const { field, op, value } = condition as Extract<Condition, { value: number }>;
  return `${fields[field]} ${ops[op]} ${field === 'lineCount' ? value.toLocaleString() : money(value, currency)}`;
};
