import { announce } from '#application/announce.ts';
import { taxOfQuote } from '#domain/quote-totals.ts';
import type { Rfq } from '#domain/rfq.ts';
import type { StepDeps } from './deps.ts';
import { hasMark, mark } from './marks.ts';

/**
 * The lifecycle events a CRM or ERP subscribes to (source `quote-to-order`; schema in docs/events.md), each published
 * by the step that makes it true, once per key: a retried step finds the mark and does not publish again, and a
 * crash between publishing and marking repeats it once — consumers dedupe by `eventKey`. `order.created` has its own
 * detail (convert-to-order.ts).
 */
export const lifecycleEvents = [
  'quote.sent',
  'quote.accepted',
  'quote.declined',
  'rfq.rejected',
  'rfq.expired',
  'rfq.failed',
] as const;
export type LifecycleEvent = (typeof lifecycleEvents)[number];

/** What every lifecycle event says about its RFQ: ids, who, where it stands, and the quote it concerns. */
export const lifecycleDetail = (rfq: Rfq, eventKey: string, extra: Record<string, unknown> = {}) => ({
  eventKey,
  rfqId: rfq.rfqId,
  companyId: rfq.companyId,
  buyerEmail: rfq.buyerEmail,
  status: rfq.status,
  ...(rfq.quote && {
    quoteVersion: rfq.quote.version,
    currency: rfq.quote.currency,
    total: rfq.quote.total,
    taxTotal: taxOfQuote(rfq.quote).taxTotal,
    grandTotal: taxOfQuote(rfq.quote).grandTotal,
    ...(rfq.quote.validUntil && { validUntil: rfq.quote.validUntil }),
  }),
  ...extra,
});

/** Publishes `type` for this RFQ once per `qualifier` (the quote version, say), then marks it in the history. */
export const publishOnce = async (
  deps: StepDeps,
  rfq: Rfq,
  type: LifecycleEvent,
  qualifier: string,
  extra: Record<string, unknown> = {},
): Promise<void> => {
  const key = `event:${type}:${qualifier}`;
  if (await hasMark(deps, rfq.rfqId, key)) return;
  await announce(deps, { id: `${rfq.rfqId}/${key}`, type, subject: rfq.rfqId, data: lifecycleDetail(rfq, key, extra) });
  await mark(deps, rfq.rfqId, 'event-published', { key, detailType: type });
};
