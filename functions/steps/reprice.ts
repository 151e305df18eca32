import { dayOf } from '#domain/calendar.ts';
import { priceRequest } from '#domain/pricing.ts';
import type { Quote, Rfq } from '#domain/rfq.ts';
import type { StepDeps } from './deps.ts';

/** The RFQ's lines priced afresh from today's catalog and contract, as quote `version`. */
export const priceRfq = async (deps: StepDeps, rfq: Rfq, version: number): Promise<Quote> => {
  const [products, contract] = await Promise.all([
    deps.store.catalog.getProducts([...new Set(rfq.lines.map((line) => line.sku))]),
    deps.store.catalog.getContract(rfq.companyId),
  ]);
  const now = deps.now().toISOString();
  return priceRequest({
    lines: rfq.lines,
    products,
    ...(contract && { contract }),
    on: dayOf(now),
    currency: rfq.currency,
    version,
    pricedAt: now,
  });
};

export const companyName = async (deps: StepDeps, rfq: Rfq): Promise<string> =>
  (await deps.store.catalog.getCompany(rfq.companyId))?.name ?? rfq.companyId;
