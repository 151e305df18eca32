import * as z from 'zod';
import { budgetStandingSchema } from '#domain/budget.ts';
import { commentViewSchema } from '#domain/comment.ts';
import { standInEndedSchema } from '#domain/delegation.ts';
import { earlierLevelSchema } from '#domain/earlier-levels.ts';
import { rfqStatus } from '#domain/lifecycle.ts';
import { quoteViewSchema } from '#domain/quote-view.ts';

/**
 * What an email link's page shows — and, as JSON, what an API client that asks for it gets (`GET`/`POST
 * /approvals/{token}` with `Accept: application/json`). Built per audience by http/approval-link-view.ts from a
 * whitelist; neither ever sees the stored link or the full RFQ.
 */
const purpose = z.enum(['rep-review', 'discount-approval', 'approval-level']);

/** Why a link no longer decides anything (see application/open-link.ts). */
const revokedWhySchema = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('superseded') }),
  z.object({ reason: z.literal('decided-by-other'), by: z.string() }),
  z.object({ reason: z.literal('quote-changed'), version: z.number().int() }),
  z.object({ reason: z.literal('closed'), status: rfqStatus }),
  z.object({
    reason: z.literal('withdrawn'),
    for: z.string().describe('Whom the stand-in link decided for'),
    because: z.enum(standInEndedSchema.options.map((o) => o.shape.because.value)),
    by: z.string().optional().describe('Who ended or changed the delegation'),
  }),
  z.object({ reason: z.literal('timed-out') }),
]);
export type RevokedWhy = z.infer<typeof revokedWhySchema>;

/** Why a company approver is asked: everything the buyer side may read. */
const purchaseApprovalContextSchema = z.object({
  level: z.number().int(),
  levels: z.number().int(),
  mode: z.enum(['any', 'all']),
  others: z.array(z.string()),
  escalated: z.boolean(),
  reason: z.string().optional(),
  rules: z.array(z.object({ name: z.string(), when: z.string() })),
  earlier: z.array(earlierLevelSchema),
  budget: z.array(budgetStandingSchema),
});
export type PurchaseApprovalContext = z.infer<typeof purchaseApprovalContextSchema>;

/** What the sales manager decides on: seller-only (cost, margin, floors). */
const discountApprovalContextSchema = z.object({
  proposedBy: z.string(),
  at: z.string(),
  reason: z.string().optional(),
  lines: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      quantity: z.number().int(),
      requested: z.number().int(),
      floor: z.number().int(),
      belowFloor: z.number().int(),
      contractPrice: z.number().int().optional(),
      listPrice: z.number().int().optional(),
      cost: z.number().int().optional(),
      margin: z.number().int().optional(),
    }),
  ),
});
export type DiscountApprovalContext = z.infer<typeof discountApprovalContextSchema>;

/** An order a link's request became, and where the app shows it. */
const orderSchema = z.object({ orderId: z.string(), url: z.string() });

const openLinkSchema = z.object({
  outcome: z.enum(['open', 'invalid']),
  rfqId: z.string(),
  purpose,
  approver: z.string(),
  onBehalfOf: z.string().optional().describe('A delegate’s link: the out-of-office person the approver decides for'),
  expiresAt: z.string(),
  level: z.number().int().optional(),
  companyId: z.string(),
  companyName: z.string(),
  sellerName: z.string().describe('The supplier: the seller whose quote this is'),
  quotePdfUrl: z
    .string()
    .optional()
    .describe('A company approver’s link: the quote as the buyer’s PDF, authorised by this link while it decides'),
  buyerEmail: z.string(),
  poNumber: z.string().optional(),
  note: z.string().optional(),
  requestedDeliveryDate: z.string().optional(),
  shipTo: z.string().optional(),
  quote: quoteViewSchema,
  thread: z
    .array(commentViewSchema)
    .describe('The thread as this side may read it, oldest first: the emails show the latest few and link here'),
  maxRepDiscountPercent: z
    .number()
    .optional()
    .describe('Only on the rep’s own review: the authority the price inputs are measured against'),
  approval: purchaseApprovalContextSchema.optional(),
  discount: discountApprovalContextSchema.optional(),
  reassign: z
    .literal(true)
    .optional()
    .describe('Only on the sales manager’s escalated review: they may give the review to another rep instead'),
  revisionRequest: z
    .object({ by: z.string(), at: z.string(), comment: z.string().optional() })
    .optional()
    .describe('On the rep’s review: the buyer’s latest revision request'),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});

export const linkViewSchema = z.discriminatedUnion('outcome', [
  openLinkSchema,
  z.object({
    outcome: z.literal('decided'),
    rfqId: z.string(),
    purpose,
    decision: z.enum(['approve', 'reject', 'reassign']),
    sentToManager: z.literal(true).optional(),
    closedAs: rfqStatus.optional(),
    order: orderSchema.optional().describe('The last approval of the chain: the order it places'),
  }),
  z.object({ outcome: z.literal('recorded'), rfqId: z.string(), waitingFor: z.array(z.string()) }),
  z.object({ outcome: z.literal('refused'), reason: z.string() }),
  z.object({
    outcome: z.literal('revoked'),
    why: revokedWhySchema,
    order: orderSchema.optional().describe('The request became an order meanwhile: which one'),
  }),
  z.object({
    outcome: z.literal('used'),
    order: orderSchema.optional().describe('The request this link decided became an order: which one'),
  }),
  z.object({ outcome: z.enum(['gone', 'sending', 'expired', 'unknown']) }),
]);
export type LinkView = z.infer<typeof linkViewSchema>;

/** Each outcome's status: the page and the JSON are answered with the same one. */
export type LinkStatus = 200 | 202 | 400 | 403 | 404 | 409 | 410;

/** The page's model: the view and the status it is answered with. */
export type LinkPage = LinkView & { status: LinkStatus };
