import type { Caller } from '#domain/caller.ts';
import type { QuoteLine, Rfq } from '#domain/rfq.ts';
import type { HistoryEvent } from '#store/ports.ts';

/** Cost is the seller's secret: only seller staff see it on a quote line. */
const seesCost = (caller: Caller | undefined): boolean =>
  caller?.groups.some((g) => g === 'rep' || g === 'sales-manager' || g === 'admin') ?? false;

const line = (quoteLine: QuoteLine, withCost: boolean) => {
  const { cost, ...rest } = quoteLine;
  return withCost && cost !== undefined ? { ...rest, cost } : rest;
};

/**
 * An RFQ as the API shows it: the request, the current quote flattened to the top (lines with unitPrice, lineTotal and
 * priceSource; subtotal, total, currency, validUntil, and `version` = the quote version), approvals, order and history.
 */
export const rfqView = (rfq: Rfq, caller: Caller | undefined, history?: HistoryEvent[]) => {
  const withCost = seesCost(caller);
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
    },
    currency: quote?.currency ?? rfq.currency,
    version: quote?.version ?? null,
    lines: quote ? quote.lines.map((l) => line(l, withCost)) : [],
    subtotal: quote?.subtotal ?? null,
    discountTotal: quote?.discountTotal ?? null,
    total: quote?.total ?? null,
    unpricedLines: quote?.unpricedLines ?? null,
    validUntil: quote?.validUntil ?? null,
    poNumber: rfq.poNumber ?? null,
    approvals: rfq.approvals,
    orderId: rfq.orderId ?? null,
    ...(history && {
      history: history.map(({ seq, at, actor, action, from, to, detail }) => ({
        seq,
        at,
        actor,
        action,
        from,
        to,
        detail,
      })),
    }),
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
