import * as z from 'zod';
import { shipToId } from './address.ts';
import { companyId, email } from './company.ts';
import { isoDate } from './contract.ts';
import { rfqStatus } from './lifecycle.ts';
import { milestonesSchema } from './milestones.ts';
import { currencyCode, minorUnits, nonNegativeMinorUnits } from './money.ts';
import { sku } from './product.ts';
import { quoteNumber } from './quote-number.ts';
import { taxBasisSchema, taxClass, taxRowSchema } from './tax.ts';
import { multiLine, singleLine } from './text.ts';
import { unitCode } from './unit-code.ts';

export const rfqLineRequestSchema = z.object({
  sku,
  quantity: z.number().int().min(1).max(10_000_000),
  targetUnitPrice: nonNegativeMinorUnits.optional(),
  /** A custom item the catalog lacks: the buyer's own reference as `sku`, described here; the rep prices it. */
  description: singleLine(200).optional(),
});

/** The body of POST /rfqs. `companyId` and `buyerEmail` only when a rep submits on a buyer's behalf. */
export const rfqRequestSchema = z.object({
  lines: z.array(rfqLineRequestSchema).min(1).max(1000),
  note: multiLine(2000).optional(),
  requestedDeliveryDate: isoDate.optional(),
  /** Where the goods go: an address block of a few lines. */
  shipTo: multiLine(500).optional(),
  /** Which of the company's ship-to addresses the goods go to (default: its first). */
  shipToId: shipToId.optional(),
  companyId: companyId.optional(),
  buyerEmail: email.optional(),
});
export type RfqRequest = z.infer<typeof rfqRequestSchema>;

/** One priced line. `unitPrice` is null when the line could not be priced (unknown or inactive sku). */
export const lineId = z.string().regex(/^L[1-9][0-9]{0,5}$/, 'a line id such as L3');

export const quoteLineSchema = z.object({
  /** Stable across versions: the same line keeps its id whatever changes on it (price, quantity, even its sku). */
  lineId,
  sku,
  name: z.string(),
  quantity: z.number().int().min(1),
  unit: z.string(),
  /** The unit as a UN/ECE Rec 20 code, from the product when the line was priced. */
  unitCode: unitCode.optional(),
  category: z.string().optional(),
  listPrice: nonNegativeMinorUnits.nullable(),
  contractPrice: nonNegativeMinorUnits.nullable(),
  unitPrice: nonNegativeMinorUnits.nullable(),
  lineTotal: nonNegativeMinorUnits.nullable(),
  priceSource: z.string(),
  cost: nonNegativeMinorUnits.optional(),
  targetUnitPrice: nonNegativeMinorUnits.optional(),
  unpriced: z.string().optional(),
  /** Who set `unitPrice` by hand (a rep or sales manager), when it is not the contract's or the list's. */
  adjustedBy: email.optional(),
  /** A custom item (not from the catalog): `name` is its description, priced by the seller. */
  custom: z.literal(true).optional(),
  /** The product's tax class when the line was priced; absent: `standard`. */
  taxClass: taxClass.optional(),
});
export type QuoteLine = z.infer<typeof quoteLineSchema>;

export const quoteSchema = z.object({
  version: z.number().int().min(1),
  currency: currencyCode,
  lines: z.array(quoteLineSchema),
  subtotal: nonNegativeMinorUnits,
  discountTotal: minorUnits,
  total: nonNegativeMinorUnits,
  unpricedLines: z.number().int().min(0),
  pricedAt: z.iso.datetime(),
  validUntil: z.iso.date().optional(),
  contractId: z.string().optional(),
  /** The highest line number ever given on this RFQ: a new line gets the next, so a removed line's id is never reused. */
  lastLine: z.number().int().min(0).optional(),
  /** What the tax is computed from; absent on quotes priced before tax, or while the seller had no tax settings. */
  taxBasis: taxBasisSchema.optional(),
  /** The tax per label and rate, its sum, and `total + taxTotal`; absent only on quotes priced before tax. */
  taxes: z.array(taxRowSchema).optional(),
  taxTotal: nonNegativeMinorUnits.optional(),
  grandTotal: nonNegativeMinorUnits.optional(),
  /** The legal wording of a reverse-charged or exempt quote, which it and its PDF carry. */
  taxNote: z.string().optional(),
});
export type Quote = z.infer<typeof quoteSchema>;

export const approvalStepSchema = z.object({
  level: z.number().int().min(1),
  mode: z.enum(['any', 'all']),
  approvers: z.array(email),
  ruleIds: z.array(z.string()),
  escalated: z.boolean(),
  /** Why the level exists when no rule made it: "over budget". */
  reason: z.string().optional(),
  /** The escalation contacts the level's rules name (the company's admins when none does). */
  escalateTo: z.array(email).optional(),
  /** The level went unanswered past its reminder: these people may decide it for the whole level, since `at`. */
  escalation: z.object({ to: z.array(email).min(1), at: z.iso.datetime() }).optional(),
  decisions: z.array(
    z.object({
      approver: email,
      /** A delegate decided for the approver (out of office): "delegate for approver". */
      delegate: email.optional(),
      decision: z.enum(['approve', 'reject']),
      at: z.iso.datetime(),
      comment: z.string().optional(),
    }),
  ),
  /** NOT_NEEDED: a level that was still to decide when an earlier one rejected the purchase. */
  status: z.enum(['WAITING', 'PENDING', 'APPROVED', 'REJECTED', 'NOT_NEEDED']),
});
export type ApprovalStep = z.infer<typeof approvalStepSchema>;

export const actorSchema = z.object({
  email,
  role: z.enum(['buyer', 'approver', 'rep', 'sales-manager', 'admin', 'system']),
  onBehalfOf: email.optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const rfqSchema = z.object({
  rfqId: z.string(),
  /** `Q-2026-00042`: given by the store when the RFQ is created; absent only on RFQs created before numbering. */
  quoteNumber: quoteNumber.optional(),
  companyId,
  buyerEmail: email,
  accountRepEmail: email,
  submittedBy: actorSchema,
  status: rfqStatus,
  /** Optimistic-lock version: every write increments it. Not the quote version. */
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  currency: currencyCode,
  lines: z.array(rfqLineRequestSchema),
  note: z.string().optional(),
  requestedDeliveryDate: isoDate.optional(),
  shipTo: z.string().optional(),
  shipToId: shipToId.optional(),
  quote: quoteSchema.optional(),
  /** The last quote version sent to the buyer: what the seller has committed to while a newer one is being worked on. */
  quotedVersion: z.number().int().min(1).optional(),
  /** The last day that version is valid (`YYYY-MM-DD`). */
  quotedUntil: z.iso.date().optional(),
  poNumber: z.string().optional(),
  approvals: z.array(approvalStepSchema),
  orderId: z.string().optional(),
  executionArn: z.string().optional(),
  /** When it reached the steps KPIs measure; stamped by the store on every change of status. */
  milestones: milestonesSchema.optional(),
});
export type Rfq = z.infer<typeof rfqSchema>;
