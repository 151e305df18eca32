import * as z from 'zod';
import type { Order } from '#domain/order.ts';

export const poNumberUsesSchema = z.strictObject({
  poNumber: z.string(),
  orders: z
    .array(z.strictObject({ orderId: z.string(), rfqId: z.string(), createdAt: z.iso.datetime() }))
    .describe('Other orders of the RFQ’s company placed under this PO number (in any case), newest first; at most 20'),
});
export type PoNumberUses = z.infer<typeof poNumberUsesSchema>;

/** Where a PO number was used before, for the buyer about to accept with it: which order, when — nothing more. */
export const poNumberUsesView = (poNumber: string, orders: readonly Order[]): PoNumberUses => ({
  poNumber,
  orders: orders.map((order) => ({ orderId: order.orderId, rfqId: order.rfqId, createdAt: order.createdAt })),
});
