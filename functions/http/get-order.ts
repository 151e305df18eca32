import { visibleOrder } from '#application/visibility.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { orderView } from './order-view.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /orders/{orderId}'), async ({ params, caller }) => ({
  status: 200,
  body: orderView(await visibleOrder(adapters().store, params.orderId, caller), caller),
}));
