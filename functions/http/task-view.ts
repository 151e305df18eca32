import * as z from 'zod';
import type { OpenTask } from '#application/open-tasks.ts';
import { earlierLevelSchema, earlierLevels } from '#domain/earlier-levels.ts';
import { rfqStatus } from '#domain/lifecycle.ts';

const kindOf = {
  'rep-review': 'review',
  'discount-approval': 'discount-approval',
  'approval-level': 'purchase-approval',
} as const;

/** What GET /me/tasks answers per task; the view below is typed by it, so the OpenAPI document cannot drift. */
export const taskSchema = z.object({
  kind: z.enum(['review', 'discount-approval', 'purchase-approval']),
  rfqId: z.string(),
  quoteVersion: z.number().int(),
  assignedAt: z.string(),
  dueAt: z.string(),
  /** The out-of-office person the caller stands in for on this task (their delegate's link). */
  onBehalfOf: z.string().optional(),
  rfq: z.object({
    status: rfqStatus,
    companyId: z.string(),
    companyName: z.string(),
    buyerEmail: z.string(),
    accountRepEmail: z.string(),
    currency: z.string(),
    total: z.number().int(),
    lineCount: z.number().int(),
    validUntil: z.string().nullable(),
    poNumber: z.string().nullable(),
  }),
  approval: z
    .object({
      level: z.number().int(),
      levels: z.number().int(),
      mode: z.enum(['any', 'all']),
      rules: z.array(z.string()),
      approvers: z.array(z.string()),
      escalated: z.boolean(),
      earlier: z.array(earlierLevelSchema),
    })
    .optional(),
});
export type TaskView = z.infer<typeof taskSchema>;
export const taskListSchema = z.object({ items: z.array(taskSchema) });

/**
 * A task as GET /me/tasks shows it, named field by field: the RFQ's summary (never its lines, so never a cost), when
 * it is due, and for a purchase approval why the caller is asked — the rules, the level, who else is on it and what
 * the earlier levels decided. Everything here is what the person it waits for may read anyway.
 */
export const taskView = ({ link, rfq, quote, companyName, ruleNames }: OpenTask): TaskView => {
  const level = link.purpose === 'approval-level' ? rfq.approvals.find((a) => a.level === link.level) : undefined;
  return {
    kind: kindOf[link.purpose],
    rfqId: rfq.rfqId,
    quoteVersion: link.quoteVersion,
    assignedAt: link.createdAt,
    dueAt: link.expiresAt,
    ...(link.onBehalfOf !== undefined && { onBehalfOf: link.onBehalfOf }),
    rfq: {
      status: rfq.status,
      companyId: rfq.companyId,
      companyName,
      buyerEmail: rfq.buyerEmail,
      accountRepEmail: rfq.accountRepEmail,
      currency: quote.currency,
      total: quote.total,
      lineCount: quote.lines.length,
      validUntil: quote.validUntil ?? null,
      poNumber: rfq.poNumber ?? null,
    },
    ...(level && {
      approval: {
        level: level.level,
        levels: rfq.approvals.length,
        mode: level.mode,
        rules: ruleNames,
        approvers: level.approvers,
        escalated: level.escalated,
        earlier: earlierLevels(rfq.approvals, level.level),
      },
    }),
  };
};
