import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import { Webhook } from 'standardwebhooks';
import { formatMoney } from '#domain/money-format.ts';
import { type DemoTarget, json, runDemo, type TimelineEntry, until } from './demo-scenario.ts';
import { openInbox } from './inbox.ts';
import { sellerStaff } from './seed/companies.ts';
import { demoUser } from './seed/seed.ts';

/**
 * `npm run demo -- --scenario erp`: the order of `npm run demo` goes on into the seller's ERP. An ERP stand-in, with
 * the seeded Demo ERP's client credentials, follows the event feed and receives the webhooks; it sees the order
 * created, reads it as a UBL document, confirms it, ships it in two parts (with tracking links) and invoices it, and
 * Dana reads the order's timeline and the shipping emails. Each step of the ERP's is printed as it happens.
 */
export interface ErpCredentials {
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
  tokenScopes: string[];
}

export interface ErpDemoResult {
  orderId: string;
  status: string;
  timeline: TimelineEntry[];
}

interface FeedEvent {
  id: string;
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

interface OrderView {
  orderId: string;
  poNumber: string;
  currency: string;
  total: number;
  status: string;
  lines: { lineId: string; sku: string; quantity: number }[];
  timeline: { kind: string; status: string; ref?: string }[];
}

/** The ERP's webhook endpoint: every POST it is sent, as received. */
const startReceiver = async () => {
  const received: { headers: Record<string, string>; body: string }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers as Record<string, string>, body: Buffer.concat(chunks).toString() });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/quote-to-order/webhooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** The client-credentials grant, as the ERP asks the issuer's token endpoint. */
const erpToken = async (erp: ErpCredentials): Promise<string> => {
  const answer = await fetch(erp.tokenUrl, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${erp.clientId}:${erp.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: erp.tokenScopes.join(' ') }),
  });
  return (await json<{ access_token: string }>(answer, `POST ${erp.tokenUrl}`)).access_token;
};

export const runErpDemo = async (
  target: DemoTarget,
  erp: ErpCredentials,
  print: (entry: TimelineEntry) => void = () => undefined,
  options: { timeoutMs?: number } = {},
): Promise<ErpDemoResult> => {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const timeline: TimelineEntry[] = [];
  const note = (who: string, what: string) => {
    const entry = { at: new Date(), status: '—' as const, who, what };
    timeline.push(entry);
    print(entry);
  };
  const erpName = 'Demo ERP';
  const token = await erpToken(erp);
  note(erpName, `got a token for ${erp.tokenScopes.join(' ')} (client credentials)`);
  const admin = sellerStaff.admin;
  const adminToken = await target.tokenFor({ email: admin.email, groups: ['admin'] });
  const call = (path: string, as: string, init: RequestInit = {}) =>
    fetch(`${target.api}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json', ...init.headers },
    });

  // The feed from where it stands now: the ERP takes what comes after.
  let cursor = '0';
  for (;;) {
    const page = await json<{ items: FeedEvent[]; cursor: string }>(
      await call(`/integration/events?after=${cursor}&limit=500`, token),
      'GET /integration/events',
    );
    if (page.items.length === 0) break;
    cursor = page.cursor;
  }
  note(erpName, `follows the event feed after position ${cursor}`);

  const integrationId = (
    await json<{ items: { integrationId: string; clientId: string }[] }>(
      await call('/integrations', adminToken),
      'GET /integrations',
    )
  ).items.find((i) => i.clientId === erp.clientId)?.integrationId;
  if (!integrationId) throw new Error(`no integration has the client ${erp.clientId}`);
  const receiver = await startReceiver();
  let webhook: Webhook | undefined;
  const existing = await call(`/integrations/${integrationId}/webhook`, adminToken);
  if (existing.status === 404) {
    const set = await json<{ secret: string }>(
      await call(`/integrations/${integrationId}/webhook`, adminToken, {
        method: 'PUT',
        body: JSON.stringify({ url: receiver.url }),
      }),
      'PUT /integrations/{integrationId}/webhook',
    );
    webhook = new Webhook(set.secret);
    note(admin.email, `points the Demo ERP's webhooks at ${receiver.url}`);
  } else note(erpName, 'has webhooks going elsewhere already: it follows the feed alone');

  try {
    const { orderId } = await runDemo(target, print, { timeoutMs });

    const created = await until('order.created in the feed', timeoutMs, async () => {
      const page = await json<{ items: FeedEvent[]; cursor: string }>(
        await call(`/integration/events?after=${cursor}&limit=500`, token),
        'GET /integration/events',
      );
      cursor = page.cursor;
      return page.items.find((e) => e.type === 'order.created' && e.data.orderId === orderId);
    });
    note(erpName, `reads ${created.type} of ${orderId} in the feed (event ${created.id}), up to position ${cursor}`);

    if (webhook) {
      const signed = webhook;
      const delivered = await until('the order.created webhook', timeoutMs, async () =>
        receiver.received
          .map((r) => ({ headers: r.headers, event: signed.verify(r.body, r.headers) as FeedEvent }))
          .find((r) => r.event.type === 'order.created' && r.event.data.orderId === orderId),
      );
      note(erpName, `received the webhook ${delivered.headers['webhook-id']}, its signature verified`);
    }

    const ubl = await call(`/orders/${orderId}/documents/ubl`, token);
    if (!ubl.ok) throw new Error(`GET /orders/{orderId}/documents/ubl: HTTP ${ubl.status}`);
    // Attributes (the unit codes) left out: each line's id and quantity are what the ERP books here.
    const document = new XMLParser({ removeNSPrefix: true, isArray: (name) => name === 'OrderLine' }).parse(
      await ubl.text(),
    ) as { Order: { ID: string; OrderLine: { LineItem: { ID: string; Quantity: number } }[] } };
    const lines = document.Order.OrderLine.map(({ LineItem }) => ({
      lineId: String(LineItem.ID),
      quantity: Number(LineItem.Quantity),
    }));
    note(
      erpName,
      `reads the UBL order ${document.Order.ID}: ${lines.map((l) => `${l.lineId} × ${l.quantity}`).join(', ')}`,
    );

    let reports = 0;
    const report = async (what: string, body: object): Promise<OrderView> => {
      reports += 1;
      const order = await json<OrderView>(
        await call(`/integration/orders/${orderId}/${what}`, token, {
          method: 'POST',
          headers: { 'idempotency-key': `demo-${orderId}-${reports}` },
          body: JSON.stringify(body),
        }),
        `POST /integration/orders/{orderId}/${what}`,
      );
      return order;
    };
    const confirmed = await report('confirmation', { decision: 'accept' });
    note(erpName, `confirms ${orderId} as ordered → ${confirmed.status}`);

    const firstPart = lines.map((l) => ({ lineId: l.lineId, quantity: Math.ceil(l.quantity / 2) }));
    const rest = lines
      .map((l, i) => ({ lineId: l.lineId, quantity: l.quantity - firstPart[i]!.quantity }))
      .filter((l) => l.quantity > 0);
    for (const [n, part] of [firstPart, rest].entries()) {
      const shipmentId = `${orderId.slice(-6)}-S${n + 1}`;
      const shipped = await report('shipments', {
        shipmentId,
        carrier: 'DHL Freight',
        trackingNumber: `JD0146${String(Date.now()).slice(-8)}${n + 1}`,
        trackingUrl: `https://www.dhl.com/track?shipment=${shipmentId}`,
        lines: part,
      });
      note(
        erpName,
        `ships ${shipmentId}: ${part.map((l) => `${l.lineId} × ${l.quantity}`).join(', ')} → ${shipped.status}`,
      );
    }
    const dueDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const invoiceNumber = `INV-${orderId.slice(-6)}`;
    const invoiced = await report('invoices', {
      invoiceNumber,
      amount: confirmed.total,
      currency: confirmed.currency,
      dueDate,
    });
    note(
      erpName,
      `invoices ${invoiceNumber}: ${formatMoney(confirmed.total, confirmed.currency)} due ${dueDate} → ${invoiced.status}`,
    );

    const buyer = demoUser('dana@acme.example');
    const buyerToken = await target.tokenFor({
      email: buyer.email,
      groups: buyer.groups,
      ...(buyer.companyId && { companyId: buyer.companyId }),
    });
    const seen = await json<OrderView>(await call(`/orders/${orderId}`, buyerToken), 'GET /orders/{orderId}');
    note(
      buyer.email,
      `reads order ${orderId}: ${seen.timeline.map((t) => (t.ref ? `${t.kind} ${t.ref}` : t.kind)).join(' → ')} (${seen.status})`,
    );
    const inbox = openInbox(target.ses);
    const shippedMail = await until('the shipping emails', timeoutMs, async () => {
      const mail = (await inbox.emailsTo(buyer.email)).filter(
        (m) => m.subject.includes(orderId) && m.subject.includes('shipped'),
      );
      return mail.length >= 2 ? mail : undefined;
    });
    note(buyer.email, `was mailed: ${shippedMail.map((m) => `“${m.subject}”`).join(', ')}`);
    return { orderId, status: seen.status, timeline };
  } finally {
    if (webhook) await call(`/integrations/${integrationId}/webhook`, adminToken, { method: 'DELETE' });
    await receiver.close();
  }
};
