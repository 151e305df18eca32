import * as z from 'zod';
import { type RfqStatus, rfqStatus } from './lifecycle.ts';
import type { Audience } from './policy.ts';
import { type Actor, actorSchema } from './rfq.ts';

/** A history event as the store keeps it, reduced to what a view reads. */
export interface HistoryEntry {
  seq: number;
  at: string;
  actor: Actor;
  action: string;
  from?: RfqStatus;
  to?: RfqStatus;
  detail?: Record<string, unknown>;
}

/** An event of the RFQ's timeline as one audience reads it: `detail` holds only the fields named for that side. */
export const historyEntryViewSchema = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  actor: actorSchema,
  action: z.string(),
  from: rfqStatus.optional(),
  to: rfqStatus.optional(),
  detail: z.record(z.string(), z.unknown()),
});
export type HistoryEntryView = z.infer<typeof historyEntryViewSchema>;

/**
 * What the buyer side may read of the timeline: the events that concern them, each with the detail fields named here.
 * Seller-internal events (the rep's review notes, discount requests and decisions, refused reviews, mail and event
 * bookkeeping, the rep's and sales manager's links) are left out; an event type not named here is never shown.
 */
const buyerDetail: Record<string, readonly string[]> = {
  submitted: ['lines'],
  priced: ['quoteVersion', 'total', 'unpricedLines'],
  reviewed: [],
  quoted: ['quoteVersion', 'validUntil'],
  rejected: ['comment'],
  'revision-declined': ['quoteVersion', 'comment'],
  accepted: ['poNumber'],
  declined: ['reason'],
  'revision-requested': ['quoteVersion', 'comment'],
  'approval-started': ['levels'],
  'level-approved': ['level', 'decisions'],
  'approval-recorded': ['level', 'decisions'],
  approved: ['level', 'decisions', 'reason'],
  'approval-rejected': ['level', 'decisions'],
  ordered: ['orderId', 'total'],
  expired: ['waitingFor'],
  cancelled: ['reason'],
  failed: [],
};

/** Links and reminders the buyer company's own approvers were sent; the seller's own requests stay with the seller. */
const buyerSideRequest = (entry: HistoryEntry): boolean =>
  (entry.action === 'decision-requested' || entry.action === 'reminder-sent') &&
  entry.detail?.purpose === 'approval-level';

const pick = (detail: Record<string, unknown> | undefined, fields: readonly string[]) =>
  Object.fromEntries(fields.filter((f) => detail?.[f] !== undefined).map((f) => [f, detail?.[f]]));

const entryView = (entry: HistoryEntry, detail: Record<string, unknown>): HistoryEntryView => ({
  seq: entry.seq,
  at: entry.at,
  actor: entry.actor,
  action: entry.action,
  ...(entry.from !== undefined && { from: entry.from }),
  ...(entry.to !== undefined && { to: entry.to }),
  detail,
});

export const historyView = (entries: readonly HistoryEntry[], audience: Audience): HistoryEntryView[] =>
  audience === 'seller'
    ? entries.map((e) => entryView(e, e.detail ?? {}))
    : entries.flatMap((e) => {
        if (buyerSideRequest(e))
          return [entryView(e, pick(e.detail, ['purpose', 'level', 'quoteVersion', 'expiresAt']))];
        const fields = buyerDetail[e.action];
        return fields ? [entryView(e, pick(e.detail, fields))] : [];
      });
