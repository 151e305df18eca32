import type { Caller } from '#domain/caller.ts';
import { NotFound } from '#domain/errors.ts';
import { isIntegration, type Principal } from '#domain/integration.ts';
import type { Order } from '#domain/order.ts';
import { mayReadOrder, mayReadRfq, type Owned } from '#domain/policy.ts';
import type { Rfq } from '#domain/rfq.ts';
import type { Store } from '#store/ports.ts';

/** The RFQ if it exists and the caller may see it; 404 otherwise, so another company's RFQ is never confirmed. */
export const visibleRfq = async (store: Store, rfqId: string, caller: Caller): Promise<Rfq> => {
  const rfq = await store.rfqs.get(rfqId);
  if (!rfq || !mayReadRfq(caller, rfq)) throw new NotFound(`no RFQ ${rfqId}`);
  return rfq;
};

/**
 * Orders do not carry the rep; a rep's access is decided by the company's current accountRepEmail. `may` is the
 * policy's rule for what is read of the order (the order itself, its documents).
 */
export const visibleOrder = async (
  store: Store,
  orderId: string,
  caller: Principal,
  may: (caller: Principal, order: Owned) => boolean = mayReadOrder,
): Promise<Order> => {
  const order = await store.orders.get(orderId);
  const asRep = !isIntegration(caller) && caller.groups.includes('rep');
  const company = order && asRep ? await store.catalog.getCompany(order.companyId) : undefined;
  if (!order || !may(caller, { companyId: order.companyId, accountRepEmail: company?.accountRepEmail }))
    throw new NotFound(`no order ${orderId}`);
  return order;
};
