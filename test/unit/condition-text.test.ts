import { describe, expect, it } from 'vitest';
import { conditionText, rulesOfLevel } from '#domain/condition-text.ts';
import { allOf, anyOf, aRule, category, lineCount, maxLineTotal, not, sku, total } from '../builders/approval-rule.ts';

describe('a rule condition in words, for the approver it asks', () => {
  it.each([
    [total.over(1_000_00), 'order total over $1,000.00'],
    [total.atLeast(50_00), 'order total at least $50.00'],
    [maxLineTotal.under(200_00), 'largest line total under $200.00'],
    [lineCount.atMost(1_200), 'number of lines at most 1,200'],
    [sku.is('VALVE'), 'a SKU is VALVE'],
    [category.oneOf('safety', 'tools'), 'a category is one of Safety, Tools'],
    [
      allOf(total.over(100_00), anyOf(category.is('a'), not(sku.is('B')))),
      'order total over $100.00 and (a category is A or not a SKU is B)',
    ],
  ])('%j reads "%s"', (condition, words) => {
    expect(conditionText(condition, 'USD')).toBe(words);
  });

  it('names the rules of a level in order, with the id of a rule that is gone', () => {
    const rules = [aRule('big').when(total.over(5_000_00)).approvedBy('cfo@acme.example').build()];
    expect(rulesOfLevel(['big', 'gone'], rules, 'EUR')).toEqual([
      { name: 'big', when: 'order total over €5,000.00' },
      { name: 'gone', when: '' },
    ]);
  });
});
