import { beforeAll, describe, expect, it } from 'vitest';
import { orderIdFor } from '#domain/order.ts';
import type { Actor, Rfq } from '#domain/rfq.ts';
import { BadCursorError, type ListQuery, type Page } from '#store/ports.ts';
import { anRfq } from '../builders/rfq.ts';
import { freshTable } from './store/fresh-table.ts';

const { store } = freshTable();
const system: Actor = { email: 'system@seller.example', role: 'system' };
const buyer: Actor = { email: 'buyer@acme.example', role: 'buyer' };

const minute = (n: number) => new Date(Date.UTC(2026, 10, 1, 9, n)).toISOString();

/** Submits `count` RFQs for a company, one a minute from `from`, and prices every third one into review. */
const submitMany = async (companyId: string, repEmail: string, count: number, from = 0): Promise<Rfq[]> =>
  Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const rfq = {
        ...anRfq(`rfq_${companyId}_${String(i).padStart(3, '0')}`)
          .for(companyId, repEmail)
          .build(),
      };
      const at = minute(from + i);
      const submitted = { ...rfq, createdAt: at, updatedAt: at };
      await store.rfqs.create(submitted, { actor: buyer, action: 'submitted' });
      return i % 3 === 0
        ? store.rfqs.transition(submitted, 'price', {}, { actor: system, action: 'priced' })
        : submitted;
    }),
  );

/** Every page of a list, following cursors; asserts each page stays within the limit. */
const allPages = async (list: (q: ListQuery) => Promise<Page<Rfq>>, query: ListQuery) => {
  const pages: Rfq[][] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ ...query, ...(cursor && { cursor }) });
    expect(page.items.length).toBeLessThanOrEqual(query.limit ?? 20);
    pages.push(page.items);
    cursor = page.cursor;
  } while (cursor);
  return pages;
};

const ids = (rfqs: Rfq[]) => rfqs.map((r) => r.rfqId);
const newestFirst = (rfqs: Rfq[]) => ids([...rfqs].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));

let acme: Rfq[];
let globex: Rfq[];

beforeAll(async () => {
  acme = await submitMany('acme', 'ann@seller.example', 25);
  globex = await submitMany('globex', 'bob@seller.example', 7, 100);
});

describe('a company’s RFQs', () => {
  it('page newest first across pages, with no duplicates and no cursor on the last page', async () => {
    const pages = await allPages((q) => store.rfqs.listByCompany('acme', q), { limit: 10 });
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages.flat().map((r) => r.rfqId)).toEqual(newestFirst(acme));
  });

  it('end without an empty page when the last page is exactly full', async () => {
    const pages = await allPages((q) => store.rfqs.listByCompany('globex', q), { limit: 7 });
    expect(pages.map((p) => p.length)).toEqual([7]);
  });

  it('never include another company’s RFQ', async () => {
    const listed = (await allPages((q) => store.rfqs.listByCompany('globex', q), { limit: 3 })).flat();
    expect(listed.every((r) => r.companyId === 'globex')).toBe(true);
    expect(ids(listed)).toEqual(newestFirst(globex));
  });

  it('filter by status, page by page', async () => {
    const pages = await allPages((q) => store.rfqs.listByCompany('acme', q), { status: 'IN_REVIEW', limit: 4 });
    expect(pages.map((p) => p.length)).toEqual([4, 4, 1]);
    expect(ids(pages.flat())).toEqual(newestFirst(acme.filter((r) => r.status === 'IN_REVIEW')));
  });

  it('default to 20 and never exceed 100 a page', async () => {
    expect((await store.rfqs.listByCompany('acme', {})).items).toHaveLength(20);
    expect((await store.rfqs.listByCompany('acme', { limit: 1000 })).items).toHaveLength(25);
  });
});

describe('a rep’s RFQs', () => {
  it('are the RFQs of the accounts they serve, newest first', async () => {
    const listed = (await allPages((q) => store.rfqs.listByRep('ann@seller.example', q), { limit: 8 })).flat();
    expect(ids(listed)).toEqual(newestFirst(acme));
  });

  it('filter by status through the index key, and follow a transition', async () => {
    const inReview = acme.filter((r) => r.status === 'IN_REVIEW');
    const listed = (
      await allPages((q) => store.rfqs.listByRep('Ann@Seller.example', q), { status: 'IN_REVIEW', limit: 2 })
    ).flat();
    expect(ids(listed)).toEqual(newestFirst(inReview));

    const moved = await store.rfqs.transition(globex[1]!, 'price', {}, { actor: system, action: 'priced' });
    globex[1] = moved;
    const bobs = (await store.rfqs.listByRep('bob@seller.example', { status: 'IN_REVIEW', limit: 100 })).items;
    expect(ids(bobs)).toContain(moved.rfqId);
    const stillSubmitted = (await store.rfqs.listByRep('bob@seller.example', { status: 'SUBMITTED', limit: 100 }))
      .items;
    expect(ids(stillSubmitted)).not.toContain(moved.rfqId);
  });
});

describe('every RFQ (admin)', () => {
  it('lists all companies newest first', async () => {
    const listed = (await allPages((q) => store.rfqs.listAll(q), { limit: 9 })).flat();
    expect(ids(listed)).toEqual(newestFirst([...acme, ...globex]));
  });

  it('filters by status', async () => {
    const listed = (await allPages((q) => store.rfqs.listAll(q), { status: 'SUBMITTED', limit: 5 })).flat();
    expect(ids(listed)).toEqual(newestFirst([...acme, ...globex].filter((r) => r.status === 'SUBMITTED')));
  });
});

describe('a cursor', () => {
  const firstCursor = async (query: ListQuery = { limit: 5 }) => {
    const { cursor } = await store.rfqs.listByCompany('acme', query);
    if (!cursor) throw new Error('expected a cursor');
    return cursor;
  };

  it('that was tampered with is rejected', async () => {
    const cursor = await firstCursor();
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    decoded.key.GSI1PK = 'COMPANY#globex#RFQ';
    const forged = Buffer.from(JSON.stringify(decoded)).toString('base64url');
    await expect(store.rfqs.listByCompany('acme', { cursor: forged })).rejects.toThrow(BadCursorError);
    await expect(store.rfqs.listByCompany('acme', { cursor: `${cursor.slice(0, -4)}!!!!` })).rejects.toThrow(
      BadCursorError,
    );
    await expect(store.rfqs.listByCompany('acme', { cursor: 'bm90IGpzb24' })).rejects.toThrow(BadCursorError);
  });

  it('of another list is rejected', async () => {
    const cursor = await firstCursor();
    await expect(store.rfqs.listByCompany('globex', { cursor })).rejects.toThrow(BadCursorError);
    await expect(store.rfqs.listByCompany('acme', { cursor, status: 'SUBMITTED' })).rejects.toThrow(BadCursorError);
    await expect(store.rfqs.listAll({ cursor })).rejects.toThrow(BadCursorError);
    await expect(store.orders.listByCompany('acme', { cursor })).rejects.toThrow(BadCursorError);
  });
});

describe('a company’s orders', () => {
  it('page newest first and stay within the company', async () => {
    const approved = async (companyId: string, n: number) => {
      const at = minute(200 + n);
      const rfq = { ...anRfq(`rfq_ordered_${companyId}_${n}`).for(companyId).withStatus('APPROVED').build() };
      const stored = { ...rfq, createdAt: at, updatedAt: at, poNumber: `PO-${n}` };
      await store.rfqs.create(stored, { actor: buyer, action: 'submitted' });
      const orderId = orderIdFor(stored.rfqId);
      await store.rfqs.convertToOrder(
        stored,
        {
          orderId,
          rfqId: stored.rfqId,
          companyId,
          buyerEmail: stored.buyerEmail,
          poNumber: `PO-${n}`,
          quoteVersion: 1,
          currency: 'USD',
          lines: [],
          subtotal: 0,
          total: 0,
          paymentTerms: 'NET30',
          createdAt: at,
        },
        { actor: system, action: 'ordered' },
      );
      return orderId;
    };
    const acmeOrders = [await approved('acme', 1), await approved('acme', 2), await approved('acme', 3)];
    const globexOrder = await approved('globex', 4);

    const first = await store.orders.listByCompany('acme', { limit: 2 });
    expect(first.items.map((o) => o.orderId)).toEqual([acmeOrders[2], acmeOrders[1]]);
    const second = await store.orders.listByCompany('acme', {
      limit: 2,
      ...(first.cursor && { cursor: first.cursor }),
    });
    expect(second).toEqual({ items: [expect.objectContaining({ orderId: acmeOrders[0] })] });

    const all = await store.orders.listAll({});
    expect(all.items.map((o) => o.orderId)).toEqual([globexOrder, ...[...acmeOrders].reverse()]);
  });
});
