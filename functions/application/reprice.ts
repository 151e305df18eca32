import { shipToOf } from '#domain/address.ts';
import { dayOf } from '#domain/calendar.ts';
import type { Company } from '#domain/company.ts';
import { priceRequest } from '#domain/pricing.ts';
import { bySkuKey, skuKey } from '#domain/product.ts';
import type { PriceLine } from '#domain/quote-edits.ts';
import type { Quote, Rfq } from '#domain/rfq.ts';
import { type TaxBasis, type TaxSettings, taxBasisOf } from '#domain/tax.ts';
import type { Store } from '#store/ports.ts';

/** What pricing reads: the catalog and contract, as of now. */
export interface PricingDeps {
  store: Pick<Store, 'catalog'>;
  now: () => Date;
}

/**
 * What the RFQ's tax is computed from: the seller's settings, where the goods go — the RFQ's ship-to, else the
 * company's first, else its bill-to, else (a company with no addresses) the seller's own country, a domestic sale — and
 * the company's tax id and exemption. None while the seller has no tax settings.
 */
const taxBasisFor = (
  rfq: Rfq,
  settings: TaxSettings | undefined,
  company: Company | undefined,
): TaxBasis | undefined => {
  if (!settings) return undefined;
  const addresses = company?.addresses;
  const shipTo = addresses && (shipToOf(addresses, rfq.shipToId) ?? addresses.shipTo[0]);
  return taxBasisOf(settings, {
    shipToCountry: shipTo?.country ?? addresses?.billTo.country ?? settings.homeCountry,
    taxId: company?.taxId,
    taxExempt: company?.taxExempt,
  });
};

/** The RFQ's lines priced afresh from today's catalog, contract and tax settings, as quote `version`. */
export const priceRfq = async (deps: PricingDeps, rfq: Rfq, version: number): Promise<Quote> => {
  const [products, contract, settings, company] = await Promise.all([
    deps.store.catalog.getProducts(rfq.lines.map((line) => line.sku)),
    deps.store.catalog.getContract(rfq.companyId),
    deps.store.catalog.getTaxSettings(),
    deps.store.catalog.getCompany(rfq.companyId),
  ]);
  const taxBasis = taxBasisFor(rfq, settings, company);
  const now = deps.now().toISOString();
  return priceRequest({
    lines: rfq.lines,
    products,
    ...(contract && { contract }),
    on: dayOf(now),
    currency: rfq.currency,
    version,
    pricedAt: now,
    ...(taxBasis && { taxBasis }),
  });
};

/**
 * Prices single lines for the RFQ's company as pricing would (today's catalog and contract): what a line added or
 * substituted in a revision costs. Reads the products of `skus` (any case) and the contract once. A sku that cannot be
 * sold (unknown, inactive, another currency) prices to undefined.
 */
export const linePricer = async (
  store: Pick<Store, 'catalog'>,
  rfq: Pick<Rfq, 'companyId' | 'currency'>,
  skus: readonly string[],
  now: Date,
): Promise<PriceLine> => {
  const [products, contract] = await Promise.all([
    skus.length > 0 ? store.catalog.getProducts([...skus]) : new Map(),
    skus.length > 0 ? store.catalog.getContract(rfq.companyId) : undefined,
  ]);
  const at = now.toISOString();
  const catalog = bySkuKey(products.values());
  return (line) => {
    const product = catalog.get(skuKey(line.sku));
    if (!product?.active) return undefined;
    const priced = priceRequest({
      lines: [{ ...line, sku: product.sku }],
      products,
      ...(contract && { contract }),
      on: dayOf(at),
      currency: rfq.currency,
      version: 1,
      pricedAt: at,
    }).lines[0];
    return priced?.unitPrice === null ? undefined : priced;
  };
};

export const companyName = async (deps: Pick<PricingDeps, 'store'>, rfq: Rfq): Promise<string> =>
  (await deps.store.catalog.getCompany(rfq.companyId))?.name ?? rfq.companyId;
