import { createHash } from 'node:crypto';
import { Forbidden, NotFound } from '#domain/errors.ts';
import { actorOf, type Principal } from '#domain/integration.ts';
import type { Order } from '#domain/order.ts';
import type {
  CancellationReport,
  ConfirmationReport,
  InvoiceReport,
  OrderUpdate,
  ShipmentReport,
} from '#domain/order-reports.ts';
import { cancel, confirm, invoice, isRecorded, mailed, type Report, ship } from '#domain/order-updates.ts';
import { mayReportOrderStatus } from '#domain/policy.ts';
import { orderCancelledEmail, orderChangedEmail, orderShippedEmail } from '#email/order-updates.ts';
import type { EmailMessage, Mailer } from '#email/ports.ts';
import type { Config } from '#functions/config.ts';
import { appLinks } from '#rendering/app-links.ts';
import { ConflictError, type Store } from '#store/ports.ts';
import { type AnnounceDeps, announce } from './announce.ts';

export interface OrderStatusDeps extends AnnounceDeps {
  store: Store;
  mailer: Mailer;
  config: Pick<Config, 'PUBLIC_BASE_URL'>;
}

/** What the ERP reported, as the route took it. */
export type OrderReport =
  | { kind: 'confirmation'; body: ConfirmationReport }
  | { kind: 'shipment'; body: ShipmentReport }
  | { kind: 'invoice'; body: InvoiceReport }
  | { kind: 'cancellation'; body: CancellationReport };

/** Two reports on one order at the same moment: the one that lost the write reads the order again and re-applies. */
const ATTEMPTS = 5;

const applied = (order: Order, report: OrderReport, stamp: Report): Order => {
  switch (report.kind) {
    case 'confirmation':
      return confirm(order, report.body, stamp);
    case 'shipment':
      return ship(order, report.body, stamp);
    case 'invoice':
      return invoice(order, report.body, stamp);
    case 'cancellation':
      return cancel(order, report.body, stamp);
  }
};

/** The body's digest, so a key sent again with another body is told apart from the same report sent again. */
const digestOf = (report: OrderReport): string =>
  createHash('sha256').update(JSON.stringify(report)).digest('base64url');

/**
 * `order.updated`, with what changed and where the order stands — buyer-side fields only, as every event. Its id is
 * the order's and the update's number, so a report sent again announces nothing new in the feed.
 */
const announceUpdate = (deps: OrderStatusDeps, order: Order, update: OrderUpdate, seq: number) =>
  announce(deps, {
    id: `${order.orderId}/order.updated/${seq}`,
    type: 'order.updated',
    subject: order.orderId,
    data: {
      eventKey: `event:order.updated:${order.orderId}:${seq}`,
      orderId: order.orderId,
      rfqId: order.rfqId,
      companyId: order.companyId,
      poNumber: order.poNumber,
      change: update.kind,
      ...(update.ref !== undefined && { ref: update.ref }),
      previousStatus: update.from,
      status: update.to,
      at: update.at,
      ...(order.confirmation && { confirmedTotal: order.confirmation.total }),
      currency: order.currency,
    },
  });

/** The email a report sends: to the buyer and the account's rep, when the order changed, shipped or was cancelled. */
const emailFor = async (
  deps: OrderStatusDeps,
  order: Order,
  update: OrderUpdate,
): Promise<EmailMessage | undefined> => {
  const url = appLinks(deps.config.PUBLIC_BASE_URL).order(order.orderId);
  const shipment = update.kind === 'shipped' ? order.shipments?.find((s) => s.shipmentId === update.ref) : undefined;
  const told = update.kind === 'confirmed-with-changes' || shipment !== undefined || update.to === 'cancelled';
  if (!told) return undefined;
  const rep = (await deps.store.catalog.getCompany(order.companyId))?.accountRepEmail;
  if (update.kind === 'confirmed-with-changes') return orderChangedEmail(order, rep, url);
  if (shipment) return orderShippedEmail(order, shipment, rep, url);
  return orderCancelledEmail(order, rep, url);
};

/**
 * Mails the buyer (and the rep) about a recorded report, unless they were mailed about it already, and then marks it
 * mailed. A failed send leaves it unmarked, so the ERP's retry of the report (same key) sends it; a fault between the
 * send and the mark sends it twice rather than never.
 */
const tell = async (deps: OrderStatusDeps, order: Order, update: OrderUpdate): Promise<void> => {
  if (update.mailedAt !== undefined) return;
  const message = await emailFor(deps, order, update);
  if (!message) return;
  await deps.mailer.send(message);
  let current: Order | undefined = order;
  for (let attempt = 1; ; attempt++) {
    if (!current || current.updates?.find((u) => u.key === update.key)?.mailedAt !== undefined) return;
    try {
      await deps.store.orders.record(mailed(current, update.key, deps.now().toISOString()));
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= ATTEMPTS) throw error;
      current = await deps.store.orders.get(order.orderId);
    }
  }
};

/**
 * The seller's ERP reports on an order: checked against the order as recorded and written over the revision read
 * (nothing is written when the report is refused), then announced as `order.updated` and mailed to the buyer and rep
 * where they need to know. The same `Idempotency-Key` with the same body answers the order as it is: its event goes
 * out again (the feed keeps it once), its email only if it was not sent before.
 */
export const reportOnOrder = async (
  deps: OrderStatusDeps,
  caller: Principal,
  orderId: string,
  report: OrderReport,
  key: string,
): Promise<Order> => {
  if (!mayReportOrderStatus(caller)) throw new Forbidden('only the seller’s ERP (or its admin) reports on orders');
  const digest = digestOf(report);
  for (let attempt = 1; ; attempt++) {
    const order = await deps.store.orders.get(orderId);
    if (!order) throw new NotFound(`no order ${orderId}`);
    const stamp: Report = { key, digest, by: actorOf(caller), at: deps.now().toISOString() };
    if (isRecorded(order, stamp)) {
      const seq = (order.updates ?? []).findIndex((u) => u.key === key);
      const update = order.updates![seq]!;
      await announceUpdate(deps, order, update, seq + 1);
      await tell(deps, order, update);
      return order;
    }
    const next = applied(order, report, stamp);
    try {
      await deps.store.orders.record(next);
    } catch (error) {
      if (error instanceof ConflictError && attempt < ATTEMPTS) continue;
      throw error;
    }
    const update = next.updates!.at(-1)!;
    await announceUpdate(deps, next, update, next.updates!.length);
    await tell(deps, next, update);
    return next;
  }
};
