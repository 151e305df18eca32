import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { badRequest } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('PUT /products/{sku}'), async ({ params, body }) => {
  if (body.sku !== params.sku)
    throw badRequest('the body is a different product', [{ path: 'sku', message: `must be ${params.sku}` }]);
  // A sku in another case updates that product: the answer shows its sku as the catalog spells it.
  return { status: 200, body: await adapters().store.catalog.putProduct(body) };
});
