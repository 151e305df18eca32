import type { ApprovalRule, Condition } from './approval-rule.ts';
import { categoryName } from './category-name.ts';
import { formatMoney } from './money-format.ts';

/**
 * An approval rule's condition in words, for the person it asks to decide: "order total over $1,000.00 and a category is
 * Safety". Money fields are in the company's currency (rule values are its minor units).
 */
const comparison = { gt: 'over', gte: 'at least', lt: 'under', lte: 'at most', eq: 'exactly' } as const;
const fieldName = { total: 'order total', lineCount: 'number of lines', maxLineTotal: 'largest line total' } as const;

export const conditionText = (condition: Condition, currency: string): string => {
  const nested = (c: Condition) => {
    const text = conditionText(c, currency);
    return 'all' in c || 'any' in c ? `(${text})` : text;
  };
  if ('all' in condition) return condition.all.map(nested).join(' and ');
  if ('any' in condition) return condition.any.map(nested).join(' or ');
  if ('not' in condition) return `not ${nested(condition.not)}`;
  const { field, op, value } = condition;
  if (field === 'sku' || field === 'category' || typeof value !== 'number' || op === 'in') {
    const given = Array.isArray(value) ? value : [String(value)];
    const values = field === 'category' ? given.map(categoryName) : given;
    const what = field === 'sku' ? 'a SKU' : 'a category';
    return values.length === 1 ? `${what} is ${values[0]}` : `${what} is one of ${values.join(', ')}`;
  }
  const amount = field === 'lineCount' ? value.toLocaleString('en-US') : formatMoney(value, currency);
  return `${fieldName[field]} ${comparison[op]} ${amount}`;
};

/** The rules that put a level in the chain, by name and condition in words (a rule since deleted shows its id). */
export const rulesOfLevel = (
  ruleIds: readonly string[],
  rules: readonly ApprovalRule[],
  currency: string,
): { name: string; when: string }[] =>
  ruleIds.map((id) => {
    const rule = rules.find((r) => r.ruleId === id);
    return { name: rule?.name ?? id, when: rule ? conditionText(rule.when, currency) : '' };
  });
