import { followUpStatuses } from '#domain/follow-ups.ts';
import { storeFromConfig } from '#store/from-config.ts';
import type { RfqStore } from '#store/ports.ts';

/**
 * The rep's queue reads each rep's follow-ups (docs/access-patterns.md): an entry beside every RFQ that waits on the
 * buyer's side, kept by every write of the RFQ. An RFQ quoted or in approval before those entries existed has none,
 * and its rep would not see it expiring or stalled until its next change: this gives every such RFQ its entry. It
 * reads only the RFQs in those states (the all-RFQs list by status, a page at a time) and writes only an entry that is
 * missing, on the RFQ's version as read — so it is safe while the app runs and to run again (a second run indexes
 * nothing).
 *
 *   TABLE_NAME=<the stack's table> AWS_REGION=<region> npm run migrate:follow-ups
 */
export const indexFollowUps = async (
  rfqs: RfqStore,
  progress: (seen: number, indexed: number) => void,
): Promise<{ seen: number; indexed: number }> => {
  let seen = 0;
  let indexed = 0;
  for (const status of followUpStatuses) {
    let cursor: string | undefined;
    do {
      const page = await rfqs.listAll({ status, limit: 100, ...(cursor && { cursor }) });
      for (const rfq of page.items) {
        seen += 1;
        if ((await rfqs.indexFollowUp(rfq)) === 'indexed') indexed += 1;
      }
      progress(seen, indexed);
      cursor = page.cursor;
    } while (cursor);
  }
  return { seen, indexed };
};

if (import.meta.main) {
  const started = performance.now();
  const { seen, indexed } = await indexFollowUps(storeFromConfig().rfqs, (seen, indexed) =>
    console.error(`${seen.toLocaleString('en')} RFQs read, ${indexed.toLocaleString('en')} given their follow-up`),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Done in ${seconds} s: ${indexed} of ${seen} quoted or approving RFQs given their follow-up entry.`);
}
