import { reportOnOrder } from '#application/order-status.ts';
import { http } from './http.ts';
import { orderStatusDeps } from './order-status-deps.ts';
import { orderView } from './order-view.ts';
import { route } from './routes.ts';

export const handler = http(
  route('POST /integration/orders/{orderId}/confirmation'),
  async ({ params, body, caller, headers }) => {
    const order = await reportOnOrder(
      orderStatusDeps(),
      caller,
      params.orderId,
      { kind: 'confirmation', body },
      headers['idempotency-key'],
    );
    return { status: 200, body: orderView(order, caller) };
  },
);
