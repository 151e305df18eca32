import type { RfqStatus } from './lifecycle.ts';
import type { Rfq } from './rfq.ts';

/**
 * The two places a deal goes quiet on the seller's side after the rep priced it, which the rep's queue shows beside
 * their reviews: a quote the buyer has not answered that is about to expire, and a purchase stuck in the buyer's
 * approval chain. Each RFQ in one of these states has one follow-up date: when its quote expires (its last valid
 * day), or since when its approval has been untouched (its last change).
 */
export const followUpStatuses = ['QUOTED', 'PENDING_APPROVAL'] as const satisfies readonly RfqStatus[];
export type FollowUpStatus = (typeof followUpStatuses)[number];

const DAY_MS = 86_400_000;
/** A quote valid for at most this much longer is expiring; an approval untouched for longer than this is stalled. */
export const expiringWithinMs = 7 * DAY_MS;
export const stalledAfterMs = DAY_MS;

export const isFollowUpStatus = (status: RfqStatus): status is FollowUpStatus =>
  (followUpStatuses as readonly RfqStatus[]).includes(status);

/**
 * The RFQ's follow-up date in its state: the quote's last valid day (`YYYY-MM-DD`) while it waits for the buyer, the
 * RFQ's last change (ISO) while it waits for the buyer's approvers; none in any other state (nor for a quote without
 * an expiry).
 */
export const followUpDate = (rfq: Pick<Rfq, 'status' | 'updatedAt' | 'quote'>): string | undefined => {
  if (rfq.status === 'QUOTED') return rfq.quote?.validUntil;
  if (rfq.status === 'PENDING_APPROVAL') return rfq.updatedAt;
  return undefined;
};

/**
 * The latest follow-up date that needs the rep now, per state: a quote whose last valid day ends within 7 days (a
 * quote valid through day D lasts until D 23:59:59 UTC), an approval last touched over a day ago. Dates compare as
 * strings, as the store's keys do.
 */
export const followUpDue = (now: Date): Record<FollowUpStatus, string> => ({
  QUOTED: new Date(now.getTime() + expiringWithinMs - (DAY_MS - 1000)).toISOString().slice(0, 10),
  PENDING_APPROVAL: new Date(now.getTime() - stalledAfterMs).toISOString(),
});

/** Whether the RFQ needs its rep's follow-up at `now`. */
export const needsFollowUp = (rfq: Pick<Rfq, 'status' | 'updatedAt' | 'quote'>, now: Date): boolean => {
  const date = followUpDate(rfq);
  return date !== undefined && isFollowUpStatus(rfq.status) && date <= followUpDue(now)[rfq.status];
};
