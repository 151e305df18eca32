import { mayWriteCatalog } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { badRequest, forbidden } from './problem.ts';
import { route } from './routes.ts';

/** The seller's admin, or the ERP with catalog.write, puts one product (PUT /integration/products puts many). */
export const handler = http(route('PUT /products/{sku}'), async ({ params, body, caller }) => {
  if (!mayWriteCatalog(caller)) throw forbidden('writing the catalog needs the seller’s admin or catalog.write');
  if (body.sku !== params.sku)
    throw badRequest('the body is a different product', [{ path: 'sku', message: `must be ${params.sku}` }]);
  // A sku in another case updates that product: the answer shows its sku as the catalog spells it.
  return { status: 200, body: await adapters().store.catalog.putProduct(body) };
});
