import * as z from 'zod';
import { type ApprovalStep, approvalStepSchema } from './rfq.ts';

/** What a decider of an approval level may read of the levels before theirs (and of their own, once decided on). */
export const earlierLevelSchema = z.object({
  level: z.number().int(),
  status: approvalStepSchema.shape.status,
  decisions: z.array(
    z.object({
      approver: z.string(),
      decision: z.enum(['approve', 'reject']),
      at: z.string(),
      comment: z.string().optional(),
    }),
  ),
});
export type EarlierLevel = z.infer<typeof earlierLevelSchema>;

/**
 * The levels before `level` and any decision already made on it, named field by field: the email link's page and
 * the approver's task show the same history, never who stood in for whom beyond the approver.
 */
export const earlierLevels = (approvals: ApprovalStep[], level: number): EarlierLevel[] =>
  approvals
    .filter((a) => a.level < level || (a.level === level && a.decisions.length > 0))
    .map((a) => ({
      level: a.level,
      status: a.status,
      decisions: a.decisions.map((d) => ({
        approver: d.approver,
        decision: d.decision,
        at: d.at,
        ...(d.comment !== undefined && { comment: d.comment }),
      })),
    }));
