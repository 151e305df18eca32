import * as z from 'zod';
import { isoDate } from './contract.ts';
import { orderStatus } from './lifecycle.ts';
import { currencyCode, minorUnits, nonNegativeMinorUnits } from './money.ts';
import { lineId } from './rfq.ts';
import { multiLine, singleLine } from './text.ts';

/**
 * What the seller's ERP reports about an order (POST /integration/orders/{orderId}/confirmation, /shipments,
 * /invoices, /cancellation), and what the order keeps of each. Lines are named by the quote's `lineId`, which the
 * order documents carry.
 */

const reason = multiLine(2000)
  .refine((value) => value.trim().length > 0, 'must not be blank')
  .transform((value) => value.trim());

export const lineChangeSchema = z.strictObject({
  lineId,
  /** What the seller will deliver; 0 when it cannot supply the line at all. */
  quantity: z.number().int().min(0).optional(),
  unitPrice: nonNegativeMinorUnits.optional(),
  deliveryDate: isoDate.optional(),
});
export type LineChange = z.infer<typeof lineChangeSchema>;

export const confirmationReportSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept'), reason: reason.optional() }),
  z.strictObject({
    decision: z.literal('change'),
    lines: z.array(lineChangeSchema).min(1).max(1000),
    reason: reason.optional(),
  }),
  z.strictObject({ decision: z.literal('reject'), reason }),
]);
export type ConfirmationReport = z.infer<typeof confirmationReportSchema>;

/**
 * A tracking link is shown to the buyer and put in an email: a web address, nothing a browser would run — and clean
 * text first, since a URL parser would quietly percent-encode a bidirectional override (or drop a line break) rather
 * than refuse it. The contract documents a pipe by its first half, the clean text: `format: uri` says the rest.
 */
const trackingUrl = singleLine(2000)
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain }))
  .meta({ format: 'uri' });

export const shipmentReportSchema = z.strictObject({
  shipmentId: singleLine(64),
  carrier: singleLine(100),
  trackingNumber: singleLine(100).optional(),
  trackingUrl: trackingUrl.optional(),
  lines: z
    .array(z.strictObject({ lineId, quantity: z.number().int().min(1) }))
    .min(1)
    .max(1000)
    .refine((lines) => new Set(lines.map((l) => l.lineId)).size === lines.length, 'names a line twice'),
});
export type ShipmentReport = z.infer<typeof shipmentReportSchema>;

export const invoiceReportSchema = z.strictObject({
  invoiceNumber: singleLine(64),
  amount: minorUnits.min(1),
  currency: currencyCode,
  dueDate: isoDate,
});
export type InvoiceReport = z.infer<typeof invoiceReportSchema>;

export const cancellationReportSchema = z.strictObject({ reason });
export type CancellationReport = z.infer<typeof cancellationReportSchema>;

/** The ERP's answer to the order, kept with the total it comes to (the ordered total when nothing changed). */
export const orderConfirmationSchema = z.object({
  decision: z.enum(['accept', 'change', 'reject']),
  lines: z.array(lineChangeSchema).optional(),
  reason: z.string().optional(),
  total: nonNegativeMinorUnits,
  at: z.iso.datetime(),
});
export type OrderConfirmation = z.infer<typeof orderConfirmationSchema>;

export const shipmentSchema = shipmentReportSchema.extend({ at: z.iso.datetime() });
export type Shipment = z.infer<typeof shipmentSchema>;

export const invoiceSchema = invoiceReportSchema.extend({ at: z.iso.datetime() });
export type Invoice = z.infer<typeof invoiceSchema>;

export const cancellationSchema = z.object({ reason: z.string(), at: z.iso.datetime() });

/** What happened to an order, one entry per report: the timeline its pages show. */
export const orderEventKinds = [
  'confirmed',
  'confirmed-with-changes',
  'rejected',
  'shipped',
  'invoiced',
  'cancelled',
] as const;
export const orderEventKind = z.enum(orderEventKinds);
export type OrderEventKind = z.infer<typeof orderEventKind>;

/**
 * One report as the order keeps it: when, from whom, what it was, the status before and after, and the report's
 * `Idempotency-Key` with a digest of its body — the same key again answers the order as it is, and writes nothing.
 */
export const orderUpdateSchema = z.object({
  at: z.iso.datetime(),
  /** Who reported it: the integration (or, until integrations report, the seller's admin). */
  by: z.string().min(1),
  kind: orderEventKind,
  /** The shipment or invoice it recorded. */
  ref: z.string().optional(),
  from: orderStatus,
  to: orderStatus,
  key: z.string(),
  digest: z.string(),
  /**
   * When the buyer (and the rep) were mailed about it, on a report they hear of: a report whose email failed is sent
   * again by the ERP (its retry, same key), and the email goes out then.
   */
  mailedAt: z.iso.datetime().optional(),
});
export type OrderUpdate = z.infer<typeof orderUpdateSchema>;
