import * as z from 'zod';
import { readSentQuote } from '#application/sent-quote.ts';
import { budgetStandingSchema } from '#domain/budget.ts';
import { buyerActions, rfqActionsFor } from '#domain/buyer-actions.ts';
import type { Caller } from '#domain/caller.ts';
import { historyEntryViewSchema, historyView } from '#domain/history-view.ts';
import { rfqStatus } from '#domain/lifecycle.ts';
import { audienceOf } from '#domain/policy.ts';
import { quoteNumber } from '#domain/quote-number.ts';
import { taxOfQuote } from '#domain/quote-totals.ts';
import { lineView, lineViewSchema } from '#domain/quote-view.ts';
import { actorSchema, approvalStepSchema, type Quote, type Rfq, rfqLineRequestSchema } from '#domain/rfq.ts';
import { quoteTaxSchema } from '#domain/tax.ts';
import type { HistoryEvent, Store } from '#store/ports.ts';

const money = z.number().int();

/** A list row: enough to pick an RFQ, without quote lines and history. */
export const rfqSummarySchema = z.object({
  rfqId: z.string(),
  quoteNumber: quoteNumber
    .nullable()
    .describe('What people call the RFQ (Q-2026-00042); null only for RFQs submitted before numbering'),
  status: rfqStatus,
  companyId: z.string(),
  buyerEmail: z.string(),
  accountRepEmail: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  currency: z.string(),
  lineCount: z.number().int(),
  total: money.nullable(),
  version: z.number().int().nullable(),
  validUntil: z.string().nullable(),
  orderId: z.string().nullable(),
});
export type RfqSummary = z.infer<typeof rfqSummarySchema>;

export const rfqViewSchema = rfqSummarySchema.omit({ lineCount: true }).extend({
  submittedBy: actorSchema,
  request: z.object({
    lines: z.array(rfqLineRequestSchema),
    note: z.string().optional(),
    requestedDeliveryDate: z.string().optional(),
    shipTo: z.string().optional(),
    shipToId: z.string().optional(),
  }),
  lines: z.array(lineViewSchema),
  subtotal: money.nullable(),
  discountTotal: money.nullable(),
  taxes: quoteTaxSchema.shape.taxes.describe('The quote’s tax per label and rate; empty before there is a quote'),
  taxTotal: money.nullable().describe('The quote’s tax; null before there is a quote'),
  grandTotal: money
    .nullable()
    .describe(
      '`total + taxTotal`, what the buyer pays (rules and budgets compare the net `total`); null before a quote',
    ),
  taxNote: quoteTaxSchema.shape.taxNote,
  unpricedLines: z.number().int().nullable(),
  poNumber: z.string().nullable(),
  approvals: z.array(approvalStepSchema),
  actions: z
    .array(z.enum(buyerActions))
    .describe(
      'What the caller may do to the RFQ now (POST /rfqs/{rfqId}/accept, /revise, /decline, /cancel): the buttons to show',
    ),
  open: z.boolean().describe('false once nothing more can happen to the RFQ (ordered, rejected, declined, expired, …)'),
  history: z.array(historyEntryViewSchema),
  budget: z
    .array(budgetStandingSchema)
    .optional()
    .describe(
      'For the buyer company’s people only: each budget limiting the RFQ’s buyer, in the period an order placed now falls in',
    ),
});
export type RfqView = z.infer<typeof rfqViewSchema>;

const taxFields = (quote: Quote | undefined): Pick<RfqView, 'taxes' | 'taxTotal' | 'grandTotal' | 'taxNote'> => {
  if (!quote) return { taxes: [], taxTotal: null, grandTotal: null };
  const tax = taxOfQuote(quote);
  return {
    taxes: tax.taxes,
    taxTotal: tax.taxTotal,
    grandTotal: tax.grandTotal,
    ...(tax.taxNote !== undefined && { taxNote: tax.taxNote }),
  };
};

/**
 * An RFQ as the API shows it to one caller: the request, the current quote flattened to the top (lines with
 * unitPrice, lineTotal and priceSource; subtotal, total, currency, validUntil, and `version` = the quote version),
 * approvals, order and history — every field named here, per audience (policy.audienceOf). `quote` is the one this
 * caller may read (`shownQuote`): the seller's working version, or for the buyer side the last one sent.
 */
export const rfqView = (rfq: Rfq, caller: Caller, quote: Quote | undefined, history: HistoryEvent[]): RfqView => {
  const audience = audienceOf(caller);
  return {
    rfqId: rfq.rfqId,
    quoteNumber: rfq.quoteNumber ?? null,
    status: rfq.status,
    companyId: rfq.companyId,
    buyerEmail: rfq.buyerEmail,
    accountRepEmail: rfq.accountRepEmail,
    submittedBy: rfq.submittedBy,
    createdAt: rfq.createdAt,
    updatedAt: rfq.updatedAt,
    request: {
      lines: rfq.lines,
      ...(rfq.note !== undefined && { note: rfq.note }),
      ...(rfq.requestedDeliveryDate !== undefined && { requestedDeliveryDate: rfq.requestedDeliveryDate }),
      ...(rfq.shipTo !== undefined && { shipTo: rfq.shipTo }),
      ...(rfq.shipToId !== undefined && { shipToId: rfq.shipToId }),
    },
    currency: quote?.currency ?? rfq.currency,
    version: quote?.version ?? null,
    lines: quote ? quote.lines.map((l) => lineView(l, audience)) : [],
    subtotal: quote?.subtotal ?? null,
    discountTotal: quote?.discountTotal ?? null,
    total: quote?.total ?? null,
    ...taxFields(quote),
    unpricedLines: quote?.unpricedLines ?? null,
    validUntil: quote?.validUntil ?? null,
    poNumber: rfq.poNumber ?? null,
    approvals: rfq.approvals,
    orderId: rfq.orderId ?? null,
    ...rfqActionsFor(caller, rfq),
    history: historyView(history, audience),
  };
};

/** The quote a caller may read: seller staff the version being worked on, the buyer side what the seller sent. */
export const shownQuote = async (store: Pick<Store, 'rfqs'>, rfq: Rfq, caller: Caller): Promise<Quote | undefined> =>
  audienceOf(caller) === 'seller' ? rfq.quote : readSentQuote(store, rfq);

/** The RFQ with its history, as `caller` may read it. */
export const readRfqView = async (store: Pick<Store, 'rfqs'>, rfq: Rfq, caller: Caller): Promise<RfqView> => {
  const [quote, history] = await Promise.all([shownQuote(store, rfq, caller), store.rfqs.history(rfq.rfqId)]);
  return rfqView(rfq, caller, quote, history);
};

/** A list row; `quote` as for rfqView. */
export const rfqSummary = (rfq: Rfq, quote: Quote | undefined): RfqSummary => ({
  rfqId: rfq.rfqId,
  quoteNumber: rfq.quoteNumber ?? null,
  status: rfq.status,
  companyId: rfq.companyId,
  buyerEmail: rfq.buyerEmail,
  accountRepEmail: rfq.accountRepEmail,
  createdAt: rfq.createdAt,
  updatedAt: rfq.updatedAt,
  currency: quote?.currency ?? rfq.currency,
  lineCount: rfq.lines.length,
  total: quote?.total ?? null,
  version: quote?.version ?? null,
  validUntil: quote?.validUntil ?? null,
  orderId: rfq.orderId ?? null,
});
