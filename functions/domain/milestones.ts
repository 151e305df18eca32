import * as z from 'zod';
import { type RfqStatus, terminalStatuses } from './lifecycle.ts';

/**
 * When an RFQ first reached each step that KPIs measure from. Carried on the RFQ itself, so every change of status
 * holds everything needed to measure it — time to quote, approval cycle, the day each outcome happened — and the
 * KPI rollups never read anything but the change. Submission is the RFQ's `createdAt`.
 */
export const milestonesSchema = z.object({
  /** The first QUOTED: a revised quote (QUOTED again) keeps it. */
  quotedAt: z.iso.datetime().optional(),
  acceptedAt: z.iso.datetime().optional(),
  approvedAt: z.iso.datetime().optional(),
  /** When it reached a terminal status (ORDERED, DECLINED, EXPIRED ...). */
  closedAt: z.iso.datetime().optional(),
});
export type Milestones = z.infer<typeof milestonesSchema>;

const stampOf: Partial<Record<RfqStatus, keyof Milestones>> = {
  QUOTED: 'quotedAt',
  ACCEPTED: 'acceptedAt',
  APPROVED: 'approvedAt',
};

/** The milestones after moving to `to` at `at`: a milestone, once stamped, keeps its first time. */
export const stampMilestones = (
  milestones: Milestones | undefined,
  to: RfqStatus,
  at: string,
): Milestones | undefined => {
  const stamp = terminalStatuses.has(to) ? 'closedAt' : stampOf[to];
  if (!stamp || milestones?.[stamp] !== undefined) return milestones;
  return { ...milestones, [stamp]: at };
};
