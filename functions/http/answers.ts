import * as z from 'zod';
import { previewLevelSchema } from '#domain/approval-preview.ts';
import { budgetSchema, budgetStandingSchema } from '#domain/budget.ts';
import { catalogEntrySchema } from '#domain/catalog-prices.ts';
import { commentViewSchema } from '#domain/comment.ts';
import { integrationSchema } from '#domain/integration.ts';
import { integrationEventSchema } from '#domain/integration-event.ts';
import { rfqStatus } from '#domain/lifecycle.ts';
import { productSchema } from '#domain/product.ts';
import { versionViewSchema } from '#domain/quote-version.ts';
import { companyListItemSchema } from './company-list-view.ts';
import { orderViewSchema } from './order-view.ts';
import { rfqSummarySchema } from './rfq-view.ts';

/**
 * The bodies routes answer with that no single view builds: pages of views, and the few small answers composed in
 * their handler. Each view's own schema stays beside the view.
 */
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    cursor: z.string().optional().describe('Pass it back as `cursor` for the next page; absent on the last'),
  });

/** The feed's page: the events, oldest first, and the position to ask `after` next (the same when none came). */
export const integrationEventsSchema = z.object({
  items: z.array(integrationEventSchema),
  cursor: z.string().describe('Pass it back as `after` for the events that follow; it stays put while none came'),
});

export const rfqCreatedSchema = z.object({
  rfqId: z.string(),
  quoteNumber: rfqSummarySchema.shape.quoteNumber,
  status: rfqStatus,
});
export const rfqListSchema = pageOf(rfqSummarySchema);
export const orderListSchema = pageOf(orderViewSchema);
export const productListSchema = pageOf(productSchema);
export const commentListSchema = z.object({ items: z.array(commentViewSchema) });
export const versionListSchema = z.object({ items: z.array(versionViewSchema) });
export const companyListSchema = z.object({ items: z.array(companyListItemSchema) });
export const integrationListSchema = z.object({ items: z.array(integrationSchema) });

const fieldProblem = z.object({ path: z.string(), message: z.string() });
/** PUT /integration/products: what became of each product, by its place in the call, and the counts. */
export const productUpsertResultSchema = z.object({
  items: z.array(
    z.object({
      index: z.number().int(),
      sku: z.string().optional(),
      outcome: z
        .enum(['created', 'updated', 'unchanged', 'rejected', 'conflict', 'not-attempted'])
        .describe('conflict and not-attempted: nothing was written, send the product again'),
      errors: z.array(fieldProblem).optional().describe('Why a product was rejected, field by field'),
    }),
  ),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  toSendAgain: z.number().int(),
});

export const catalogSchema = pageOf(catalogEntrySchema).extend({
  companyId: z.string(),
  companyName: z.string(),
  currency: z.string(),
});

export const approvalChainPreviewSchema = z.object({
  total: z.number().int(),
  currency: z.string(),
  levels: z.array(previewLevelSchema),
});

export const budgetsWithStandingSchema = z.object({
  timeZone: z.string(),
  fiscalYearStartMonth: z.number().int(),
  budgets: z.array(budgetSchema),
  standing: z
    .array(budgetStandingSchema.extend({ buyerEmail: z.string() }))
    .optional()
    .describe('For the company’s own admin: each buyer’s spend and what is left this period, per budget limiting them'),
});
