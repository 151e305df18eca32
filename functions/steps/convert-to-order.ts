import * as z from 'zod';
import { type Order, orderFrom } from '#domain/order.ts';
import { orderConfirmationEmail } from '#email/outcomes.ts';
import type { StepDeps } from './deps.ts';
import { emailOnce, hasMark, loadRfq, mark, systemActor } from './marks.ts';
import { step } from './step.ts';
import { NotWaitable } from './waitable.ts';

const input = z.object({ rfqId: z.string().min(1) });

/** The `order.created` event's detail: what an ERP needs to book the order, ids first. */
export const orderCreatedDetail = (order: Order) => ({
  orderId: order.orderId,
  rfqId: order.rfqId,
  companyId: order.companyId,
  buyerEmail: order.buyerEmail,
  poNumber: order.poNumber,
  currency: order.currency,
  subtotal: order.subtotal,
  total: order.total,
  paymentTerms: order.paymentTerms,
  createdAt: order.createdAt,
  lines: order.lines.map((l) => ({
    sku: l.sku,
    name: l.name,
    quantity: l.quantity,
    unit: l.unit,
    unitPrice: l.unitPrice,
    lineTotal: l.lineTotal,
  })),
});

/**
 * ConvertToOrder: one transaction puts the order (at most one per RFQ: its id derives from the RFQ's) and moves the
 * RFQ APPROVED → ORDERED; then `order.created` goes to EventBridge and the confirmation emails go out, each once.
 * Consumers dedupe the event by `orderId` should a crash between publishing and marking repeat it.
 */
export const convertToOrder = async ({ rfqId }: z.output<typeof input>, deps: StepDeps) => {
  let rfq = await loadRfq(deps, rfqId);
  let order: Order | undefined;
  if (rfq.status === 'APPROVED') {
    const company = await deps.store.catalog.getCompany(rfq.companyId);
    order = orderFrom(rfq, { paymentTerms: company?.paymentTerms ?? 'NET30', at: deps.now().toISOString() });
    rfq = await deps.store.rfqs.convertToOrder(rfq, order, {
      actor: systemActor(deps),
      action: 'ordered',
      detail: { orderId: order.orderId, total: order.total },
    });
  } else if (rfq.status === 'ORDERED' && rfq.orderId) {
    order = await deps.store.orders.get(rfq.orderId);
  }
  if (!order) throw new NotWaitable(`RFQ ${rfq.rfqId} is ${rfq.status}; it cannot become an order`);

  const eventKey = `event:order.created:${order.orderId}`;
  if (!(await hasMark(deps, rfqId, eventKey))) {
    await deps.events.publish('order.created', orderCreatedDetail(order));
    await mark(deps, rfqId, 'event-published', { key: eventKey, detailType: 'order.created', orderId: order.orderId });
  }
  await emailOnce(deps, rfqId, 'order-confirmation', [orderConfirmationEmail(rfq, order)]);
  return { rfqId, orderId: order.orderId };
};

export const handler = step('ConvertToOrder', input, convertToOrder);
