import { type ApprovalLevel, type ApprovalRule, approvalRuleSchema, type Condition } from '#domain/approval-rule.ts';

const numeric = (field: 'total' | 'lineCount' | 'maxLineTotal') => ({
  over: (value: number): Condition => ({ field, op: 'gt', value }),
  atLeast: (value: number): Condition => ({ field, op: 'gte', value }),
  under: (value: number): Condition => ({ field, op: 'lt', value }),
  atMost: (value: number): Condition => ({ field, op: 'lte', value }),
  exactly: (value: number): Condition => ({ field, op: 'eq', value }),
});
const membership = (field: 'sku' | 'category') => ({
  is: (value: string): Condition => ({ field, op: 'eq', value }),
  oneOf: (...values: string[]): Condition => ({ field, op: 'in', value: values }),
});

/** Conditions as they read: `total.over(1_000_00)`, `category.is('software')`, `allOf(...)`. */
export const total = numeric('total');
export const lineCount = numeric('lineCount');
export const maxLineTotal = numeric('maxLineTotal');
export const sku = membership('sku');
export const category = membership('category');
export const allOf = (...all: Condition[]): Condition => ({ all });
export const anyOf = (...any: Condition[]): Condition => ({ any });
export const not = (condition: Condition): Condition => ({ not: condition });
/** Holds for every quote. */
export const always: Condition = { field: 'total', op: 'gte', value: 0 };

class RuleBuilder {
  constructor(private readonly rule: ApprovalRule) {}

  private withLevel(level: ApprovalLevel): RuleBuilder {
    return new RuleBuilder({ ...this.rule, levels: [...this.rule.levels, level] });
  }

  when(condition: Condition) {
    return new RuleBuilder({ ...this.rule, when: condition });
  }
  named(name: string) {
    return new RuleBuilder({ ...this.rule, name });
  }
  /** Adds a level that any one of these approvers decides. */
  approvedBy(...approvers: string[]) {
    return this.withLevel({ approvers, mode: 'any' });
  }
  /** Adds a level that needs every one of these approvers. */
  approvedByAll(...approvers: string[]) {
    return this.withLevel({ approvers, mode: 'all' });
  }
  /** The last level goes to this contact when its approvers leave it unanswered past the reminder. */
  escalatingTo(contact: string) {
    const levels = this.rule.levels.map((level, i, all) =>
      i === all.length - 1 ? { ...level, escalateTo: contact } : level,
    );
    return new RuleBuilder({ ...this.rule, levels });
  }
  build(): ApprovalRule {
    return approvalRuleSchema.parse(this.rule);
  }
}

/** `aRule('big-spend').when(total.over(1_000_00)).approvedBy(lead1, lead2).approvedByAll(cfo)`. */
export const aRule = (ruleId = 'rule-1') => new RuleBuilder({ ruleId, name: ruleId, when: always, levels: [] });
