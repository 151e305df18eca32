import * as z from 'zod';
import { buildApprovalChain } from './approval-chain.ts';
import type { ApprovalRule } from './approval-rule.ts';
import type { Company } from './company.ts';
import type { Quote } from './rfq.ts';

/** One level a previewed order would need, with the names of the rules that put it there. */
export const previewLevelSchema = z.object({
  level: z.number().int(),
  mode: z.enum(['any', 'all']),
  approvers: z.array(z.string()),
  rules: z.array(z.string()),
  escalated: z.boolean(),
});
export type PreviewLevel = z.infer<typeof previewLevelSchema>;

/**
 * "Which levels would a 2,500.00 order need?": the chain the workflow would build (buildApprovalChain, the very rule
 * evaluation) for an order of that total, by nobody in particular (no approver is skipped as its submitter). An order
 * of no lines: conditions on lines (sku, category, line count, largest line) hold as they would for an empty order.
 */
export const previewChain = (
  rules: readonly ApprovalRule[],
  company: Pick<Company, 'users' | 'currency'>,
  total: number,
): PreviewLevel[] => {
  const quote: Quote = {
    version: 1,
    currency: company.currency,
    lines: [],
    subtotal: total,
    discountTotal: 0,
    total,
    unpricedLines: 0,
    pricedAt: new Date(0).toISOString(),
  };
  const names = new Map(rules.map((r) => [r.ruleId, r.name]));
  return buildApprovalChain({ rules, quote, company, submitterEmail: '' }).map((step) => ({
    level: step.level,
    mode: step.mode,
    approvers: step.approvers,
    rules: step.ruleIds.map((id) => names.get(id) ?? id),
    escalated: step.escalated,
  }));
};
