import { storeFromConfig } from '#store/from-config.ts';
import type { OrderStore } from '#store/ports.ts';

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
): Promise<{ seen: number; indexed: number }> => {
  let seen = 0;
  let indexed = 0;
  let cursor: string | undefined;
  do {
    const page = await orders.listAll({ limit: 100, ...(cursor && { cursor }) });
    for (const order of page.items) {
      seen += 1;
      if ((await orders.indexPoNumber(order)) === 'indexed') indexed += 1;
    }
    progress(seen, indexed);
    cursor = page.cursor;
  } while (cursor);
  return { seen, indexed };
};

if (import.meta.main) {
  const started = performance.now();
  const { seen, indexed } = await indexOrdersByPoNumber(storeFromConfig().orders, (seen, indexed) =>
    console.error(`${seen.toLocaleString('en')} orders read, ${indexed.toLocaleString('en')} indexed`),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Done in ${seconds} s: ${indexed} of ${seen} orders given their company-and-PO index entry.`);
}
