import * as z from 'zod';
import type { RepQueue } from '#application/rep-queue.ts';
import { rfqSummary, rfqSummarySchema } from './rfq-view.ts';
import { taskSchema, taskView } from './task-view.ts';

/** What GET /me/queue answers; the view below is typed by it, so the OpenAPI document cannot drift. */
export const repQueueSchema = z.object({
  reviews: z.array(taskSchema),
  expiring: z.array(rfqSummarySchema),
  stalled: z.array(rfqSummarySchema),
});
export type RepQueueView = z.infer<typeof repQueueSchema>;

/** The rep's queue: their review tasks as GET /me/tasks shows them, their follow-ups as list rows (seller's quote). */
export const repQueueView = (queue: RepQueue): RepQueueView => ({
  reviews: queue.reviews.map(taskView),
  expiring: queue.expiring.map((rfq) => rfqSummary(rfq, rfq.quote)),
  stalled: queue.stalled.map((rfq) => rfqSummary(rfq, rfq.quote)),
});
