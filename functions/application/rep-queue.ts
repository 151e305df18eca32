import type { Caller } from '#domain/caller.ts';
import { followUpDue } from '#domain/follow-ups.ts';
import type { Rfq } from '#domain/rfq.ts';
import type { Store } from '#store/ports.ts';
import { type OpenTask, openTasks } from './open-tasks.ts';

/** The most of each follow-up list the queue shows: the most urgent first. */
const FOLLOW_UPS_SHOWN = 100;

export interface RepQueue {
  /** Reviews waiting for the rep, soonest due first. */
  reviews: OpenTask[];
  /** Quotes of their accounts expiring within 7 days, soonest first. */
  expiring: Rfq[];
  /** Purchases of their accounts stuck in the buyer's approval chain for over a day, longest first. */
  stalled: Rfq[];
}

/**
 * GET /me/queue: the three places a deal of the rep's goes quiet, read at once — their open reviews, and two key
 * ranges of their follow-ups (domain/follow-ups.ts), which hold only what is due: no list is read to be filtered.
 */
export const repQueue = async (caller: Caller, store: Store, now: Date): Promise<RepQueue> => {
  const due = followUpDue(now);
  const [tasks, expiring, stalled] = await Promise.all([
    openTasks(caller, store, now),
    store.rfqs.followUps(caller.email, 'QUOTED', due.QUOTED, FOLLOW_UPS_SHOWN),
    store.rfqs.followUps(caller.email, 'PENDING_APPROVAL', due.PENDING_APPROVAL, FOLLOW_UPS_SHOWN),
  ]);
  return { reviews: tasks.filter((task) => task.link.purpose === 'rep-review'), expiring, stalled };
};
