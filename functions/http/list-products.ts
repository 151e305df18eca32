import { Forbidden } from '#domain/errors.ts';
import { mayListProducts } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /products'), async ({ query, caller }) => {
  if (!mayListProducts(caller)) throw new Forbidden('only the seller’s admin lists every product');
  const page = await adapters().store.catalog.allProducts({
    ...(query.q && { q: query.q }),
    ...(query.limit && { limit: query.limit }),
    ...(query.cursor && { cursor: query.cursor }),
  });
  return { status: 200, body: page };
});
