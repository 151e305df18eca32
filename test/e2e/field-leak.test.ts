import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RfqStatus } from '#domain/lifecycle.ts';
import { orderFrom } from '#domain/order.ts';
import { tokenOf } from '#local/inbox.ts';
import { anAddress, aShipTo } from '../builders/address.ts';
import { always, aRule } from '../builders/approval-rule.ts';
import { pdfLines } from '../pdf/read-pdf.ts';
import type { Answer, User } from './api.ts';
import { useTestStack } from './test-stack.ts';
import { until } from './until.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';
import { aCast, idempotencyKey, rfqReaches, stageCompany } from './world.ts';

/**
 * Seller cost never reaches a buyer company. After a full flow with the rep's adjustments — one within authority, one
 * beyond it and approved by the sales manager, both with seller notes — every route, the approval link's page and
 * JSON, and every email to the buyer side are searched recursively for cost, margin, who adjusted a price, authority
 * floors and the seller's notes, as every buyer-side role.
 */
const api = useTestStack('field-leak', { seed: false });
const cast = aCast('leak');
const { run, companyId, buyer, approver, rep, manager, sellerAdmin, bolts, nuts } = cast;
/** At the approver's level too: told by email that the approver decided, with whatever that email carries. */
const colleague = cast.buyerSide('colleague', 'approver');
const companyAdmin = cast.buyerSide('admin', 'admin');
/** Stands in for the approver (out of office): their delegate's link, task, page and email are searched too. */
const standIn = cast.buyerSide('standin', 'approver');
const sellerNote = `SELLER-NOTE-${run}`;

const forbiddenKeys = new Set([
  'cost',
  'margin',
  'adjustedBy',
  'floor',
  'repFloor',
  'needsManager',
  'maxRepDiscountPercent',
]);

/** Every place a seller secret shows up in a JSON value: a forbidden key, or a seller note's text. */
const leaksIn = (value: unknown, path = '$'): string[] => {
  if (typeof value === 'string') return value.includes(sellerNote) ? [`${path}: seller note`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaksIn(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => [
    ...(forbiddenKeys.has(key) ? [`${path}.${key}`] : []),
    ...leaksIn(v, `${path}.${key}`),
  ]);
};

/** The same for a page or an email, read as a person reads it: the words, not the markup or its styles. */
const leaksInText = (markup: string): string[] => {
  const text = markup.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]*>/g, ' ');
  return [new RegExp(sellerNote), /\bcost\b/i, /\bmargin\b/i, /\bfloor\b/i, /adjustedBy/, /authority/i].flatMap(
    (needle) => (needle.test(text) ? [String(needle)] : []),
  );
};

const poll = (rfqId: string, statuses: RfqStatus[]) => rfqReaches(api, rfqId, statuses, sellerAdmin);

/** A seller decision through the API, retried while its request email is still on its way (409 + Retry-After). */
const decide = async (rfqId: string, as: User, body: object): Promise<Answer> => {
  for (const deadline = Date.now() + 30_000; ; ) {
    const quoteVersion = (await api.store.rfqs.get(rfqId))?.quote?.version;
    const answer = await api.call('POST', `/rfqs/${rfqId}/review`, { as, body: { ...body, quoteVersion } });
    if (answer.status !== 409 || !answer.headers.get('retry-after') || Date.now() > deadline) return answer;
    await new Promise((r) => setTimeout(r, 100));
  }
};

const seen: { where: string; body: unknown }[] = [];
const pages: { where: string; text: string }[] = [];
let rfqId = '';
let orderId = '';
let managerDesk: { lines: unknown[]; discount: unknown } | undefined;
/** The seller's ERP, receiving the flow's events as webhooks from the start. */
let erp: WebhookReceiver;
let webhookSecret = '';
const integrationId = `int-leak${run.replace(/[^a-z0-9]/g, '').slice(0, 20)}`;
afterAll(() => erp?.close());

beforeAll(async () => {
  erp = await startWebhookReceiver();
  const at = new Date().toISOString();
  await api.store.integrations.create({
    integrationId,
    name: 'Leak ERP',
    clientId: `${integrationId}-client`,
    scopes: ['orders.read'],
    createdAt: at,
    createdBy: sellerAdmin.email,
    secretIssuedAt: at,
  });
  const webhook = await api.call('PUT', `/integrations/${integrationId}/webhook`, {
    as: sellerAdmin,
    body: { url: erp.url('/erp') },
  });
  expect(webhook.status, webhook.text).toBe(200);
  webhookSecret = webhook.body.secret;
  await stageCompany(api, sellerAdmin, {
    company: cast
      .company()
      .inErpAs(`L-${run}`)
      .at(anAddress(`${companyId} AP`), aShipTo('dock-a'), aShipTo('dock-b'))
      .withApprover(standIn.email)
      .withApprover(colleague.email)
      .withAdmin(companyAdmin.email)
      .build(),
    products: [bolts, nuts],
    rules: [aRule('everything').when(always).approvedBy(approver.email, colleague.email).build()],
  });
  // Set by the company's own admin; generous enough that the flow needs no over-budget level.
  const budgets = await api.call('PUT', `/companies/${companyId}/budgets`, {
    as: companyAdmin,
    body: { budgets: [{ period: 'month', amount: 1_000_000_00 }] },
  });
  expect(budgets.status, budgets.text).toBe(200);
  seen.push({ where: 'PUT /companies/{id}/budgets', body: budgets.body });
  // The approver is out of office this week; the company's admin names their stand-in.
  const delegation = await api.call('PUT', `/me/delegation?for=${encodeURIComponent(approver.email)}`, {
    as: companyAdmin,
    body: {
      delegateEmail: standIn.email,
      from: new Date(Date.now() - 60_000).toISOString(),
      to: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
  });
  expect(delegation.status, delegation.text).toBe(200);
  seen.push({ where: 'PUT /me/delegation?for=', body: delegation.body });
  seen.push({ where: 'GET /me/delegation', body: (await api.call('GET', '/me/delegation', { as: approver })).body });

  const submitted = await api.call('POST', '/rfqs', {
    as: buyer,
    body: {
      lines: [
        { sku: bolts.sku, quantity: 100 },
        { sku: nuts.sku, quantity: 50 },
      ],
      note: 'for the new line',
      shipToId: 'dock-b',
      requestedDeliveryDate: '2027-01-15',
    },
    headers: { 'idempotency-key': idempotencyKey() },
  });
  expect(submitted.status, submitted.text).toBe(201);
  rfqId = submitted.body.rfqId;
  await poll(rfqId, ['IN_REVIEW']);
  const noted = await api.call('POST', `/rfqs/${rfqId}/comments`, {
    as: rep,
    body: { text: `${sellerNote} posted: they also asked Globex`, visibility: 'seller' },
  });
  expect(noted.status, noted.text).toBe(201);
  const shared = await api.call('POST', `/rfqs/${rfqId}/comments`, { as: rep, body: { text: 'Pricing today.' } });
  expect(shared.status, shared.text).toBe(201);
  seen.push({
    where: 'GET /rfqs/{id} while IN_REVIEW',
    body: (await api.call('GET', `/rfqs/${rfqId}`, { as: buyer })).body,
  });

  // 7.50 is below the rep's floor (9.00 − 10% = 8.10): it needs the sales manager. 1.90 is within authority.
  const reviewed = await decide(rfqId, rep, {
    decision: 'approve',
    adjustments: [
      { sku: bolts.sku, unitPrice: 7_50 },
      { sku: nuts.sku, unitPrice: 1_90 },
    ],
    comment: `${sellerNote} rep: key account, match their other supplier`,
  });
  expect(reviewed.status, reviewed.text).toBe(202);
  await poll(rfqId, ['DISCOUNT_APPROVAL']);
  seen.push({
    where: 'GET /rfqs/{id} during DISCOUNT_APPROVAL',
    body: (await api.call('GET', `/rfqs/${rfqId}`, { as: buyer })).body,
  });
  managerDesk = (await api.call('GET', `/rfqs/${rfqId}/review`, { as: manager })).body;
  for (const person of [buyer, approver, companyAdmin])
    seen.push({
      where: `GET /rfqs/{id}/review as ${person.email}`,
      body: (await api.call('GET', `/rfqs/${rfqId}/review`, { as: person })).body,
    });
  const approved = await decide(rfqId, manager, { decision: 'approve', comment: `${sellerNote} manager: ok once` });
  expect(approved.status, approved.text).toBe(202);
  await poll(rfqId, ['QUOTED']);

  const quoted = await api.call('GET', `/rfqs/${rfqId}`, { as: buyer });
  seen.push({ where: 'GET /rfqs/{id} when QUOTED', body: quoted.body });
  const accepted = await api.call('POST', `/rfqs/${rfqId}/accept`, {
    as: buyer,
    body: { poNumber: `PO-${run}`, quoteVersion: quoted.body.version },
  });
  expect(accepted.status, accepted.text).toBe(202);
  seen.push({ where: 'POST /rfqs/{id}/accept', body: accepted.body });
  await poll(rfqId, ['PENDING_APPROVAL']);

  const inbox = api.inbox;
  // Two emails, sent in either order: wait for both.
  const { links, standInLinks } = await until(
    'the approver’s and the stand-in’s links',
    async () => {
      const links = await inbox.linksFor(approver.email, rfqId);
      const standInLinks = await inbox.linksFor(standIn.email, rfqId);
      return links.length > 0 && standInLinks.length > 0 ? { links, standInLinks } : undefined;
    },
    30_000,
  );
  expect(links, 'the approver got their link').toHaveLength(1);
  expect(standInLinks, 'the stand-in got their own link').toHaveLength(1);
  const standInPath = `/approvals/${tokenOf(standInLinks[0]!)}`;
  seen.push({
    where: "GET the stand-in's /approvals/{token} as JSON",
    body: (await api.call('GET', standInPath, { headers: { accept: 'application/json' } })).body,
  });
  pages.push({ where: "GET the stand-in's /approvals/{token} page", text: (await api.call('GET', standInPath)).text });
  for (const person of [standIn, buyer, approver, companyAdmin]) {
    const tasks = await api.call('GET', '/me/tasks', { as: person });
    seen.push({ where: `GET /me/tasks as ${person.email}`, body: tasks.body });
  }
  expect(seen.at(-4)?.body, 'the stand-in has it too, for the approver').toMatchObject({
    items: [expect.objectContaining({ rfqId, kind: 'purchase-approval', onBehalfOf: approver.email })],
  });
  expect(seen.at(-2)?.body, 'the approver has the purchase in their tasks').toMatchObject({
    items: [expect.objectContaining({ rfqId, kind: 'purchase-approval' })],
  });
  const path = `/approvals/${tokenOf(links[0]!)}`;
  seen.push({
    where: 'GET /approvals/{token} as JSON',
    body: (await api.call('GET', path, { headers: { accept: 'application/json' } })).body,
  });
  pages.push({ where: 'GET /approvals/{token} page', text: (await api.call('GET', path)).text });
  // The quote PDF the approver's link opens, with no sign-in: the buyer's document.
  const linkPdf = await fetch(`${api.url}${path}/quote.pdf`);
  expect(linkPdf.status).toBe(200);
  expect(linkPdf.headers.get('content-type')).toBe('application/pdf');
  const linkPdfText = (await pdfLines(new Uint8Array(await linkPdf.arrayBuffer()))).lines.join('\n');
  expect(linkPdfText).toContain('Total $845.00');
  expect(linkPdfText).not.toMatch(/\$6\.00|\$1\.10|\$600\.00|\$55\.00/);
  pages.push({ where: 'GET /approvals/{token}/quote.pdf', text: linkPdfText });
  const decided = await api.call('POST', path, {
    raw: 'decision=approve&comment=fine',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(decided.status, decided.text).toBe(200);
  pages.push({ where: 'POST /approvals/{token} page', text: decided.text });
  // A spent link opens no document any more.
  expect((await fetch(`${api.url}${path}/quote.pdf`)).status).toBe(404);
  const ordered = await poll(rfqId, ['ORDERED']);
  orderId = ordered.body.orderId;

  // The seller's ERP reports on the order: every email the buyer (and the rep, on the same message) gets of it.
  const report = async (order: string, what: string, body: object) => {
    const answer = await api.call('POST', `/integration/orders/${order}/${what}`, {
      as: sellerAdmin,
      body,
      headers: { 'idempotency-key': idempotencyKey() },
    });
    // The answer is the seller admin's own view of the order (costs are theirs to see): only the mail is checked.
    expect(answer.status, `${what}: ${answer.text}`).toBe(200);
  };
  const nutsLine = ordered.body.lines.find((l: { sku: string }) => l.sku === nuts.sku).lineId;
  const boltsLine = ordered.body.lines.find((l: { sku: string }) => l.sku === bolts.sku).lineId;
  await report(orderId, 'confirmation', {
    decision: 'change',
    lines: [{ lineId: nutsLine, quantity: 40, deliveryDate: '2027-01-20' }],
    reason: 'ten nuts back-ordered',
  });
  const shipment = (shipmentId: string, lines: object[]) => ({
    shipmentId,
    carrier: 'DHL Freight',
    trackingUrl: `https://tracking.example/${shipmentId}`,
    lines,
  });
  await report(orderId, 'shipments', shipment('S1', [{ lineId: boltsLine, quantity: 100 }]));
  await report(orderId, 'shipments', shipment('S2', [{ lineId: nutsLine, quantity: 40 }]));
  const placed = await api.call('GET', `/orders/${orderId}`, { as: buyer });
  await report(orderId, 'invoices', {
    invoiceNumber: `INV-${run}`.slice(0, 64),
    amount: placed.body.confirmation.total,
    currency: placed.body.currency,
    dueDate: '2027-02-15',
  });
  // A second order of the same quote — the same costs, notes and adjustments on its lines — that the ERP cancels.
  const { orderId: _ordered, ...flowRfq } = (await api.store.rfqs.get(rfqId))!;
  const again = { ...flowRfq, rfqId: `${rfqId}-again`, status: 'APPROVED' as const };
  await api.store.rfqs.create(again, { actor: { email: buyer.email, role: 'buyer' }, action: 'submitted' });
  const cancelled = orderFrom(again, { paymentTerms: 'NET30', at: new Date().toISOString() });
  await api.store.rfqs.convertToOrder(again, cancelled, {
    actor: { email: 'system@seller.example', role: 'system' },
    action: 'ordered',
  });
  await report(cancelled.orderId, 'cancellation', { reason: 'discontinued by the maker' });

  for (const person of [buyer, approver, standIn, colleague, companyAdmin]) {
    for (const email of await inbox.emailsTo(person.email))
      pages.push({
        where: `email to ${person.email}: ${email.subject}`,
        text: `${email.subject}\n${email.html}\n${email.text}`,
      });
  }
}, 180_000);

describe('seller-only fields never reach a buyer company', () => {
  it('the flow really carried seller secrets, which seller staff do see', async () => {
    const asRep = await api.call('GET', `/rfqs/${rfqId}`, { as: rep });
    expect(leaksIn(asRep.body)).toEqual(expect.arrayContaining(['$.lines[0].cost', '$.lines[0].adjustedBy']));
    expect(JSON.stringify(asRep.body)).toContain(sellerNote);
    const thread = await api.call('GET', `/rfqs/${rfqId}/comments`, { as: rep });
    expect(thread.body.items.filter((c: { text: string }) => c.text.includes(sellerNote))).toHaveLength(3);
    const versions = await api.call('GET', `/rfqs/${rfqId}/versions`, { as: rep });
    expect(leaksIn(versions.body)).toEqual(expect.arrayContaining(['$.items[1].lines[0].cost']));
    const order = await api.call('GET', `/orders/${orderId}`, { as: manager });
    expect(order.status, 'a sales manager reads orders').toBe(200);
    expect(order.body.lines[0].cost).toBe(6_00);
    expect(leaksIn(managerDesk), 'the review screen shows the sales manager the floors').toEqual(
      expect.arrayContaining([
        '$.lines[0].cost',
        '$.lines[0].margin',
        '$.lines[0].repFloor',
        '$.discount.lines[0].floor',
      ]),
    );
    expect(JSON.stringify(managerDesk)).toContain(sellerNote);
  });

  it.each([
    ['buyer', buyer],
    ['approver', approver],
    ['company admin', companyAdmin],
  ])('no route answers a %s with a seller field or note', async (_, person) => {
    const answers: [string, Answer][] = [
      ['GET /rfqs', await api.call('GET', '/rfqs', { as: person })],
      ['GET /rfqs/{id}', await api.call('GET', `/rfqs/${rfqId}`, { as: person })],
      ['GET /orders', await api.call('GET', '/orders', { as: person })],
      ['GET /orders/{id}', await api.call('GET', `/orders/${orderId}`, { as: person })],
      ['GET /rfqs/{id}/comments', await api.call('GET', `/rfqs/${rfqId}/comments`, { as: person })],
      ['GET /rfqs/{id}/versions', await api.call('GET', `/rfqs/${rfqId}/versions`, { as: person })],
    ];
    for (const [where, answer] of answers) {
      expect(answer.status, `${where}: ${answer.text}`).toBe(200);
      expect(leaksIn(answer.body), where).toEqual([]);
    }
    for (const path of [`/rfqs/${rfqId}/review`, '/products', '/companies', `/companies/${companyId}/contract`]) {
      const refused = await api.call('GET', path, { as: person });
      expect(refused.status, `${path}: ${refused.text}`).toBe(403);
      expect(leaksIn(refused.body), path).toEqual([]);
    }
    expect(answers[1]![1].body.lines).toHaveLength(2);
    expect(answers[3]![1].body.lines).toHaveLength(2);
    expect(answers[4]![1].body.items.map((c: { text: string }) => c.text)).toContain('Pricing today.');
    expect(answers[5]![1].body.items.length).toBeGreaterThanOrEqual(2);
  });

  it("the buyer company's budget reaches its own people and never seller staff", async () => {
    for (const person of [buyer, approver, companyAdmin]) {
      const view = await api.call('GET', `/rfqs/${rfqId}`, { as: person });
      expect(view.body.budget, person.email).toMatchObject([{ period: 'month', amount: 1_000_000_00 }]);
    }
    for (const person of [rep, manager, sellerAdmin]) {
      const view = await api.call('GET', `/rfqs/${rfqId}`, { as: person });
      expect(view.status).toBe(200);
      expect(view.body, person.email).not.toHaveProperty('budget');
    }
  });

  it('the company’s budgets answer its own admin with what each buyer spent, and the seller’s admin without', async () => {
    const own = await api.call('GET', `/companies/${companyId}/budgets`, { as: companyAdmin });
    expect(own.status, own.text).toBe(200);
    expect(leaksIn(own.body)).toEqual([]);
    expect(own.body.standing).toMatchObject([{ buyerEmail: buyer.email, period: 'month', amount: 1_000_000_00 }]);
    expect(own.body.standing[0].spent).toBeGreaterThan(0);
    const seller = await api.call('GET', `/companies/${companyId}/budgets`, { as: sellerAdmin });
    expect(seller.status, seller.text).toBe(200);
    expect(seller.body.budgets).toMatchObject([{ period: 'month', amount: 1_000_000_00 }]);
    expect(seller.body).not.toHaveProperty('standing');
  });

  it('nor does any answer taken during the flow (the accept, the approval link JSON, the task lists)', () => {
    expect(seen.length).toBeGreaterThanOrEqual(4);
    for (const { where, body } of seen) expect(leaksIn(body), where).toEqual([]);
  });

  it.each([
    ['buyer', buyer],
    ['approver', approver],
    ['company admin', companyAdmin],
    ['account rep (printing for the customer)', rep],
  ])('nor the quote PDF, printed by the %s: the agreed prices, never cost or notes', async (_, person) => {
    const response = await api.call('GET', `/rfqs/${rfqId}/quote.pdf`, { as: person });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const { lines } = await pdfLines(response.bytes);
    const text = lines.join('\n');
    expect(lines).toContain('Total $845.00');
    expect(text).toContain('100 each $7.50 $750.00');
    // Costs 6.00 and 1.10 per unit, the manager's and rep's notes, and the words that would give them away.
    expect(text).not.toMatch(/\$6\.00|\$1\.10|\$600\.00|\$55\.00/);
    expect(leaksInText(text)).toEqual([]);
  });

  it.each([
    ['buyer', buyer],
    ['approver', approver],
    ['company admin', companyAdmin],
    ['account rep (sending it to the ERP)', rep],
  ])('nor the order’s documents, read by the %s: the agreed prices, never cost or notes', async (_, person) => {
    for (const format of ['cxml', 'ubl', 'x12']) {
      const answer = await api.call('GET', `/orders/${orderId}/documents/${format}`, { as: person });
      expect(answer.status, `${format}: ${answer.text}`).toBe(200);
      // The bolts at the manager's 7.50, to the place the RFQ named, under the company's ERP number.
      expect(answer.text, format).toMatch(/>7\.50<|\*7\.50\*/);
      expect(answer.text, format).toContain('dock-b');
      expect(answer.text, format).toContain(`L-${run}`);
      // Costs 6.00 and 1.10 per unit (600.00 and 55.00 a line), the notes, and the words that would give them away.
      expect(answer.text, format).not.toMatch(/\b(6\.00|1\.10|600\.00|55\.00)\b/);
      expect(leaksInText(answer.text), format).toEqual([]);
      expect(answer.text, format).not.toContain(rep.email);
    }
  });

  it('nor any event of the integration feed, which the ERP (and later webhooks) receive', async () => {
    const feed = await api.call('GET', '/integration/events?limit=500', { as: sellerAdmin });
    expect(feed.status, feed.text).toBe(200);
    const types = feed.body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['quote.sent', 'quote.accepted', 'order.created', 'order.updated']));
    expect(leaksIn(feed.body)).toEqual([]);
    expect(JSON.stringify(feed.body)).not.toMatch(/"(cost|margin)"|:600\b|:110\b/);
  });

  it('nor any webhook the ERP received: each verifies as a Standard Webhook and carries the feed’s event', async () => {
    const bodies = await until(
      'the order.created webhook',
      async () => {
        const received = erp.received('/erp');
        const closed = received.some((r) => r.body.includes('"order.updated"') && r.body.includes('"closed"'));
        return received.some((r) => r.body.includes('"order.created"')) && closed ? received : undefined;
      },
      30_000,
    );
    const events = bodies.map((r) => new Webhook(webhookSecret).verify(r.body, r.headers as Record<string, string>));
    expect(events.map((e) => (e as { type: string }).type)).toEqual(
      expect.arrayContaining(['quote.sent', 'quote.accepted', 'order.created', 'order.updated']),
    );
    expect(leaksIn(events)).toEqual([]);
    expect(bodies.map((r) => r.body).join('\n')).not.toMatch(/"(cost|margin)"|:600\b|:110\b/);
    const log = await api.call('GET', `/integrations/${integrationId}/deliveries`, { as: sellerAdmin });
    expect(log.status, log.text).toBe(200);
    expect(log.body.items.map((d: { state: string }) => d.state)).toEqual(bodies.map(() => 'delivered'));
  });

  it('nor any page or email of the buyer side', () => {
    expect(pages.some((p) => p.where.startsWith('email to'))).toBe(true);
    expect(pages.map((p) => p.where)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^email to ${buyer.email}: We received your request`)),
        expect.stringMatching(new RegExp(`^email to ${colleague.email}: No longer needed`)),
        expect.stringMatching(new RegExp(`^email to ${buyer.email}: Order .+ confirmed with changes`)),
        expect.stringMatching(new RegExp(`^email to ${buyer.email}: Part of order .+ shipped`)),
        expect.stringMatching(new RegExp(`^email to ${buyer.email}: Order .+ shipped`)),
        expect.stringMatching(new RegExp(`^email to ${buyer.email}: Order .+ was cancelled`)),
      ]),
    );
    for (const { where, text } of pages) expect(leaksInText(text), where).toEqual([]);
  });
});
