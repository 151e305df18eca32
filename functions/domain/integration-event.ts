import * as z from 'zod';

/**
 * One event of the integration feed (`GET /integration/events`): what an ERP follows to learn of every change. `id`
 * is unique and stable (a re-sent event keeps it), `subject` names what it is about (an RFQ or an order), `data` is
 * the event's detail as EventBridge carries it.
 */
export const integrationEventSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  occurredAt: z.iso.datetime(),
  subject: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
});
export type IntegrationEvent = z.infer<typeof integrationEventSchema>;

/** A feed position: the number of the last event read, `0` before the first. Plain, since it discloses nothing. */
export const feedCursor = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,14})$/, 'a cursor from an earlier answer, or 0 for the start')
  .transform(Number);

/** How long events stay in the feed: a reader away for a month still finds every event since it left. */
export const FEED_RETENTION_DAYS = 35;
