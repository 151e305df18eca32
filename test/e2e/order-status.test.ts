import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IntegrationScope } from '#domain/integration.ts';
import { useTestStack } from './test-stack.ts';
import { idempotencyKey, people, placedOrder, seed } from './world.ts';

/**
 * The seller's ERP reports back on an order through the API (as the seller's admin until integration clients report):
 * confirmation, shipments, invoices and cancellation move the order through its lifecycle, each report once.
 */
const api = useTestStack('order-status', { seed: false, holdWorkflow: true });
beforeAll(() => seed(api));

const report = (orderId: string, what: string, body: object, key = idempotencyKey()) =>
  api.call('POST', `/integration/orders/${orderId}/${what}`, {
    as: people.admin,
    body,
    headers: { 'idempotency-key': key },
  });

/**
 * An integration client with these scopes, and an access token of it as the issuer's client-credentials grant signs
 * one (the issuer's key, `token_use: access`, its `client_id` and `scope`): the API verifies it against the JWKS.
 */
const anIntegrationToken = async (scopes: IntegrationScope[]): Promise<{ token: string; integrationId: string }> => {
  const id = randomUUID().replaceAll('-', '').slice(0, 12);
  const integration = {
    integrationId: `int-${id}`,
    name: `ERP ${id}`,
    clientId: `client-${id}`,
    scopes,
    createdAt: new Date().toISOString(),
    createdBy: people.admin.email,
    secretIssuedAt: new Date().toISOString(),
  };
  await api.store.integrations.create(integration);
  const key = api.issuer.signingKey;
  const token = await new SignJWT({ token_use: 'access', client_id: integration.clientId, scope: scopes.join(' ') })
    .setProtectedHeader({ alg: String(key.alg), kid: String(key.kid) })
    .setIssuer(api.issuer.issuer)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(await importJWK(key, String(key.alg)));
  return { token, integrationId: integration.integrationId };
};

const shipment = (shipmentId: string, lines: { lineId: string; quantity: number }[]) => ({
  shipmentId,
  carrier: 'DHL Freight',
  trackingNumber: `TRK-${shipmentId}`,
  trackingUrl: `https://tracking.example/${shipmentId}`,
  lines,
});

const mailAbout = async (orderId: string) =>
  (await api.inbox.emailsTo(people.acmeBuyer.email)).filter((e) => e.subject.includes(orderId));

const updatesOf = (orderId: string) =>
  api.events
    .events()
    .filter((e) => e['detail-type'] === 'order.updated' && (e.detail as { orderId: string }).orderId === orderId);

describe('an order the ERP confirms, ships in two parts and invoices', () => {
  it('is placed → confirmed with changes → partly shipped → shipped → closed, on the buyer’s order and in their mail', async () => {
    const orderId = await placedOrder(api);
    const changed = await report(orderId, 'confirmation', {
      decision: 'change',
      lines: [{ lineId: 'L1', quantity: 8, deliveryDate: '2026-12-20' }],
      reason: 'two bolts back-ordered',
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ status: 'confirmed', confirmation: { decision: 'change', total: 116_00 } });

    expect((await report(orderId, 'shipments', shipment('S1', [{ lineId: 'L1', quantity: 5 }]))).body.status).toBe(
      'partly-shipped',
    );
    const rest = await report(
      orderId,
      'shipments',
      shipment('S2', [
        { lineId: 'L1', quantity: 3 },
        { lineId: 'L2', quantity: 4 },
      ]),
    );
    expect(rest.body.status).toBe('shipped');
    const invoiced = await report(orderId, 'invoices', {
      invoiceNumber: 'INV-9001',
      amount: 116_00,
      currency: 'USD',
      dueDate: '2027-01-20',
    });
    expect(invoiced.status, invoiced.text).toBe(200);

    const seen = await api.call('GET', `/orders/${orderId}`, { as: people.acmeBuyer });
    expect(seen.body.status).toBe('closed');
    expect(seen.body.shipments.map((s: { shipmentId: string }) => s.shipmentId)).toEqual(['S1', 'S2']);
    expect(seen.body.invoices).toMatchObject([{ invoiceNumber: 'INV-9001', amount: 116_00 }]);
    expect(seen.body.timeline.map((t: { kind: string; status: string }) => [t.kind, t.status])).toEqual([
      ['placed', 'placed'],
      ['confirmed-with-changes', 'confirmed'],
      ['shipped', 'partly-shipped'],
      ['shipped', 'shipped'],
      ['invoiced', 'closed'],
    ]);
    // The buyer sees what happened, not who in the seller's systems reported it.
    expect(seen.body.timeline.some((t: { by?: string }) => t.by !== undefined)).toBe(false);
    const asRep = await api.call('GET', `/orders/${orderId}`, { as: people.acmeRep });
    expect(asRep.body.timeline.at(-1).by).toBe(people.admin.email);

    const subjects = (await mailAbout(orderId)).map((e) => e.subject);
    expect(subjects).toEqual([
      `Order ${orderId} confirmed with changes (PO PO-77)`,
      `Part of order ${orderId} shipped (PO PO-77)`,
      `Order ${orderId} shipped (PO PO-77)`,
    ]);
    const [, firstShipment] = await mailAbout(orderId);
    expect(firstShipment!.to).toContain(people.acmeRep.email);
    expect(firstShipment!.text).toContain('https://tracking.example/S1');
    expect(firstShipment!.text).toContain('Still to come: 3 × ');

    expect(updatesOf(orderId).map((e) => (e.detail as { status: string }).status)).toEqual([
      'confirmed',
      'partly-shipped',
      'shipped',
      'closed',
    ]);
    const feed = await api.store.feed.read(0, 1000);
    expect(feed.items.filter((e) => e.type === 'order.updated' && e.subject === orderId)).toHaveLength(4);
  });
});

describe('a report checked against the order', () => {
  it('refuses shipping more than was ordered with 409 naming the line, and writes nothing', async () => {
    const orderId = await placedOrder(api);
    await report(orderId, 'confirmation', { decision: 'accept' });
    await report(orderId, 'shipments', shipment('S1', [{ lineId: 'L1', quantity: 7 }]));
    const before = await api.call('GET', `/orders/${orderId}`, { as: people.admin });

    const over = await report(orderId, 'shipments', shipment('S2', [{ lineId: 'L1', quantity: 4 }]));
    expect(over.status).toBe(409);
    expect(over.body.errors).toEqual([
      { path: 'lines.0.quantity', message: 'only 3 of L1 left to ship (10 confirmed, 7 shipped)' },
    ]);
    expect((await api.call('GET', `/orders/${orderId}`, { as: people.admin })).body).toEqual(before.body);
    expect(updatesOf(orderId)).toHaveLength(2);
  });

  it('lets one of two shipments at once through when together they would ship more than ordered', async () => {
    const orderId = await placedOrder(api);
    await report(orderId, 'confirmation', { decision: 'accept' });
    const answers = await Promise.all(
      ['A', 'B', 'C'].map((id) => report(orderId, 'shipments', shipment(id, [{ lineId: 'L1', quantity: 4 }]))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 409]);
    const after = await api.call('GET', `/orders/${orderId}`, { as: people.admin });
    expect(after.body.shipments).toHaveLength(2);
  });

  it('answers a report sent again under its key with the order as it is, once in the feed and the inbox', async () => {
    const orderId = await placedOrder(api);
    await report(orderId, 'confirmation', { decision: 'accept' });
    const key = idempotencyKey();
    const body = shipment('S1', [{ lineId: 'L2', quantity: 1 }]);
    const first = await report(orderId, 'shipments', body, key);
    const again = await report(orderId, 'shipments', body, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.body.shipments).toHaveLength(1);
    expect((await mailAbout(orderId)).filter((e) => e.subject.includes('shipped'))).toHaveLength(1);
    const feed = await api.store.feed.read(0, 1000);
    expect(feed.items.filter((e) => e.type === 'order.updated' && e.subject === orderId)).toHaveLength(2);

    const other = await report(orderId, 'shipments', shipment('S2', [{ lineId: 'L2', quantity: 1 }]), key);
    expect(other.status).toBe(422);
    expect(other.body.errors[0].path).toBe('headers.idempotency-key');
  });

  it('cancels an order before it ships, tells the buyer and rep why, and refuses cancelling once shipped', async () => {
    const orderId = await placedOrder(api);
    const cancelled = await report(orderId, 'cancellation', { reason: 'discontinued by the maker' });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'discontinued by the maker' },
    });
    const [mail] = await mailAbout(orderId);
    expect(mail).toMatchObject({ subject: `Order ${orderId} was cancelled (PO PO-77)` });
    expect(mail!.to).toEqual([people.acmeBuyer.email, people.acmeRep.email]);
    expect(mail!.text).toContain('Reason: discontinued by the maker');
    expect((await report(orderId, 'shipments', shipment('S1', [{ lineId: 'L1', quantity: 1 }]))).status).toBe(409);

    const shipped = await placedOrder(api);
    await report(shipped, 'confirmation', { decision: 'accept' });
    await report(shipped, 'shipments', shipment('S1', [{ lineId: 'L1', quantity: 1 }]));
    const late = await report(shipped, 'cancellation', { reason: 'too late' });
    expect(late.status).toBe(409);
    expect(late.body.detail).toBe('cannot cancel an order that is partly-shipped');
  });

  it('turns a rejected order into a cancelled one, and refuses what names no line of it or another currency', async () => {
    const orderId = await placedOrder(api);
    expect((await report(orderId, 'shipments', shipment('S1', [{ lineId: 'L1', quantity: 1 }]))).body.detail).toBe(
      'cannot ship an order that is placed',
    );
    const unknown = await report(orderId, 'confirmation', {
      decision: 'change',
      lines: [{ lineId: 'L7', quantity: 1 }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ path: 'lines.0.lineId', message: 'the order has no line L7' }]);
    const rejected = await report(orderId, 'confirmation', { decision: 'reject', reason: 'credit hold' });
    expect(rejected.body.status).toBe('cancelled');
    expect((await mailAbout(orderId)).map((e) => e.subject)).toEqual([`Order ${orderId} was cancelled (PO PO-77)`]);

    const other = await placedOrder(api);
    await report(other, 'confirmation', { decision: 'accept' });
    await report(other, 'shipments', shipment('S1', [{ lineId: 'L1', quantity: 10 }]));
    const euros = await report(other, 'invoices', {
      invoiceNumber: 'INV-1',
      amount: 1_00,
      currency: 'EUR',
      dueDate: '2027-01-20',
    });
    expect(euros.status).toBe(422);
    expect(euros.body.errors).toEqual([{ path: 'currency', message: 'the order is in USD' }]);
  });

  it('takes reports from an integration with orders.write, and refuses one with orders.read only (403)', async () => {
    const orderId = await placedOrder(api);
    const reader = await anIntegrationToken(['orders.read']);
    const refused = await api.call('POST', `/integration/orders/${orderId}/confirmation`, {
      as: reader.token,
      body: { decision: 'accept' },
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(refused.status, refused.text).toBe(403);

    const erp = await anIntegrationToken(['orders.read', 'orders.write']);
    const confirmed = await api.call('POST', `/integration/orders/${orderId}/confirmation`, {
      as: erp.token,
      body: { decision: 'accept' },
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    // An integration reads the buyer side of the order: no cost, and the timeline without who reported.
    expect(confirmed.body.lines.some((l: { cost?: number }) => l.cost !== undefined)).toBe(false);
    const asAdmin = await api.call('GET', `/orders/${orderId}`, { as: people.admin });
    expect(asAdmin.body.timeline.at(-1).by).toBe(`integration:${erp.integrationId}`);
    // A person with no say over orders is refused on the same route, whose token the function verifies itself.
    const buyer = await api.call('POST', `/integration/orders/${orderId}/cancellation`, {
      as: people.acmeBuyer,
      body: { reason: 'changed my mind' },
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(buyer.status).toBe(403);
  });

  it('needs an Idempotency-Key, and a report of the ERP’s shape', async () => {
    const orderId = await placedOrder(api);
    const keyless = await api.call('POST', `/integration/orders/${orderId}/confirmation`, {
      as: people.admin,
      body: { decision: 'accept' },
    });
    expect(keyless.status).toBe(400);
    expect(keyless.body.errors).toContainEqual({ path: 'headers.idempotency-key', message: 'required' });
    const unsafe = await report(orderId, 'shipments', {
      ...shipment('S1', [{ lineId: 'L1', quantity: 1 }]),
      trackingUrl: 'javascript:alert(1)',
    });
    expect(unsafe.status).toBe(400);
    expect(unsafe.body.errors[0].path).toBe('trackingUrl');
    expect((await report(`ord_${randomUUID()}`, 'confirmation', { decision: 'accept' })).status).toBe(404);
  });
});
