import { storeFromConfig } from '#store/from-config.ts';
import type { OrderStore } from '#store/ports.ts';
import { backfill, runMigration } from './backfill.ts';

/**
 * Orders are indexed by company and PO number so the app can warn a buyer who accepts under a PO the company already
 * ordered with (`GET /rfqs/{rfqId}/po-number-uses`). An order placed before that index existed has no entry in it and
 * is never found by the warning: this gives every such order its entry. It reads each order once (the all-orders
 * list, a page at a time) and writes only those without an entry, so it is safe while the app runs and to run again —
 * a second run indexes nothing.
 *
 *   TABLE_NAME=<the stack's table> AWS_REGION=<region> npm run migrate:po-number-index
 */
export const indexOrdersByPoNumber = async (
  orders: OrderStore,
  progress: (seen: number, indexed: number) => void,
): Promise<{ seen: number; indexed: number }> =>
  backfill(
    (cursor) => orders.listAll({ limit: 100, ...(cursor && { cursor }) }),
    async (order) => (await orders.indexPoNumber(order)) === 'indexed',
    progress,
  );

if (import.meta.main) {
  await runMigration(
    () =>
      indexOrdersByPoNumber(storeFromConfig().orders, (seen, indexed) =>
        console.error(`${seen.toLocaleString('en')} orders read, ${indexed.toLocaleString('en')} indexed`),
      ),
    ({ seen, indexed }) => `${indexed} of ${seen} orders given their company-and-PO index entry.`,
  );
}
