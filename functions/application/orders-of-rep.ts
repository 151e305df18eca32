import { Buffer } from 'node:buffer';
import * as z from 'zod';
import type { Order } from '#domain/order.ts';
import { BadCursorError, type Page, type Store } from '#store/ports.ts';

/**
 * A rep's orders: the orders of each account they own, account by account (in companyId order), each newest first.
 * The cursor names the account and that account's own cursor, so paging never skips or repeats an order.
 */
const cursorSchema = z.object({ rep: z.string(), companyId: z.string(), inner: z.string().optional() });
type Cursor = z.infer<typeof cursorSchema>;

const encode = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

const decode = (text: string, repEmail: string): Cursor => {
  try {
    const cursor = cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    if (cursor.rep !== repEmail) throw new Error('another rep');
    return cursor;
  } catch {
    throw new BadCursorError('not a cursor of this list');
  }
};

export const ordersOfRep = async (
  store: Store,
  repEmail: string,
  query: { limit?: number; cursor?: string },
): Promise<Page<Order>> => {
  const limit = query.limit ?? 20;
  const companies = (await store.catalog.companiesOfRep(repEmail)).map((c) => c.companyId).sort();
  const from = query.cursor ? decode(query.cursor, repEmail) : undefined;
  let index = from ? companies.indexOf(from.companyId) : 0;
  if (index < 0) throw new BadCursorError('the cursor names an account you no longer own');
  let inner = from?.inner;
  const items: Order[] = [];
  while (index < companies.length && items.length < limit) {
    const companyId = companies[index]!;
    const page = await store.orders.listByCompany(companyId, {
      limit: limit - items.length,
      ...(inner && { cursor: inner }),
    });
    items.push(...page.items);
    if (page.cursor) return { items, cursor: encode({ rep: repEmail, companyId, inner: page.cursor }) };
    index += 1;
    inner = undefined;
  }
  const next = companies[index];
  return next ? { items, cursor: encode({ rep: repEmail, companyId: next }) } : { items };
};
