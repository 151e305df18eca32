import type { Caller } from '#domain/caller.ts';
import { historyView } from '#domain/history-view.ts';
import { audienceOf } from '#domain/policy.ts';
import { lineView } from '#domain/quote-view.ts';
import type { Rfq } from '#domain/rfq.ts';
import type { HistoryEvent } from '#store/ports.ts';

/**
 * An RFQ as the API shows it to one caller: the request, the current quote flattened to the top (lines with
 * unitPrice, lineTotal and priceSource; subtotal, total, currency, validUntil, and `version` = the quote version),
 * approvals, order and history — every field named here, per audience (policy.audienceOf).
 */
export const rfqView = (rfq: Rfq, caller: Caller, history?: HistoryEvent[]) => {
  const audience = audienceOf(caller);
  const quote = rfq.quote;
  return {
    rfqId: rfq.rfqId,
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
    },
    currency: quote?.currency ?? rfq.currency,
    version: quote?.version ?? null,
    lines: quote ? quote.lines.map((l) => lineView(l, audience)) : [],
    subtotal: quote?.subtotal ?? null,
    discountTotal: quote?.discountTotal ?? null,
    total: quote?.total ?? null,
    unpricedLines: quote?.unpricedLines ?? null,
    validUntil: quote?.validUntil ?? null,
    poNumber: rfq.poNumber ?? null,
    approvals: rfq.approvals,
    orderId: rfq.orderId ?? null,
    ...(history && { history: historyView(history, audience) }),
  };
};

/** A list row: enough to pick an RFQ, without quote lines and history. */
export const rfqSummary = (rfq: Rfq) => ({
  rfqId: rfq.rfqId,
  status: rfq.status,
  companyId: rfq.companyId,
  buyerEmail: rfq.buyerEmail,
  accountRepEmail: rfq.accountRepEmail,
  createdAt: rfq.createdAt,
  updatedAt: rfq.updatedAt,
  currency: rfq.quote?.currency ?? rfq.currency,
  lineCount: rfq.lines.length,
  total: rfq.quote?.total ?? null,
  version: rfq.quote?.version ?? null,
  validUntil: rfq.quote?.validUntil ?? null,
  orderId: rfq.orderId ?? null,
});
