import { AlreadyDecided, RetryLater } from '#domain/errors.ts';
import type { Rfq } from '#domain/rfq.ts';
import type { Store } from '#store/ports.ts';

/** What a decision's wait hangs on: while these read as before, no decision has moved the RFQ on. */
const standing = (rfq: Rfq): string =>
  JSON.stringify([rfq.status, rfq.quote?.version, rfq.approvals.map((a) => [a.level, a.status])]);

/**
 * Whether the RFQ still stands as the caller read it: no decision has moved it on since (it may be gone: then it has).
 */
export const standsAsRead = async (store: Store, read: Rfq): Promise<boolean> => {
  const current = await store.rfqs.get(read.rfqId);
  return current !== undefined && standing(current) === standing(read);
};

/**
 * The answer to a decision that finds nothing open to answer for what its caller read — no wait, no live link, or a
 * task token that is gone. It looks at the RFQ again: moved on since it was read (decided, expired, another quote
 * version, a level closed) is final; still the same, the wait is between two openings — its request step on the way,
 * asked again (a refused review, an `all` level asking the rest), or a step retrying after a fault — so the caller is
 * told to retry in a moment, never that it was decided. Answers the error to throw.
 */
export const noOpenWait = async (
  store: Store,
  read: Rfq,
  say: { decided: string; opening: string },
): Promise<AlreadyDecided | RetryLater> => {
  return (await standsAsRead(store, read))
    ? new RetryLater(`${say.opening}; retry in a moment`)
    : new AlreadyDecided(say.decided);
};
