import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { orderFrom } from '#domain/order.ts';
import { acme } from '#local/seed/companies.ts';
import { aQuote } from '../../builders/quote.ts';
import { anRfq } from '../../builders/rfq.ts';
import type { User } from '../api.ts';
import { useTestStack } from '../test-stack.ts';
import { until } from '../until.ts';
import { startWebhookReceiver } from '../webhook-receiver.ts';
import { appTest as it } from './app-test.ts';
import { heading, record, signIn } from './browser.ts';
import { stackApi } from './stack-api.ts';

/**
 * The order's life after it is placed, as the buyer and the account's rep follow it in the app: the seller's ERP
 * confirms it with a change, ships it in two parts with tracking links and invoices it; both read the same timeline,
 * delivery and invoice — the rep also who reported each step.
 */
const dana: User = { email: 'dana@acme.example', groups: ['buyer'], companyId: 'acme' };
const riley: User = { email: 'riley@northwind.example', groups: ['rep'] };
const ops: User = { email: 'ops@northwind.example', groups: ['admin'] };

const stack = useTestStack('app-orders');
const { call } = stackApi(stack);
const po = `PO-ACME-${randomUUID().slice(0, 6).toUpperCase()}`;
let orderId: string;

/** Dana's approved quote for 20 hard hats (L1) and 12 packs of patch cables (L2), made an order as the workflow does. */
const placeOrder = async (): Promise<string> => {
  const quote = aQuote()
    .withLine('SAF-HAT-WHT', 20, 21_50, { name: 'Hard hat, type I, white, ratchet suspension', unit: 'each' })
    .withLine('ELE-CBL-C6-10', 12, 34_00, { name: 'Cat6 patch cable, 10 ft, pack of 10', unit: 'pack' })
    .build();
  const rfq = anRfq(`rfq_ord${randomUUID().replaceAll('-', '').slice(0, 10)}`)
    .for(acme.companyId, riley.email)
    .by(dana.email)
    .withQuote(quote)
    .withStatus('APPROVED')
    .withPoNumber(po)
    .shippingTo('reno-plant', '2026-12-18')
    .build();
  await stack.store.rfqs.create(rfq, { actor: { email: dana.email, role: 'buyer' }, action: 'submitted' });
  const order = orderFrom(rfq, { paymentTerms: acme.paymentTerms, at: new Date().toISOString(), customer: acme });
  await stack.store.rfqs.convertToOrder(rfq, order, {
    actor: { email: 'system@northwind.example', role: 'system' },
    action: 'ordered',
  });
  return order.orderId;
};

const report = async (what: string, body: object, order = orderId) => {
  const answer = await call('POST', `/integration/orders/${order}/${what}`, ops, body);
  expect(answer.status, answer.text).toBe(200);
};

const tracked = (shipmentId: string, lines: { lineId: string; quantity: number }[]) => ({
  shipmentId,
  carrier: 'DHL Freight',
  trackingNumber: `JD0146${shipmentId}`,
  trackingUrl: `https://tracking.example/dhl/${shipmentId}`,
  lines,
});

beforeAll(async () => {
  orderId = await placeOrder();
  await report('confirmation', {
    decision: 'change',
    lines: [{ lineId: 'L2', quantity: 10, deliveryDate: '2026-12-22' }],
    reason: 'Two packs of cables are back-ordered until January.',
  });
  await report('shipments', tracked('S1', [{ lineId: 'L1', quantity: 12 }]));
  await report(
    'shipments',
    tracked('S2', [
      { lineId: 'L1', quantity: 8 },
      { lineId: 'L2', quantity: 10 },
    ]),
  );
  await report('invoices', { invoiceNumber: 'INV-2026-7781', amount: 770_00, currency: 'USD', dueDate: '2027-01-21' });
});

/** The order page once loaded: its h1, and its timeline down to the invoice that closed it. */
const orderShown = async (page: Page) => {
  await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toMatch(/^Order/);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect
    .poll(() => timeline.textContent(), { timeout: 30_000 })
    .toContain('The order is shipped and invoiced in full.');
};

describe('an order the ERP confirmed, shipped in two parts and invoiced', () => {
  it('the buyer finds it in their orders and reads its timeline, delivery and invoice, by keyboard', async ({
    page,
  }) => {
    await page.goto(`${stack.urls.app}orders`);
    await signIn(page, dana.email);
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('My orders');
    const row = page.getByRole('row').filter({ hasText: po });
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('Shipped and invoiced');
    await row.getByRole('link', { name: orderId }).focus();
    await page.keyboard.press('Enter');
    await orderShown(page);

    const timeline = page.getByRole('region', { name: 'Timeline' });
    expect(await timeline.textContent()).toContain('The seller confirmed the order with changes; it now comes to');
    expect(await timeline.textContent()).toContain('Two packs of cables are back-ordered until January.');
    expect(await timeline.textContent()).toContain('Part of the order left with DHL Freight as shipment S1');
    expect(await timeline.textContent()).toContain('The rest of the order left with DHL Freight as shipment S2');
    expect(await timeline.textContent()).toContain('Invoice INV-2026-7781 for $770.00');
    expect(await timeline.textContent()).toContain('The order is shipped and invoiced in full.');
    const track = timeline.getByRole('link', { name: /Track shipment S1 with DHL Freight/ });
    expect(await track.getAttribute('href')).toBe('https://tracking.example/dhl/S1');
    // The buyer reads what happened, not who in the seller's systems reported it.
    expect(await timeline.textContent()).not.toContain('reported by');

    const delivery = page.getByRole('table', { name: /What has shipped of each line/ });
    const cables = delivery.getByRole('row').filter({ hasText: 'ELE-CBL-C6-10' });
    expect(await cables.getByRole('cell').allTextContents()).toEqual([
      'Cat6 patch cable, 10 ft, pack of 10ELE-CBL-C6-10',
      '12 pack',
      '10 pack',
      '10 pack',
      '0 pack',
    ]);
    const invoices = page.getByRole('table', { name: /invoices for this order/ });
    expect(await invoices.textContent()).toContain('INV-2026-7781');
    expect(await page.getByText('Complete: nothing more to ship or invoice.').isVisible()).toBe(true);
    await record(page, 'order-timeline-buyer');
  });

  it('the account’s rep opens it from the Orders menu, with the company and who reported each step', async ({
    page,
  }) => {
    await page.goto(stack.urls.app);
    await signIn(page, riley.email);
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('My queue');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Orders');
    const row = page.getByRole('row').filter({ hasText: po });
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain(acme.name);
    await record(page, 'orders-rep');
    await row.getByRole('link', { name: orderId }).focus();
    await page.keyboard.press('Enter');
    await orderShown(page);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    expect(await timeline.textContent()).toContain(`reported by ${ops.email}`);
    await record(page, 'order-timeline-rep');
    // From the order to the RFQ's review desk, and back.
    await page.getByRole('link', { name: /^RFQ rfq_ord/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toMatch(/^Review RFQ rfq_ord/);
    await page.getByRole('link', { name: `order ${orderId}` }).focus();
    await page.keyboard.press('Enter');
    await orderShown(page);
  });
});

describe('the seller admin’s webhook delivery log', () => {
  const erp = startWebhookReceiver();
  afterAll(async () => (await erp).close());

  it('an admin points an integration’s webhooks at the ERP, sees failing deliveries retried, and sends one again once the ERP is back, by keyboard', async ({
    page,
  }) => {
    const receiver = await erp;
    receiver.answer('/erp', [500]);
    const made = await call('POST', '/integrations', ops, { name: 'Warehouse ERP', scopes: ['orders.read'] });
    expect(made.status, made.text).toBe(201);
    const { integrationId } = made.body;

    await page.goto(`${stack.urls.app}admin/integrations`);
    await signIn(page, ops.email);
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Integrations');
    await page.getByRole('link', { name: 'Webhooks of Warehouse ERP' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Webhooks Warehouse ERP');
    await expect.poll(() => page.getByText('No webhook yet').isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByLabel('Webhook URL').focus();
    await page.keyboard.type(receiver.url('/erp'));
    await page.keyboard.press('Enter');
    const secret = page.getByText(/^Signing secret/);
    await expect.poll(() => secret.isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByText(/^Enabled: every event is sent/).isVisible()).toBe(true);
    // Still there once the saved endpoint has come back and the panel was drawn afresh: the admin has time to copy it.
    expect(await page.getByText(/^whsec_/).isVisible()).toBe(true);

    // The ERP reports on a fresh order: each report is an order.updated event, sent to the endpoint, which fails.
    const order = await placeOrder();
    await report('confirmation', { decision: 'accept' }, order);
    await report('shipments', tracked('S1', [{ lineId: 'L1', quantity: 20 }]), order);
    const retrying = await until('both deliveries retried', async () => {
      const { items } = (await call('GET', `/integrations/${integrationId}/deliveries`, ops)).body;
      return items.length === 2 && items.every((d: { attempts: number }) => d.attempts >= 1) ? items : undefined;
    });
    await page.reload();
    const log = page.getByRole('table', { name: 'Webhook deliveries, newest first' });
    await expect.poll(() => log.getByRole('row').count(), { timeout: 30_000 }).toBe(3);
    expect(await log.textContent()).toContain('order.updated');
    expect(await log.textContent()).toContain(order);
    expect(await log.getByText('Retrying').count()).toBeGreaterThanOrEqual(1);
    expect(await log.textContent()).toContain('HTTP 500');
    await record(page, 'admin-webhooks');

    // The ERP is back: the newest delivery is sent again now, with its webhook-id, and delivered.
    receiver.answer('/erp', [200]);
    const newest = retrying[0] as { webhookId: string; attempts: number };
    await page.getByRole('button', { name: `Send again ${newest.webhookId}` }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('region', { name: 'Delivery log' }).getByRole('status').textContent(), {
        timeout: 30_000,
      })
      .toMatch(new RegExp(`^Sent order\\.updated \\(${newest.webhookId}\\) again: delivered\\.$`));
    const row = log.getByRole('row').filter({ hasText: newest.webhookId });
    expect(await row.getByText('Delivered').isVisible()).toBe(true);
    expect(receiver.received('/erp').some((r) => r.headers['webhook-id'] === newest.webhookId)).toBe(true);
    await record(page, 'admin-webhooks-sent-again');
  });
});
