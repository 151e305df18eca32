import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Contradiction, UnfitInput } from '#domain/errors.ts';
import { IllegalOrderTransition, orderActions, orderStatuses, orderTransitions } from '#domain/lifecycle.ts';
import type { Order } from '#domain/order.ts';
import { deliveryOf, shippedQuantities } from '#domain/order-delivery.ts';
import { cancel, confirm, confirmedTotal, invoice, isRecorded, orderStatusOf, ship } from '#domain/order-updates.ts';
import { anOrder, aReport } from '../builders/order.ts';

const twoLines = () =>
  anOrder([
    ['BOLT-M8', 10, 12_00],
    ['GLOVE-L', 4, 5_00],
  ]);
const confirmed = (order: Order = twoLines()) => confirm(order, { decision: 'accept' }, aReport());
const aShipment = (id: string, lines: { lineId: string; quantity: number }[]) => ({
  shipmentId: id,
  carrier: 'DHL',
  trackingNumber: `TRK-${id}`,
  lines,
});
const anInvoice = (number: string, amount: number) => ({
  invoiceNumber: number,
  amount,
  currency: 'USD',
  dueDate: '2026-12-24',
});

describe('the order lifecycle table', () => {
  it('names only statuses an order has, and every status but the last ones leads somewhere', () => {
    for (const action of orderActions) {
      const { from, to } = orderTransitions[action];
      expect(orderStatuses).toContain(to);
      for (const status of from) expect(orderStatuses).toContain(status);
    }
    const leaving = new Set<string>(orderActions.flatMap((a) => orderTransitions[a].from));
    expect(orderStatuses.filter((s) => !leaving.has(s))).toEqual(['closed', 'cancelled']);
  });

  it('reads an order placed before the ERP reported back as placed', () => {
    expect(orderStatusOf(twoLines())).toBe('placed');
  });
});

describe('what the ERP reports does to an order', () => {
  it('goes placed → confirmed → partly shipped → shipped → invoiced → closed, one entry per report', () => {
    let order = confirmed();
    order = ship(order, aShipment('S1', [{ lineId: 'L1', quantity: 6 }]), aReport());
    expect(order.status).toBe('partly-shipped');
    order = ship(
      order,
      aShipment('S2', [
        { lineId: 'L1', quantity: 4 },
        { lineId: 'L2', quantity: 4 },
      ]),
      aReport(),
    );
    expect(order.status).toBe('shipped');
    order = invoice(order, anInvoice('INV-1', 100_00), aReport());
    expect(order.status).toBe('invoiced');
    order = invoice(order, anInvoice('INV-2', 40_00), aReport());
    expect(order.status).toBe('closed');
    expect(order.updates?.map((u) => [u.kind, u.from, u.to])).toEqual([
      ['confirmed', 'placed', 'confirmed'],
      ['shipped', 'confirmed', 'partly-shipped'],
      ['shipped', 'partly-shipped', 'shipped'],
      ['invoiced', 'shipped', 'invoiced'],
      ['invoiced', 'invoiced', 'closed'],
    ]);
    expect(order.revision).toBe(5);
  });

  it('records an invoice for a part shipment and settles once the rest ships', () => {
    let order = ship(confirmed(), aShipment('S1', [{ lineId: 'L1', quantity: 10 }]), aReport());
    order = invoice(order, anInvoice('INV-1', 140_00), aReport());
    expect(order.status).toBe('partly-shipped');
    order = ship(order, aShipment('S2', [{ lineId: 'L2', quantity: 4 }]), aReport());
    expect(order.status).toBe('closed');
  });

  it('refuses a shipment of more than was ordered, naming the line, and changes nothing', () => {
    const order = ship(confirmed(), aShipment('S1', [{ lineId: 'L1', quantity: 8 }]), aReport());
    const more = aShipment('S2', [
      { lineId: 'L2', quantity: 4 },
      { lineId: 'L1', quantity: 3 },
    ]);
    const refused = (() => {
      try {
        ship(order, more, aReport());
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(Contradiction);
    expect((refused as Contradiction).errors).toEqual([
      { path: 'lines.1.quantity', message: 'only 2 of L1 left to ship (10 confirmed, 8 shipped)' },
    ]);
    expect(shippedQuantities(order).get('L1')).toBe(8);
  });

  it('ships against the confirmed quantities when the ERP changed them', () => {
    const changed = confirm(
      twoLines(),
      {
        decision: 'change',
        lines: [
          { lineId: 'L1', quantity: 6, unitPrice: 11_00 },
          { lineId: 'L2', quantity: 0 },
        ],
      },
      aReport(),
    );
    expect(changed.status).toBe('confirmed');
    expect(confirmedTotal(changed)).toBe(66_00);
    expect(() => ship(changed, aShipment('S1', [{ lineId: 'L2', quantity: 1 }]), aReport())).toThrow(Contradiction);
    expect(ship(changed, aShipment('S1', [{ lineId: 'L1', quantity: 6 }]), aReport()).status).toBe('shipped');
  });

  it('refuses lines the order does not have, and the same shipment or invoice twice', () => {
    const order = confirmed();
    expect(() => ship(order, aShipment('S1', [{ lineId: 'L9', quantity: 1 }]), aReport())).toThrow(UnfitInput);
    expect(() =>
      confirm(twoLines(), { decision: 'change', lines: [{ lineId: 'L9', quantity: 1 }] }, aReport()),
    ).toThrow(UnfitInput);
    const once = ship(order, aShipment('S1', [{ lineId: 'L1', quantity: 1 }]), aReport());
    expect(() => ship(once, aShipment('S1', [{ lineId: 'L1', quantity: 1 }]), aReport())).toThrow(Contradiction);
    const invoiced = invoice(once, anInvoice('INV-1', 12_00), aReport());
    expect(() => invoice(invoiced, anInvoice('INV-1', 12_00), aReport())).toThrow(Contradiction);
    expect(() => invoice(once, { ...anInvoice('INV-2', 12_00), currency: 'EUR' }, aReport())).toThrow(UnfitInput);
  });

  it('says no where the table does: nothing ships unconfirmed, nothing is invoiced unshipped, nothing shipped is cancelled', () => {
    const placed = twoLines();
    expect(() => ship(placed, aShipment('S1', [{ lineId: 'L1', quantity: 1 }]), aReport())).toThrow(
      'cannot ship an order that is placed',
    );
    expect(() => invoice(confirmed(), anInvoice('INV-1', 1_00), aReport())).toThrow(IllegalOrderTransition);
    const shipping = ship(confirmed(), aShipment('S1', [{ lineId: 'L1', quantity: 1 }]), aReport());
    expect(() => cancel(shipping, { reason: 'out of stock' }, aReport())).toThrow(
      'cannot cancel an order that is partly-shipped',
    );
    expect(() => confirm(confirmed(), { decision: 'accept' }, aReport())).toThrow(IllegalOrderTransition);
  });

  it('turns a rejection into a cancelled order with the reason', () => {
    const rejected = confirm(twoLines(), { decision: 'reject', reason: 'customer on credit hold' }, aReport());
    expect(rejected.status).toBe('cancelled');
    expect(rejected.cancellation?.reason).toBe('customer on credit hold');
    expect(rejected.updates?.at(-1)?.kind).toBe('rejected');
  });

  it('knows a report sent again by its key, and refuses the key with another body', () => {
    const report = aReport();
    const order = confirm(twoLines(), { decision: 'accept' }, report);
    expect(isRecorded(order, report)).toBe(true);
    expect(isRecorded(order, aReport())).toBe(false);
    expect(() => isRecorded(order, { ...report, digest: 'another body' })).toThrow(UnfitInput);
  });
});

describe('shipments, whatever the ERP sends', () => {
  const quantities = fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 4 });
  const shipments = (lines: number) =>
    fc.array(
      fc.array(fc.record({ line: fc.integer({ min: 0, max: lines - 1 }), quantity: fc.integer({ min: 1, max: 25 }) }), {
        minLength: 1,
        maxLength: lines,
      }),
      { maxLength: 12 },
    );

  it('never record more of a line than was ordered, and the order is shipped exactly when all of it is', () => {
    fc.assert(
      fc.property(
        quantities.chain((qs) => fc.tuple(fc.constant(qs), shipments(qs.length))),
        ([qs, attempts]) => {
          let order = confirmed(anOrder(qs.map((q, i) => [`SKU-${i}`, q, 1_00] as const)));
          attempts.forEach((attempt, n) => {
            const lines = [...new Map(attempt.map((a) => [`L${a.line + 1}`, a.quantity])).entries()].map(
              ([lineId, quantity]) => ({ lineId, quantity }),
            );
            const before = order;
            try {
              order = ship(order, aShipment(`S${n}`, lines), aReport());
            } catch (error) {
              if (!(error instanceof Contradiction) && !(error instanceof IllegalOrderTransition)) throw error;
              expect(order).toBe(before);
            }
          });
          const shipped = shippedQuantities(order);
          expect(qs.every((q, i) => (shipped.get(`L${i + 1}`) ?? 0) <= q)).toBe(true);
          const complete = qs.every((q, i) => shipped.get(`L${i + 1}`) === q);
          expect(orderStatusOf(order) === 'shipped').toBe(complete);
          // What the order page and the shipment email say is still to come is exactly what may still ship.
          const delivery = deliveryOf(order);
          expect(delivery.map((line) => line.shipped + line.toCome)).toEqual(qs);
          expect(delivery.every((line) => line.toCome >= 0)).toBe(true);
          expect(delivery.every((line) => line.toCome === 0)).toBe(complete);
        },
      ),
    );
  });
});
