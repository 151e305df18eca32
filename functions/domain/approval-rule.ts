import * as z from 'zod';
import { email } from './company.ts';
import { singleLine } from './text.ts';

const comparison = z.object({
  field: z.enum(['total', 'lineCount', 'maxLineTotal']),
  op: z.enum(['gt', 'gte', 'lt', 'lte', 'eq']),
  value: z.number().int(),
});
const membership = z.object({
  field: z.enum(['sku', 'category']),
  op: z.enum(['eq', 'in']),
  value: z.union([singleLine(100), z.array(singleLine(100)).min(1).max(500)]),
});

export type Condition =
  | z.infer<typeof comparison>
  | z.infer<typeof membership>
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** How deep `all` / `any` / `not` may nest: deep enough for any real rule, far below DynamoDB's 32 levels. */
export const maxConditionDepth = 6;

/**
 * The nesting depth of a would-be condition (a leaf is 1), measured without recursion so that no input, however deep,
 * can overflow the stack before it is refused; it stops counting past `maxConditionDepth`.
 */
export const conditionDepth = (raw: unknown): number => {
  let deepest = 0;
  const pending: [unknown, number][] = [[raw, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > maxConditionDepth || typeof node !== 'object' || node === null) continue;
    const children = [
      ...('all' in node && Array.isArray(node.all) ? node.all : []),
      ...('any' in node && Array.isArray(node.any) ? node.any : []),
      ...('not' in node ? [node.not] : []),
    ];
    for (const child of children) pending.push([child, depth + 1]);
  }
  return deepest;
};

export const conditionShape: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    comparison,
    membership,
    z.object({ all: z.array(conditionShape).min(1).max(50) }),
    z.object({ any: z.array(conditionShape).min(1).max(50) }),
    z.object({ not: conditionShape }),
  ]),
);

const tooDeep: Condition = { field: 'total', op: 'gte', value: 0 };

/** A rule's condition: its depth is checked first, so a deep one is a 400 naming the field, never a crash. */
export const conditionSchema: z.ZodType<Condition> = z.preprocess((value, ctx) => {
  if (conditionDepth(value) <= maxConditionDepth) return value;
  ctx.issues.push({
    code: 'custom',
    message: `conditions may nest at most ${maxConditionDepth} levels deep`,
    input: value,
  });
  // The parse has failed already; the recursive shape check must not walk (and overflow on) the deep value.
  return tooDeep;
}, conditionShape);

export const approvalLevelSchema = z.object({
  approvers: z.array(email).min(1).max(50),
  mode: z.enum(['any', 'all']),
  /** Who decides when the level's approvers leave it unanswered past their reminder (default: the company's admins). */
  escalateTo: email.optional(),
});
export type ApprovalLevel = z.infer<typeof approvalLevelSchema>;

export const approvalRuleSchema = z.object({
  ruleId: singleLine(64),
  name: singleLine(200),
  when: conditionSchema,
  levels: z.array(approvalLevelSchema).min(1).max(10),
});
export type ApprovalRule = z.infer<typeof approvalRuleSchema>;

export const approvalRulesSchema = z.object({ rules: z.array(approvalRuleSchema).max(100) });

/**
 * Approvers and escalation contacts must be the company's own users with the approver role (or its admins): a rule
 * naming anyone else would send a purchase approval link outside the company. Answers one problem per person who is not.
 */
export const approversOutsideCompany = (
  rules: readonly ApprovalRule[],
  users: readonly { email: string; roles: readonly string[] }[],
): { path: string; message: string }[] => {
  const approvers = new Set(
    users.filter((u) => u.roles.includes('approver') || u.roles.includes('admin')).map((u) => u.email),
  );
  const outside = (who: string, path: string) =>
    approvers.has(who) ? [] : [{ path, message: `${who} is not an approver of this company` }];
  return rules.flatMap((rule, r) =>
    rule.levels.flatMap((level, l) => [
      ...level.approvers.flatMap((approver, a) => outside(approver, `rules.${r}.levels.${l}.approvers.${a}`)),
      ...(level.escalateTo ? outside(level.escalateTo, `rules.${r}.levels.${l}.escalateTo`) : []),
    ]),
  );
};
