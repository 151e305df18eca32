import * as z from 'zod';
import { approvalRuleSchema } from '#domain/approval-rule.ts';
import { budgetsBodySchema } from '#domain/budget.ts';
import { visibility } from '#domain/comment.ts';
import { companyId, companySchema, companyUserSchema, email } from '#domain/company.ts';
import { contractSchema } from '#domain/contract.ts';
import { delegationBodySchema } from '#domain/delegation.ts';
import { integrationId, newIntegrationSchema } from '#domain/integration.ts';
import { feedCursor } from '#domain/integration-event.ts';
import { rfqStatus } from '#domain/lifecycle.ts';
import { nonNegativeMinorUnits } from '#domain/money.ts';
import {
  cancellationReportSchema,
  confirmationReportSchema,
  invoiceReportSchema,
  shipmentReportSchema,
} from '#domain/order-reports.ts';
import { productSchema, sku } from '#domain/product.ts';
import { addedLineSchema, lineEditSchema } from '#domain/quote-edits.ts';
import { rfqLineRequestSchema, rfqRequestSchema } from '#domain/rfq.ts';
import { taxSettingsSchema } from '#domain/tax.ts';
import { multiLine, searchText, singleLine } from '#domain/text.ts';
import { orderDocumentFormatNames } from '#rendering/order-documents/format-names.ts';

/**
 * What each route accepts, at the edge. Bodies are strict: an unknown field is a client mistake worth a 400, not
 * something to drop silently. The domain schemas stay the source of every field's rule.
 */

const id = singleLine(128);
/** Free text a person writes: not blank, no control characters but line breaks, no bidirectional overrides. */
const text = (max: number) =>
  multiLine(max)
    .refine((value) => value.trim().length > 0, 'must not be blank')
    .transform((value) => value.trim());

export const rfqParams = z.strictObject({ rfqId: id });
export const orderParams = z.strictObject({ orderId: id });
export const orderDocumentParams = z.strictObject({ orderId: id, format: z.enum(orderDocumentFormatNames) });
export const skuParams = z.strictObject({ sku });
export const companyParams = z.strictObject({ companyId });
/** Any string: a malformed token is answered like an unknown one (404 page), never with a validation error. */
export const tokenParams = z.strictObject({ token: z.string().min(1).max(512) });

export const listQuery = z.strictObject({
  status: rfqStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().min(1).max(4096).optional(),
});
export const orderListQuery = listQuery.omit({ status: true });
/** GET /integration/events: after the position a reader last got (`cursor`), at most `limit` events. */
/** The products are checked one by one (each answered on its own), so a call is refused whole only when malformed. */
export const productUpsertBody = z.strictObject({
  products: z
    .array(z.record(z.string(), z.unknown()).describe('A product, as PUT /products/{sku} takes it'))
    .min(1)
    .max(1000),
});

export const integrationParams = z.strictObject({ integrationId });
export const integrationBody = newIntegrationSchema;

export const integrationEventsQuery = z.strictObject({
  after: feedCursor.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** GET /products: the seller admin's whole product list, by sku; `q` finds by part of the sku or name. */
export const productListQuery = z.strictObject({
  q: searchText(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().min(1).max(4096).optional(),
});

export const catalogQuery = z.strictObject({
  q: searchText(100)
    .optional()
    .describe(
      'Finds products whose name or sku contains this text starting at the beginning of a word, in any case; results come grouped by the word they matched, each group by category, name and sku',
    ),
  category: singleLine(100).optional(),
  /** Seller staff name the company whose prices they want to see; a company's own people need not. */
  companyId: companyId.optional(),
  /** Exactly these products (comma-separated, up to 100): how an RFQ draft checks and prices its lines. */
  skus: z
    .string()
    .max(6500)
    .transform((list) => [...new Set(list.split(',').map((s) => s.trim()))].filter(Boolean))
    .pipe(z.array(sku).min(1).max(100))
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().min(1).max(4096).optional(),
});

/**
 * `Idempotency-Key`: a retry (a double click, a client's retry after a timeout) with the same key gets the first
 * answer instead of a second RFQ.
 */
/** A save over what was read: the `ETag` of the company (or its rules) as read; optional, never weakening the lock. */
export const ifMatchHeaders = z.object({
  'if-match': z
    .string()
    .max(200)
    .optional()
    .describe(
      'The `ETag` as read: the save is refused with 412 when somebody saved since. Without it a save still never lands over one made between its own read and write',
    ),
});

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'invalid') })
    .regex(/^[\x21-\x7e]{1,255}$/, 'invalid')
    .describe('1–255 visible ASCII characters, new for each request; a retry sends the same one'),
});

/** What the seller's ERP reports on an order (order-reports.ts holds each field's rule). */
export const confirmationBody = confirmationReportSchema;
export const shipmentBody = shipmentReportSchema;
export const invoiceBody = invoiceReportSchema;
export const cancellationBody = cancellationReportSchema;

export const createRfqBody = rfqRequestSchema
  .extend({ lines: z.array(rfqLineRequestSchema.strict()).min(1).max(1000) })
  .strict();

/** The quote version a decision answers: the one the decider saw (GET /rfqs/{rfqId} → `version`). */
const quoteVersion = z.number().int().min(1);

export const reviewBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  quoteVersion,
  adjustments: z
    .array(z.strictObject({ sku, unitPrice: nonNegativeMinorUnits }))
    .max(1000)
    .optional(),
  comment: text(2000).optional(),
  /**
   * Who the comment is for: `shared` (the buyer reads it too) or `seller` (the seller's staff). Unsaid: a rejection's
   * reason is shared (the buyer is told why), an approval's note stays with the seller.
   */
  commentVisibility: visibility.optional(),
  /** Line edits by `lineId`: quantity, target price, remove, or another product in its place (`substituteSku`). */
  lines: z.array(lineEditSchema.strict()).max(1000).optional(),
  /** Lines to add: a catalog product (`sku`, `quantity`, priced from the contract) or a custom item (`description`, `unitPrice`, `cost`). */
  add: z.array(addedLineSchema.strict()).max(1000).optional(),
  /** Price every catalog line afresh from the contract instead of keeping the agreed prices. */
  reprice: z.boolean().optional(),
});
export const acceptBody = z.strictObject({ poNumber: singleLine(64), quoteVersion });
/** GET /rfqs/{rfqId}/po-number-uses: the PO number the buyer is about to accept with. */
export const poNumberQuery = z.strictObject({ poNumber: singleLine(64) });
export const declineBody = z.strictObject({ reason: text(2000), quoteVersion });
/** A revision request may ask for line changes: quantities, target prices, lines removed, products added. */
export const reviseBody = z.strictObject({
  comment: text(2000),
  quoteVersion,
  lines: z
    .array(lineEditSchema.omit({ substituteSku: true }).strict())
    .max(1000)
    .optional(),
  add: z
    .array(addedLineSchema.pick({ sku: true, quantity: true, targetUnitPrice: true }).required({ sku: true }).strict())
    .max(1000)
    .optional(),
});
/** POST /rfqs/{rfqId}/comments: a post to the thread, `shared` unless the seller's staff write a `seller` note. */
export const commentBody = z.strictObject({ text: text(4000), visibility: visibility.default('shared') });
export const cancelBody = z.strictObject({ reason: text(2000).optional() }).optional();

/**
 * The approval page posts a form (`decision`, `comment`, one `price:<sku>` per line as typed); API clients post JSON
 * (`adjustments` in minor units). Both land here; the form's price fields are gathered into `prices`.
 */
const gatherPrices = (raw: unknown): unknown => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const entries = Object.entries(raw);
  const prices = entries.filter(([key]) => key.startsWith('price:')).map(([key, value]) => [key.slice(6), value]);
  if (prices.length === 0) return raw;
  return {
    ...Object.fromEntries(entries.filter(([key]) => !key.startsWith('price:'))),
    prices: Object.fromEntries(prices),
  };
};
export const linkDecisionBody = z.preprocess(
  gatherPrices,
  z.strictObject({
    /** `reassign`: the sales manager gives a review escalated to them to another rep (`reassignTo`). */
    decision: z.enum(['approve', 'reject', 'reassign']),
    reassignTo: email.optional(),
    comment: multiLine(2000)
      .transform((value) => value.trim())
      .optional(),
    commentVisibility: visibility.optional(),
    adjustments: z
      .array(z.strictObject({ sku, unitPrice: nonNegativeMinorUnits }))
      .max(1000)
      .optional(),
    prices: z.record(sku, z.string().max(32)).optional(),
  }),
);

export const productBody = productSchema.strict();
export const companyBody = companySchema.strict();
export const contractBody = contractSchema.strict();
export const taxSettingsBody = taxSettingsSchema;
export const approvalRulesBody = z.strictObject({ rules: z.array(approvalRuleSchema).max(100) });
export const companyUsersBody = z.strictObject({ users: z.array(companyUserSchema.strict()).max(500) });
/** One person of a company, by their email (any case: it is stored lower-case). */
export const companyPersonParams = z.strictObject({ companyId, email });
/** The company's people whose invitation is still open (never signed in): the ones it can be sent to again. */
export const openInvitationsSchema = z.strictObject({ open: z.array(z.string()) });
/** What a company lists of one person besides their email. */
export const companyPersonBody = companyUserSchema.omit({ email: true }).strict();
/** "Which levels would a 2,500.00 order need?": the order's total in the company's minor units. */
export const approvalChainQuery = z.strictObject({
  total: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/** POST /rfqs/{rfqId}/approval: the approver's decision on the quote version they saw. */
export const purchaseApprovalBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: text(2000).optional(),
  quoteVersion: z.number().int().min(1),
});
export const budgetsBody = budgetsBodySchema;
/** PUT /me/delegation: `{ delegateEmail, from, to }`, the window in ISO 8601 timestamps with an offset. */
export const delegationBody = delegationBodySchema;
/** Whose delegation (`?for=`): a company's admin for the company's people, the seller's admin for the seller's staff. */
export const delegationQuery = z.strictObject({ for: email.optional() });
/**
 * A KPI day lies in 2000–2999: rollups are kept by month, and month arithmetic past year 9999 (or before year 100,
 * which `Date.UTC` reads as 19xx) has no answer — a far date is a 400 naming the field, never a RangeError.
 */
const kpiDay = z.iso
  .date()
  .refine((day) => day >= '2000-01-01' && day <= '2999-12-31', 'a day from 2000-01-01 to 2999-12-31');
/** `GET /kpis`: a date range of UTC days (inclusive), a grouping, and optionally whose numbers and how to send them. */
export const kpiQuery = z
  .strictObject({
    from: kpiDay.optional(),
    to: kpiDay.optional(),
    groupBy: z.enum(['rep', 'company', 'product', 'month']).default('month'),
    companyId: companyId.optional(),
    repEmail: z
      .email()
      .transform((e) => e.toLowerCase())
      .optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD')
      .optional(),
    format: z.enum(['json', 'csv']).optional(),
  })
  .refine((q) => !(q.companyId && q.repEmail), { message: 'name a company or a rep, not both', path: ['repEmail'] })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });
