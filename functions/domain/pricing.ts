import { addDays } from './calendar.ts';
import { type Contract, type ContractPrice, isInEffect } from './contract.ts';
import { applyDiscount, basisPointsToPercentText, lineTotal, percentToBasisPoints } from './money.ts';
import { tierReached } from './price-at-quantity.ts';
import { bySkuKey, listPriceIn, type Product, skuKey, unitCodeOfProduct } from './product.ts';
import { quoteTotals } from './quote-totals.ts';
import type { Quote, QuoteLine, RfqRequest } from './rfq.ts';
import type { TaxBasis } from './tax.ts';

type RequestLine = RfqRequest['lines'][number];

export interface PriceRequest {
  /** Lines without a `lineId` get `L1`, `L2` ... by position (a first quote); a re-priced quote keeps its ids. */
  lines: readonly (RequestLine & { lineId?: string })[];
  /** The catalog entries of the requested skus; a missing sku is an unknown one. */
  products: ReadonlyMap<string, Product>;
  /** The company's contract, if it has one; it applies only on the days it is in effect. */
  contract?: Contract;
  /** The pricing day, `YYYY-MM-DD`: decides whether the contract is in effect. */
  on: string;
  /** The buyer company's currency: the quote's currency. */
  currency: string;
  version: number;
  pricedAt: string;
  /** When given, the quote is valid until `on` + this many days. */
  validityDays?: number;
  /** What the quote's tax is computed from; without it the quote carries no tax. */
  taxBasis?: TaxBasis;
}

export const needsRepPricing = 'needs rep pricing';
export type UnpricedReason = 'unknown sku' | 'inactive product' | 'currency mismatch' | 'custom item';

interface Price {
  unitPrice: number;
  contractPrice: number | null;
  priceSource: string;
}

/** What the contract says a line costs, or the list price (in the quote's currency) when it says nothing about it. */
const contractOrListPrice = (
  listPrice: number,
  quantity: number,
  contract: Contract | undefined,
  entry?: ContractPrice,
): Price => {
  if (!contract) return { unitPrice: listPrice, contractPrice: null, priceSource: 'list price' };
  const tier = tierReached(entry?.tiers, quantity);
  if (tier)
    return { unitPrice: tier.unitPrice, contractPrice: tier.unitPrice, priceSource: `contract tier ≥ ${tier.minQty}` };
  if (entry?.unitPrice !== undefined) {
    return { unitPrice: entry.unitPrice, contractPrice: entry.unitPrice, priceSource: 'contract price' };
  }
  const discount = percentToBasisPoints(contract.discountPercent);
  if (discount === 0) return { unitPrice: listPrice, contractPrice: null, priceSource: 'list price' };
  const discounted = applyDiscount(listPrice, discount);
  return {
    unitPrice: discounted,
    contractPrice: discounted,
    priceSource: `list − ${basisPointsToPercentText(discount)}% contract`,
  };
};

const unpricedLine = (
  request: PriceRequest['lines'][number],
  lineId: string,
  product: Product | undefined,
  reason: UnpricedReason,
  currency: string,
): QuoteLine => ({
  lineId,
  sku: request.sku,
  name: reason === 'custom item' ? (request.description ?? request.sku) : (product?.name ?? request.sku),
  quantity: request.quantity,
  unit: product?.unit ?? '',
  ...(product && unitCodeOfProduct(product)),
  ...(product?.category !== undefined && { category: product.category }),
  // A price in another currency is no reference at all; an inactive product's list price still informs the rep.
  listPrice: (reason === 'inactive product' && product ? listPriceIn(product, currency) : undefined) ?? null,
  contractPrice: null,
  unitPrice: null,
  lineTotal: null,
  priceSource: needsRepPricing,
  ...(reason === 'inactive product' &&
    product?.cost !== undefined &&
    product.currency === currency && { cost: product.cost }),
  ...(product?.taxClass !== undefined && { taxClass: product.taxClass }),
  ...(request.targetUnitPrice !== undefined && { targetUnitPrice: request.targetUnitPrice }),
  unpriced: reason,
  ...(reason === 'custom item' && { custom: true as const }),
});

/**
 * Turns a request into a priced quote, line by line (one Map lookup each, so 1,000 lines price in a blink):
 * the contract's highest tier reached, else the contract's unit price for the sku, else list price less the contract's
 * blanket discount; outside the contract's dates, or without one, list price — in the quote's currency (the product's
 * own or one of its `listPrices`). A line that cannot be priced — unknown or inactive sku, no price in the quote's
 * currency — is flagged for the rep with a null price, never priced at zero.
 */
export const priceRequest = (request: PriceRequest): Quote => {
  const contract = request.contract && isInEffect(request.contract, request.on) ? request.contract : undefined;
  const contractCurrencyDiffers = contract !== undefined && contract.currency !== request.currency;
  // A sku names one product whatever its case: a line, a product and a contract price meet by sku key.
  const contractPrices = new Map((contract?.prices ?? []).map((entry) => [skuKey(entry.sku), entry]));
  const products = bySkuKey(request.products.values());

  const lines = request.lines.map((line, index): QuoteLine => {
    const lineId = line.lineId ?? `L${index + 1}`;
    const product = products.get(skuKey(line.sku));
    // A described line the catalog cannot price is the buyer's custom item: flagged for the rep, never refused here.
    const unpriced = (reason: UnpricedReason, of?: Product) => unpricedLine(line, lineId, of, reason, request.currency);
    if (line.description !== undefined && !product?.active) return unpriced('custom item');
    if (!product) return unpriced('unknown sku');
    if (!product.active) return unpriced('inactive product', product);
    const listPrice = listPriceIn(product, request.currency);
    if (listPrice === undefined || contractCurrencyDiffers) return unpriced('currency mismatch', product);
    const price = contractOrListPrice(listPrice, line.quantity, contract, contractPrices.get(skuKey(line.sku)));
    return {
      lineId,
      sku: line.sku,
      name: product.name,
      quantity: line.quantity,
      unit: product.unit,
      ...unitCodeOfProduct(product),
      ...(product.category !== undefined && { category: product.category }),
      listPrice,
      contractPrice: price.contractPrice,
      unitPrice: price.unitPrice,
      lineTotal: lineTotal(price.unitPrice, line.quantity),
      priceSource: price.priceSource,
      // The cost is in the product's own currency: a line priced in another carries none rather than a wrong margin.
      ...(product.cost !== undefined && product.currency === request.currency && { cost: product.cost }),
      ...(product.taxClass !== undefined && { taxClass: product.taxClass }),
      ...(line.targetUnitPrice !== undefined && { targetUnitPrice: line.targetUnitPrice }),
    };
  });

  return {
    version: request.version,
    currency: request.currency,
    lines,
    ...quoteTotals(lines, request.taxBasis),
    pricedAt: request.pricedAt,
    ...(request.validityDays !== undefined && { validUntil: addDays(request.on, request.validityDays) }),
    ...(contract && { contractId: contract.contractId }),
    ...(request.taxBasis && { taxBasis: request.taxBasis }),
  };
};
