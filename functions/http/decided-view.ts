import type { Caller } from '#domain/caller.ts';
import type { Store } from '#store/ports.ts';
import { notFound } from './problem.ts';
import { type RfqView, readRfqView } from './rfq-view.ts';

/**
 * 202 with the RFQ as it is now: the decision resumed the workflow, whose next step records it and moves the RFQ, so
 * the status may or may not have changed yet. Clients poll GET /rfqs/{rfqId}.
 */
export const accepted = async (
  store: Store,
  rfqId: string,
  caller: Caller,
): Promise<{ status: 202; body: RfqView }> => {
  const rfq = await store.rfqs.get(rfqId);
  if (!rfq) throw notFound(`no RFQ ${rfqId}`);
  return { status: 202, body: await readRfqView(store, rfq, caller) };
};
