import { reportOnOrder } from '#application/order-status.ts';
import { http } from './http.ts';
import { orderStatusDeps } from './order-status-deps.ts';
import { orderView } from './order-view.ts';
import { route } from './routes.ts';

export const handler = http(
  route('POST /integration/orders/{orderId}/cancellation'),
  async ({ params, body, caller, headers }) => {
    const order = await reportOnOrder(
      orderStatusDeps(),
      caller,
      params.orderId,
      { kind: 'cancellation', body },
      headers['idempotency-key'],
    );
    return { status: 200, body: orderView(order, caller) };
  },
);
