import { DeleteItemCommand, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { IllegalTransition } from '#domain/lifecycle.ts';
import { type Order, orderIdFor } from '#domain/order.ts';
import type { Actor, Rfq } from '#domain/rfq.ts';
import { hashEvent } from '#store/history.ts';
import { keys, orderIndexKeys } from '#store/keys.ts';
import { ConflictError } from '#store/ports.ts';
import { indexOrdersByPoNumber } from '../../migrations/po-number-index.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';
import { freshTable } from './store/fresh-table.ts';

const table = freshTable();
const { store } = table;
const system: Actor = { email: 'system@seller.example', role: 'system' };
const buyer: Actor = { email: 'buyer@acme.example', role: 'buyer' };
const rep: Actor = { email: 'rep@seller.example', role: 'rep' };

const submitted = async (rfq = anRfq().build()) => {
  await store.rfqs.create(rfq, { actor: buyer, action: 'submitted' });
  return rfq;
};

/** An RFQ taken through review, quote, acceptance and approval, as the workflow would. */
const approved = async (): Promise<Rfq> => {
  let rfq = await submitted();
  const quote = aQuote().withLine('SKU-1', 10, 12_00).build();
  rfq = await store.rfqs.transition(rfq, 'price', { quote }, { actor: system, action: 'priced' });
  rfq = await store.rfqs.transition(rfq, 'sendQuote', {}, { actor: rep, action: 'quote sent' });
  rfq = await store.rfqs.transition(rfq, 'accept', { poNumber: 'PO-1' }, { actor: buyer, action: 'accepted' });
  return store.rfqs.transition(rfq, 'approve', {}, { actor: system, action: 'approved' });
};

const orderOf = (rfq: Rfq): Order => ({
  orderId: orderIdFor(rfq.rfqId),
  rfqId: rfq.rfqId,
  companyId: rfq.companyId,
  buyerEmail: rfq.buyerEmail,
  poNumber: rfq.poNumber ?? 'PO-1',
  quoteVersion: rfq.quote?.version ?? 1,
  currency: rfq.currency,
  lines: rfq.quote?.lines ?? [],
  subtotal: rfq.quote?.subtotal ?? 0,
  total: rfq.quote?.total ?? 0,
  paymentTerms: 'NET30',
  createdAt: new Date().toISOString(),
});

describe('storing an RFQ', () => {
  it('reads back what was submitted, with its first history event', async () => {
    const rfq = await submitted();
    expect(await store.rfqs.get(rfq.rfqId)).toEqual(rfq);
    const [first] = await store.rfqs.history(rfq.rfqId);
    expect(first).toMatchObject({ seq: 1, action: 'submitted', to: 'SUBMITTED', prevHash: '0'.repeat(64) });
  });

  it('refuses a second RFQ with the same id', async () => {
    const rfq = await submitted();
    await expect(store.rfqs.create(rfq, { actor: buyer, action: 'submitted' })).rejects.toThrow(ConflictError);
  });

  it('keeps a 1000-line RFQ and its quote whole, though they pass the 400 KB item limit as plain attributes', async () => {
    const name = 'Stainless steel hex bolt M8 x 40 mm, DIN 933, A2-70, zinc flake coated, box of 100 — '.repeat(3);
    let quote = aQuote();
    for (let i = 0; i < 1000; i++) {
      quote = quote.withLine(`SKU-${i}`, 100 + i, 12_00, {
        name,
        category: 'fasteners',
        priceSource: 'contract tier ≥ 100',
      });
    }
    const rfq = await submitted(
      anRfq()
        .requesting(...Array.from({ length: 1000 }, (_, i) => ({ sku: `SKU-${i}`, quantity: 100 + i })))
        .build(),
    );
    const priced = await store.rfqs.transition(
      rfq,
      'price',
      { quote: quote.build() },
      { actor: system, action: 'priced' },
    );
    expect(Buffer.byteLength(JSON.stringify(priced))).toBeGreaterThan(400_000);
    const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: keys.rfq(rfq.rfqId) }));
    expect(Item).toHaveProperty('packedGzip');
    expect(await store.rfqs.get(rfq.rfqId)).toEqual(priced);
    expect((await store.rfqs.listByCompany('acme', { status: 'IN_REVIEW' })).items).toContainEqual(priced);
  });

  it('does not know an RFQ that was never submitted', async () => {
    expect(await store.rfqs.get('rfq_nobody')).toBeUndefined();
  });
});

describe('quote numbers', () => {
  // Each test numbers in a year of its own, so the file's other RFQs (2026) never share its series.
  const inYear = (year: number) => anRfq().submittedAt(`${year}-03-01T12:00:00.000Z`).build();

  it('numbers a year’s RFQs from Q-<year>-00001 up, and keeps the number through every later write', async () => {
    const first = await store.rfqs.create(inYear(2030), { actor: buyer, action: 'submitted' });
    const second = await store.rfqs.create(inYear(2030), { actor: buyer, action: 'submitted' });
    const nextYear = await store.rfqs.create(inYear(2031), { actor: buyer, action: 'submitted' });
    expect([first.quoteNumber, second.quoteNumber, nextYear.quoteNumber]).toEqual([
      'Q-2030-00001',
      'Q-2030-00002',
      'Q-2031-00001',
    ]);
    const priced = await store.rfqs.transition(
      first,
      'price',
      { quote: aQuote().withLine('SKU-1', 10, 12_00).build(), quoteNumber: 'Q-2030-09999' },
      { actor: system, action: 'priced' },
    );
    expect(priced.quoteNumber).toBe('Q-2030-00001');
    expect((await store.rfqs.get(first.rfqId))?.quoteNumber).toBe('Q-2030-00001');
  });

  it('gives 50 RFQs created at once 50 distinct consecutive numbers', async () => {
    const created = await Promise.all(
      Array.from({ length: 50 }, () => store.rfqs.create(inYear(2032), { actor: buyer, action: 'submitted' })),
    );
    const serials = created.map((rfq) => Number(rfq.quoteNumber?.slice('Q-2032-'.length))).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('never gives a number twice, even to creates of one id racing each other', async () => {
    const rfq = await store.rfqs.create(inYear(2033), { actor: buyer, action: 'submitted' });
    const racing = await Promise.allSettled(
      Array.from({ length: 5 }, () => store.rfqs.create({ ...rfq }, { actor: buyer, action: 'submitted' })),
    );
    expect(racing.every((r) => r.status === 'rejected' && r.reason instanceof ConflictError)).toBe(true);
    expect((await store.rfqs.get(rfq.rfqId))?.quoteNumber).toBe('Q-2033-00001');
    const next = await store.rfqs.create(inYear(2033), { actor: buyer, action: 'submitted' });
    expect(next.quoteNumber! > 'Q-2033-00001').toBe(true);
  });
});

describe('changing an RFQ', () => {
  it('moves through the lifecycle one guarded step at a time, recording each step', async () => {
    const rfq = await approved();
    expect(rfq).toMatchObject({ status: 'APPROVED', version: 5, poNumber: 'PO-1' });
    expect(await store.rfqs.get(rfq.rfqId)).toEqual(rfq);
    const history = await store.rfqs.history(rfq.rfqId);
    expect(history.map((e) => [e.seq, e.from, e.to])).toEqual([
      [1, undefined, 'SUBMITTED'],
      [2, 'SUBMITTED', 'IN_REVIEW'],
      [3, 'IN_REVIEW', 'QUOTED'],
      [4, 'QUOTED', 'ACCEPTED'],
      [5, 'ACCEPTED', 'APPROVED'],
    ]);
    expect(await store.rfqs.verifyHistory(rfq.rfqId)).toEqual({ ok: true });
  });

  it('records an update without a status change in the history', async () => {
    const rfq = await submitted();
    const noted = await store.rfqs.update(rfq, { note: 'deliver to dock 4' }, { actor: buyer, action: 'noted' });
    expect(noted).toMatchObject({ status: 'SUBMITTED', version: 2, note: 'deliver to dock 4' });
    const last = (await store.rfqs.history(rfq.rfqId)).at(-1);
    expect(last).toMatchObject({ seq: 2, action: 'noted' });
    expect(last).not.toHaveProperty('from');
  });

  it('keeps the identity of an RFQ whatever the changes say', async () => {
    const rfq = await submitted();
    const moved = await store.rfqs.update(
      rfq,
      { companyId: 'globex', rfqId: 'rfq_other', version: 99 },
      { actor: buyer, action: 'noted' },
    );
    expect(moved).toMatchObject({ rfqId: rfq.rfqId, companyId: 'acme', version: 2 });
  });

  it('rejects a write based on a stale version and changes nothing', async () => {
    const rfq = await submitted();
    const current = await store.rfqs.transition(rfq, 'price', {}, { actor: system, action: 'priced' });
    await expect(store.rfqs.transition(rfq, 'cancel', {}, { actor: buyer, action: 'cancelled' })).rejects.toThrow(
      ConflictError,
    );
    await expect(store.rfqs.update(rfq, { note: 'stale' }, { actor: buyer, action: 'noted' })).rejects.toThrow(
      ConflictError,
    );
    expect(await store.rfqs.get(rfq.rfqId)).toEqual(current);
    expect(await store.rfqs.history(rfq.rfqId)).toHaveLength(2);
  });

  it('guards an RFQ object the store did not hand out (no carried chain head) just the same', async () => {
    const rfq = await submitted();
    const copy = JSON.parse(JSON.stringify(rfq)) as Rfq;
    const priced = await store.rfqs.transition(copy, 'price', {}, { actor: system, action: 'priced' });
    expect(priced.version).toBe(2);
    await expect(
      store.rfqs.transition(JSON.parse(JSON.stringify(rfq)), 'cancel', {}, { actor: buyer, action: 'cancelled' }),
    ).rejects.toThrow(ConflictError);
    expect(await store.rfqs.verifyHistory(rfq.rfqId)).toEqual({ ok: true });
  });

  it('lets exactly one of twenty concurrent transitions of one RFQ win', async () => {
    const rfq = await submitted();
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.rfqs.transition(rfq, 'price', { note: `attempt ${i}` }, { actor: system, action: 'priced' }),
      ),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const lost = attempts.filter((a) => a.status === 'rejected');
    expect(won).toHaveLength(1);
    for (const a of lost) expect(a.reason).toBeInstanceOf(ConflictError);
    expect(await store.rfqs.get(rfq.rfqId)).toMatchObject({ status: 'IN_REVIEW', version: 2 });
    expect(await store.rfqs.history(rfq.rfqId)).toHaveLength(2);
    expect(await store.rfqs.verifyHistory(rfq.rfqId)).toEqual({ ok: true });
  });

  it('refuses an illegal transition before writing anything', async () => {
    const rfq = await submitted();
    await expect(store.rfqs.transition(rfq, 'accept', {}, { actor: buyer, action: 'accepted' })).rejects.toThrow(
      IllegalTransition,
    );
    expect(await store.rfqs.get(rfq.rfqId)).toEqual(rfq);
    expect(await store.rfqs.history(rfq.rfqId)).toHaveLength(1);
  });

  it('refuses changes that would make the RFQ invalid', async () => {
    const rfq = await submitted();
    await expect(store.rfqs.update(rfq, { currency: 'dollars' }, { actor: buyer, action: 'noted' })).rejects.toThrow();
    expect(await store.rfqs.get(rfq.rfqId)).toEqual(rfq);
  });
});

describe('converting an approved RFQ into an order', () => {
  it('writes the order and moves the RFQ to ORDERED together', async () => {
    const rfq = await approved();
    const order = orderOf(rfq);
    const ordered = await store.rfqs.convertToOrder(rfq, order, { actor: system, action: 'ordered' });
    expect(ordered).toMatchObject({ status: 'ORDERED', version: 6, orderId: order.orderId });
    expect(await store.orders.get(order.orderId)).toEqual(order);
    expect((await store.rfqs.history(rfq.rfqId)).at(-1)).toMatchObject({ seq: 6, from: 'APPROVED', to: 'ORDERED' });
  });

  it('refuses a second conversion of an ORDERED RFQ', async () => {
    const rfq = await approved();
    const ordered = await store.rfqs.convertToOrder(rfq, orderOf(rfq), { actor: system, action: 'ordered' });
    await expect(
      store.rfqs.convertToOrder(ordered, orderOf(rfq), { actor: system, action: 'ordered' }),
    ).rejects.toThrow(IllegalTransition);
    await expect(store.rfqs.convertToOrder(rfq, orderOf(rfq), { actor: system, action: 'ordered' })).rejects.toThrow(
      ConflictError,
    );
    expect(await store.rfqs.get(rfq.rfqId)).toEqual(ordered);
  });

  it('writes nothing when the RFQ moved on meanwhile', async () => {
    const rfq = await approved();
    const cancelled = await store.rfqs.transition(rfq, 'cancel', {}, { actor: buyer, action: 'cancelled' });
    await expect(store.rfqs.convertToOrder(rfq, orderOf(rfq), { actor: system, action: 'ordered' })).rejects.toThrow(
      ConflictError,
    );
    expect(await store.orders.get(orderIdFor(rfq.rfqId))).toBeUndefined();
    expect(await store.rfqs.get(rfq.rfqId)).toEqual(cancelled);
    expect(await store.rfqs.history(rfq.rfqId)).toHaveLength(6);
  });

  it('writes nothing when an order for the RFQ already exists', async () => {
    const rfq = await approved();
    const order = orderOf(rfq);
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...keys.order(order.orderId), ...order },
      }),
    );
    await expect(store.rfqs.convertToOrder(rfq, order, { actor: system, action: 'ordered' })).rejects.toThrow(
      ConflictError,
    );
    expect(await store.rfqs.get(rfq.rfqId)).toEqual(rfq);
    expect(await store.rfqs.history(rfq.rfqId)).toHaveLength(5);
  });

  it('finds an order placed before the PO-number index once the migration gives it its entry, and indexes once', async () => {
    const rfq = await approved();
    const order = { ...orderOf(rfq), poNumber: 'PO-Before-Index-9' };
    // As orders were written before the index: the company's and all-orders lists, no company-and-PO entry.
    const { GSI3PK: _po, GSI3SK: _poSort, ...before } = orderIndexKeys(order);
    await table.doc.send(
      new PutCommand({ TableName: table.tableName, Item: { ...keys.order(order.orderId), ...before, ...order } }),
    );
    expect(await store.orders.withPoNumber(order.companyId, 'po-before-index-9')).toEqual([]);

    const first = await indexOrdersByPoNumber(store.orders, () => undefined);
    expect(first.indexed).toBeGreaterThanOrEqual(1);
    expect(await store.orders.withPoNumber(order.companyId, ' po-before-index-9 ')).toEqual([order]);
    expect(await store.orders.get(order.orderId)).toEqual(order);
    expect(await indexOrdersByPoNumber(store.orders, () => undefined)).toEqual({ seen: first.seen, indexed: 0 });
  });

  it('refuses an order that is not the RFQ’s own', async () => {
    const rfq = await approved();
    await expect(
      store.rfqs.convertToOrder(rfq, { ...orderOf(rfq), orderId: 'ord_other' }, { actor: system, action: 'ordered' }),
    ).rejects.toThrow(/not the order of RFQ/);
    expect(await store.rfqs.get(rfq.rfqId)).toEqual(rfq);
  });
});

describe('the history chain', () => {
  const rawEvent = (rfqId: string, seq: number) => {
    const { PK, SK } = keys.historyEvent(rfqId, seq);
    return { TableName: table.tableName, Key: { PK: { S: PK }, SK: { S: SK } } };
  };

  it('verifies while the RFQ keeps changing, however often a transition lands between its reads', async () => {
    let rfq = await submitted();
    let changed = false;
    const changing = (async () => {
      for (let i = 0; i < 12; i++)
        rfq = await store.rfqs.update(rfq, { note: `note ${i}` }, { actor: buyer, action: 'noted' });
      changed = true;
    })();
    const verdicts: unknown[] = [];
    const verifying = async () => {
      while (!changed) verdicts.push(await store.rfqs.verifyHistory(rfq.rfqId));
    };
    await Promise.all([changing, verifying(), verifying(), verifying(), verifying()]);
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.filter((verdict) => !(verdict as { ok: boolean }).ok)).toEqual([]);
  });

  it('detects a well-chained event appended without the RFQ recording it', async () => {
    const rfq = await approved();
    const history = await store.rfqs.history(rfq.rfqId);
    const last = history.at(-1)!;
    const { hash: _, ...appended } = { ...last, seq: last.seq + 1, prevHash: last.hash, action: 'forged' };
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...keys.historyEvent(rfq.rfqId, appended.seq), ...appended, hash: hashEvent(appended) },
      }),
    );
    expect(await store.rfqs.verifyHistory(rfq.rfqId)).toMatchObject({ ok: false, brokenAt: last.seq + 1 });
  });

  it('detects an edited event', async () => {
    const rfq = await approved();
    await table.client.send(
      new UpdateItemCommand({
        ...rawEvent(rfq.rfqId, 3),
        UpdateExpression: 'SET #actor.#email = :someone',
        ExpressionAttributeNames: { '#actor': 'actor', '#email': 'email' },
        ExpressionAttributeValues: { ':someone': { S: 'mallory@acme.example' } },
      }),
    );
    expect(await store.rfqs.verifyHistory(rfq.rfqId)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects an edited event whose hash was recomputed, at the event after it', async () => {
    const rfq = await approved();
    const history = await store.rfqs.history(rfq.rfqId);
    const { hash: _, ...third } = history[2]!;
    const forged = hashEvent({ ...third, action: 'forged' });
    await table.client.send(
      new UpdateItemCommand({
        ...rawEvent(rfq.rfqId, 3),
        UpdateExpression: 'SET #action = :forged, #hash = :hash',
        ExpressionAttributeNames: { '#action': 'action', '#hash': 'hash' },
        ExpressionAttributeValues: { ':forged': { S: 'forged' }, ':hash': { S: forged } },
      }),
    );
    expect(await store.rfqs.verifyHistory(rfq.rfqId)).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('detects a deleted event as a gap', async () => {
    const rfq = await approved();
    await table.client.send(new DeleteItemCommand(rawEvent(rfq.rfqId, 2)));
    expect(await store.rfqs.verifyHistory(rfq.rfqId)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('detects a deleted last event against the head recorded on the RFQ', async () => {
    const rfq = await approved();
    await table.client.send(new DeleteItemCommand(rawEvent(rfq.rfqId, 5)));
    expect(await store.rfqs.verifyHistory(rfq.rfqId)).toMatchObject({ ok: false, brokenAt: 5 });
    const { Item } = await table.client.send(new GetItemCommand(rawEvent(rfq.rfqId, 5)));
    expect(Item).toBeUndefined();
  });
});
