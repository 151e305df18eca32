import * as z from 'zod';
import { email } from './company.ts';

const comparison = z.object({
  field: z.enum(['total', 'lineCount', 'maxLineTotal']),
  op: z.enum(['gt', 'gte', 'lt', 'lte', 'eq']),
  value: z.number().int(),
});
const membership = z.object({
  field: z.enum(['sku', 'category']),
  op: z.enum(['eq', 'in']),
  value: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
});

export type Condition =
  | z.infer<typeof comparison>
  | z.infer<typeof membership>
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    comparison,
    membership,
    z.object({ all: z.array(conditionSchema).min(1) }),
    z.object({ any: z.array(conditionSchema).min(1) }),
    z.object({ not: conditionSchema }),
  ]),
);

export const approvalLevelSchema = z.object({
  approvers: z.array(email).min(1).max(50),
  mode: z.enum(['any', 'all']),
});
export type ApprovalLevel = z.infer<typeof approvalLevelSchema>;

export const approvalRuleSchema = z.object({
  ruleId: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  when: conditionSchema,
  levels: z.array(approvalLevelSchema).min(1).max(10),
});
export type ApprovalRule = z.infer<typeof approvalRuleSchema>;

export const approvalRulesSchema = z.object({ rules: z.array(approvalRuleSchema).max(100) });
