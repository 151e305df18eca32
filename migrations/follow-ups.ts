import { followUpStatuses } from '#domain/follow-ups.ts';
import { storeFromConfig } from '#store/from-config.ts';
import type { RfqStore } from '#store/ports.ts';
import { backfill, runMigration } from './backfill.ts';

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
  const done = { seen: 0, indexed: 0 };
  for (const status of followUpStatuses) {
    const { seen, indexed } = await backfill(
      (cursor) => rfqs.listAll({ status, limit: 100, ...(cursor && { cursor }) }),
      async (rfq) => (await rfqs.indexFollowUp(rfq)) === 'indexed',
      (seen, indexed) => progress(done.seen + seen, done.indexed + indexed),
    );
    done.seen += seen;
    done.indexed += indexed;
  }
  return done;
};

if (import.meta.main) {
  await runMigration(
    () =>
      indexFollowUps(storeFromConfig().rfqs, (seen, indexed) =>
        console.error(`${seen.toLocaleString('en')} RFQs read, ${indexed.toLocaleString('en')} given their follow-up`),
      ),
    ({ seen, indexed }) => `${indexed} of ${seen} quoted or approving RFQs given their follow-up entry.`,
  );
}
