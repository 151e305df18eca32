import type { Schemas } from '../api/client.ts';

export type OrderStatus = Schemas['Order']['status'];

/** What a buyer or a rep calls each status of an order as the seller's ERP reports on it. */
export const orderStatusLabels: Record<OrderStatus, string> = {
  placed: 'Placed',
  confirmed: 'Confirmed',
  'partly-shipped': 'Partly shipped',
  shipped: 'Shipped',
  invoiced: 'Invoiced',
  closed: 'Shipped and invoiced',
  cancelled: 'Cancelled',
};

export const OrderStatusBadge = (props: { status: OrderStatus }) => (
  <span class={`badge badge-order-${props.status}`}>{orderStatusLabels[props.status]}</span>
);
