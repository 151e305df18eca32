import type * as z from 'zod';
import { dayOf } from '#domain/calendar.ts';
import { catalogEntries } from '#domain/catalog-prices.ts';
import { mayRead } from '#domain/policy.ts';
import { bySkuKey, type Product, skuKey } from '#domain/product.ts';
import type { CatalogStore, Page } from '#store/ports.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { badRequest, notFound } from './problem.ts';
import { route } from './routes.ts';
import type { catalogQuery } from './schemas.ts';

type CatalogQuery = z.output<typeof catalogQuery>;

/** Named skus are read by key (the active ones, in the order asked); otherwise a page of the active catalog. */
const productsAsked = async (catalog: CatalogStore, query: CatalogQuery): Promise<Page<Product>> => {
  if (query.skus) {
    const found = bySkuKey((await catalog.getProducts(query.skus)).values());
    const active = query.skus.flatMap((sku) => found.get(skuKey(sku)) ?? []).filter((product) => product.active);
    // Two spellings of one sku asked for are one product.
    return { items: [...new Set(active)] };
  }
  return catalog.activeProducts({
    ...(query.q && { q: query.q }),
    ...(query.category && { category: query.category }),
    ...(query.limit && { limit: query.limit }),
    ...(query.cursor && { cursor: query.cursor }),
  });
};

export const handler = http(route('GET /catalog'), async ({ query, caller }) => {
  const { catalog } = adapters().store;
  const companyId = query.companyId ?? caller.companyId;
  if (!companyId)
    throw badRequest('name the company whose prices to show', [
      { path: 'query.companyId', message: 'required for seller staff' },
    ]);
  const company = await catalog.getCompany(companyId);
  if (!company || !mayRead(caller, company)) throw notFound(`no company ${companyId}`);
  const [page, contract] = await Promise.all([productsAsked(catalog, query), catalog.getContract(companyId)]);
  const items = catalogEntries(page.items, {
    ...(contract && { contract }),
    currency: company.currency,
    on: dayOf(new Date().toISOString()),
  });
  return {
    status: 200,
    body: {
      companyId,
      companyName: company.name,
      currency: company.currency,
      items,
      ...(page.cursor && { cursor: page.cursor }),
    },
  };
});
