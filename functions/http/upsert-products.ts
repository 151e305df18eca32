import { upsertProducts } from '#application/upsert-products.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { route } from './routes.ts';

/** The ERP's catalog, up to a thousand products a call, each answered on its own (application/upsert-products.ts). */
export const handler = http(route('PUT /integration/products'), async ({ body, caller, context }) => {
  // Answer while API Gateway still waits (29 s): what is left is `not-attempted`, to send again.
  const deadline = Date.now() + context.getRemainingTimeInMillis() - 3_000;
  const items = await upsertProducts({ catalog: adapters().store.catalog }, caller, body.products, deadline);
  const count = (outcome: string) => items.filter((item) => item.outcome === outcome).length;
  return {
    status: 200,
    body: {
      items,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
      toSendAgain: count('conflict') + count('not-attempted'),
    },
  };
});
