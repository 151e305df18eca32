import { ordersOfRep } from '#application/orders-of-rep.ts';
import { listScope } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { orderView } from './order-view.ts';
import { forbidden } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /orders'), async ({ query, caller }) => {
  const { store } = adapters();
  const scope = listScope(caller);
  if (!scope) throw forbidden('your token names no company');
  const page =
    scope.kind === 'all'
      ? await store.orders.listAll(query)
      : scope.kind === 'rep'
        ? await ordersOfRep(store, scope.repEmail, query)
        : await store.orders.listByCompany(scope.companyId, query);
  return {
    status: 200,
    body: { items: page.items.map((order) => orderView(order, caller)), ...(page.cursor && { cursor: page.cursor }) },
  };
});
