import { describe, expect, it } from 'vitest';
import { type OrderStatusDeps, reportOnOrder } from '#application/order-status.ts';
import type { IntegrationPrincipal } from '#domain/integration.ts';
import { orderFrom } from '#domain/order.ts';
import type { EmailMessage } from '#email/ports.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';
import { freshTable } from './store/fresh-table.ts';

/**
 * What the buyer hears of the ERP's reports survives a mail fault: the report is recorded, the request fails, and the
 * ERP's retry of it (same key, same body) sends the email then — once.
 */
const { store } = freshTable();
const erp: IntegrationPrincipal = {
  kind: 'integration',
  integrationId: 'int-mailtest',
  clientId: 'client-mailtest',
  name: 'Mail test ERP',
  scopes: ['orders.write'],
};

/** A mail server that is down for the first `failures` sends. */
const aMailer = (failures: number) => {
  const sent: EmailMessage[] = [];
  let tries = 0;
  return {
    sent,
    send: async (message: EmailMessage) => {
      tries += 1;
      if (tries <= failures) throw new Error('SES: throttled');
      sent.push(message);
    },
  };
};

const depsWith = (mailer: OrderStatusDeps['mailer']): OrderStatusDeps => ({
  store,
  mailer,
  events: { publish: async () => undefined },
  config: { PUBLIC_BASE_URL: 'https://app.example' },
  now: () => new Date(),
});

const aPlacedOrder = async (rfqId: string): Promise<string> => {
  const rfq = anRfq(rfqId)
    .withQuote(aQuote().withLine('BOLT-M8', 10, 12_00).build())
    .withStatus('APPROVED')
    .withPoNumber('PO-9')
    .build();
  await store.rfqs.create(rfq, { actor: { email: rfq.buyerEmail, role: 'buyer' }, action: 'submitted' });
  const order = orderFrom(rfq, { paymentTerms: 'NET30', at: new Date().toISOString() });
  await store.rfqs.convertToOrder(rfq, order, {
    actor: { email: 'system@seller.example', role: 'system' },
    action: 'ordered',
  });
  return order.orderId;
};

describe('an order report whose email failed', () => {
  it('is recorded, and its retry under the same key sends the email once; a third sending sends none', async () => {
    const orderId = await aPlacedOrder('rfq_mailfault1');
    const mailer = aMailer(1);
    const deps = depsWith(mailer);
    const cancellation = { kind: 'cancellation' as const, body: { reason: 'discontinued by the maker' } };

    await expect(reportOnOrder(deps, erp, orderId, cancellation, 'key-cancel')).rejects.toThrow('SES: throttled');
    expect((await store.orders.get(orderId))?.status, 'the report itself was recorded').toBe('cancelled');
    expect(mailer.sent).toEqual([]);

    await reportOnOrder(deps, erp, orderId, cancellation, 'key-cancel');
    expect(mailer.sent.map((m) => m.subject)).toEqual([`Order ${orderId} was cancelled (PO PO-9)`]);
    await reportOnOrder(deps, erp, orderId, cancellation, 'key-cancel');
    expect(mailer.sent).toHaveLength(1);
    expect((await store.orders.get(orderId))?.updates).toMatchObject([
      { kind: 'cancelled', key: 'key-cancel', mailedAt: expect.any(String) },
    ]);
  });

  it('sends nothing again for a report mailed the first time, nor for one that tells nobody', async () => {
    const orderId = await aPlacedOrder('rfq_mailfault2');
    const mailer = aMailer(0);
    const deps = depsWith(mailer);
    const accept = { kind: 'confirmation' as const, body: { decision: 'accept' as const } };
    await reportOnOrder(deps, erp, orderId, accept, 'key-accept');
    await reportOnOrder(deps, erp, orderId, accept, 'key-accept');
    const shipment = {
      kind: 'shipment' as const,
      body: { shipmentId: 'S1', carrier: 'DHL', lines: [{ lineId: 'L1', quantity: 10 }] },
    };
    await reportOnOrder(deps, erp, orderId, shipment, 'key-ship');
    await reportOnOrder(deps, erp, orderId, shipment, 'key-ship');
    expect(mailer.sent.map((m) => m.subject)).toEqual([`Order ${orderId} shipped (PO PO-9)`]);
  });
});
