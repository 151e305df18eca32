import * as z from 'zod';
import type { ReviewDesk } from '#application/review-desk.ts';
import { rfqStatus } from '#domain/lifecycle.ts';
import { basisPointsToPercentText, percentToBasisPoints } from '#domain/money.ts';
import { lineViewSchema, sellerLineView } from '#domain/quote-view.ts';
import { authorityAdvice, lineAuthority } from '#functions/pages/rep-review.ts';

const money = z.number().int();
/** A line of the review: the line as seller staff read it (lineId is what line edits name), with its floors. */
const reviewLine = lineViewSchema.extend({
  /** The lowest unit price the rep may give alone; below it the sales manager approves. */
  repFloor: money.optional(),
  /** The review page's sentence about this line's floors, word for word. */
  authority: z.string(),
});

/** What GET /rfqs/{rfqId}/review answers: seller staff only, so cost, margin and floors are in it. */
export const reviewDeskSchema = z.object({
  rfqId: z.string(),
  status: rfqStatus,
  companyId: z.string(),
  companyName: z.string(),
  buyerEmail: z.string(),
  /** Who submitted the request: the buyer, or a rep on the buyer's behalf (whose note it then is). */
  submittedBy: z.string(),
  accountRepEmail: z.string(),
  note: z.string().optional(),
  requestedDeliveryDate: z.string().optional(),
  quoteVersion: z.number().int().nullable(),
  currency: z.string(),
  subtotal: money.nullable(),
  total: money.nullable(),
  validUntil: z.string().nullable(),
  maxRepDiscountPercent: z.string(),
  lines: z.array(reviewLine),
  open: z.object({ purpose: z.enum(['rep-review', 'discount-approval']), dueAt: z.string() }).nullable(),
  preparing: z.boolean(),
  discount: z
    .object({
      proposedBy: z.string(),
      comment: z.string().optional(),
      lines: z.array(
        z.object({
          sku: z.string(),
          requested: money,
          floor: money,
          /** Per unit: how far the requested price is below the rep's floor. */
          belowFloorBy: money,
          reason: z.string(),
        }),
      ),
    })
    .nullable(),
});
export type ReviewDeskView = z.infer<typeof reviewDeskSchema>;

/** The review screen's content, every field named; only ever built for seller staff (the route and the policy). */
export const reviewDeskView = (
  desk: ReviewDesk,
  maxRepDiscountPercent: number,
  reader: 'rep' | 'sales-manager' = 'rep',
): ReviewDeskView => {
  const { rfq, quote } = desk;
  const currency = quote?.currency ?? rfq.currency;
  const percentText = basisPointsToPercentText(percentToBasisPoints(maxRepDiscountPercent));
  return {
    rfqId: rfq.rfqId,
    status: rfq.status,
    companyId: rfq.companyId,
    companyName: desk.companyName,
    buyerEmail: rfq.buyerEmail,
    submittedBy: rfq.submittedBy.email,
    accountRepEmail: rfq.accountRepEmail,
    ...(rfq.note !== undefined && { note: rfq.note }),
    ...(rfq.requestedDeliveryDate !== undefined && { requestedDeliveryDate: rfq.requestedDeliveryDate }),
    quoteVersion: quote?.version ?? null,
    currency,
    subtotal: quote?.subtotal ?? null,
    total: quote?.total ?? null,
    validUntil: quote?.validUntil ?? null,
    maxRepDiscountPercent: percentText,
    lines: (quote?.lines ?? []).map((line) => {
      const authority = lineAuthority(line, maxRepDiscountPercent);
      return {
        ...sellerLineView(line),
        ...(authority.repFloor !== undefined && { repFloor: authority.repFloor }),
        authority: authorityAdvice(authority, currency, percentText, reader),
      };
    }),
    open: desk.open ?? null,
    preparing: desk.preparing,
    discount: desk.discount
      ? {
          proposedBy: desk.discount.proposedBy,
          ...(desk.discount.reason !== undefined && { comment: desk.discount.reason }),
          lines: desk.discount.needsManager.map((n) => ({
            sku: n.sku,
            requested: n.requested,
            floor: n.floor,
            belowFloorBy: n.floor - n.requested,
            reason: n.reason,
          })),
        }
      : null,
  };
};
