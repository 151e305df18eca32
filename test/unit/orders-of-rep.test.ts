import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { ordersOfRep } from '#application/orders-of-rep.ts';
import type { Company } from '#domain/company.ts';
import type { Order } from '#domain/order.ts';
import { BadCursorError, type Page, type Store } from '#store/ports.ts';

/** A plain in-memory double of the two store methods a rep's order list reads. */
const storeWith = (companies: Record<string, string>, orders: Record<string, number>): Store => {
  const ordersOf = (companyId: string): Order[] =>
    Array.from({ length: orders[companyId] ?? 0 }, (_, i) => ({ orderId: `${companyId}-${i}`, companyId }) as Order);
  const page = (items: Order[], query: { limit?: number; cursor?: string }): Page<Order> => {
    const from = query.cursor ? Number(query.cursor) : 0;
    const limit = query.limit ?? 20;
    const slice = items.slice(from, from + limit);
    return from + limit < items.length ? { items: slice, cursor: String(from + limit) } : { items: slice };
  };
  return {
    catalog: {
      companiesOfRep: async (rep: string) =>
        Object.entries(companies)
          .filter(([, owner]) => owner === rep)
          .map(([companyId]) => ({ companyId }) as Company),
    },
    orders: {
      listByCompany: async (companyId: string, query: { limit?: number; cursor?: string }) =>
        page(ordersOf(companyId), query),
    },
  } as unknown as Store;
};

const everyPage = async (store: Store, rep: string, limit: number): Promise<string[][]> => {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await ordersOfRep(store, rep, { limit, ...(cursor && { cursor }) });
    pages.push(page.items.map((o) => o.orderId));
    cursor = page.cursor;
  } while (cursor);
  return pages;
};

describe("a rep's orders", () => {
  const store = storeWith(
    { beta: 'rita', alpha: 'rita', gamma: 'rob', delta: 'rita' },
    { alpha: 3, beta: 0, delta: 2, gamma: 5 },
  );

  it('pages through every account the rep owns, account by account, never repeating or skipping an order', async () => {
    expect(await everyPage(store, 'rita', 2)).toEqual([['alpha-0', 'alpha-1'], ['alpha-2', 'delta-0'], ['delta-1']]);
    expect((await everyPage(store, 'rita', 100)).flat()).toEqual([
      'alpha-0',
      'alpha-1',
      'alpha-2',
      'delta-0',
      'delta-1',
    ]);
  });

  it('never includes an account the rep does not own', async () => {
    expect((await everyPage(store, 'rita', 1)).flat().some((id) => id.startsWith('gamma'))).toBe(false);
  });

  it("refuses a cursor that is malformed or another rep's", async () => {
    await expect(ordersOfRep(store, 'rita', { cursor: 'garbage' })).rejects.toThrow(BadCursorError);
    const robs = (await ordersOfRep(store, 'rob', { limit: 1 })).cursor!;
    await expect(ordersOfRep(store, 'rita', { cursor: robs })).rejects.toThrow(BadCursorError);
    const forged = Buffer.from(JSON.stringify({ rep: 'rita', companyId: 'gamma' })).toString('base64url');
    await expect(ordersOfRep(store, 'rita', { cursor: forged })).rejects.toThrow(BadCursorError);
  });

  it('answers an empty page for a rep with no accounts', async () => {
    expect(await ordersOfRep(store, 'nobody', {})).toEqual({ items: [] });
  });
});
