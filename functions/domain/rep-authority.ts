import { basisPointsToPercentText, divideCeiling, divideHalfUp, lineTotal, percentToBasisPoints } from './money.ts';
import { formatMoney } from './money-format.ts';
import { quoteTotals } from './quote-totals.ts';
import type { Actor, Quote, QuoteLine } from './rfq.ts';

export interface Adjustment {
  sku: string;
  unitPrice: number;
}

export interface AuthorityLimits {
  /** How far below the contract price (or list price, without one) a rep may go on their own, e.g. 10. */
  maxRepDiscountPercent: number;
  /** Who adjusts. A sales manager or admin is the authority a rep escalates to, so their own prices need no approval. */
  actor: Actor;
}

/** A line priced deeper than the rep may go alone: the sales manager must approve it before the quote goes out. */
export interface ManagerApprovalNeeded {
  sku: string;
  requested: number;
  /** The lowest unit price within the rep's authority. */
  floor: number;
  reason: string;
}

export interface AdjustmentError {
  sku: string;
  message: string;
}

/** A price under the line's cost: refused outright, whoever asks. */
export interface BelowCost {
  sku: string;
  requested: number;
  cost: number;
}

export type AdjustmentResult =
  | { ok: true; quote: Quote; needsManager: ManagerApprovalNeeded[] }
  | { ok: false; errors: AdjustmentError[]; belowCost: BelowCost[] };

const unlimitedAuthority: ReadonlySet<Actor['role']> = new Set(['sales-manager', 'admin']);

/** The price a rep's authority is measured from: the contract's, else the list's; none for a line nobody priced. */
export const referenceOf = (
  line: Pick<QuoteLine, 'contractPrice' | 'listPrice'>,
): { price: number; basis: 'contract' | 'list' } | undefined => {
  if (line.contractPrice !== null) return { price: line.contractPrice, basis: 'contract' };
  if (line.listPrice !== null) return { price: line.listPrice, basis: 'list' };
  return undefined;
};

/**
 * The lowest unit price a rep may give a line alone: `maxRepDiscountPercent` off its reference price, rounded up to
 * the smallest whole minor unit within authority (within iff price ≥ reference × (1 − max)). Undefined for a line with
 * nothing to measure against. The one computation the rule below and the review page's advice both use.
 */
export const repFloor = (
  line: Pick<QuoteLine, 'contractPrice' | 'listPrice'>,
  maxRepDiscountPercent: number,
): number | undefined => {
  const reference = referenceOf(line);
  if (!reference) return undefined;
  const keep = 10_000n - BigInt(percentToBasisPoints(maxRepDiscountPercent));
  return Number(divideCeiling(BigInt(reference.price) * keep, 10_000n));
};

/** "−7.5% off contract", "+2% over list", "at contract": a price against the price it replaced. */
const changeFrom = (requested: number, reference: { price: number; basis: 'contract' | 'list' }): string => {
  if (reference.price === 0 || requested === reference.price) return `at ${reference.basis}`;
  const change = divideHalfUp(BigInt(reference.price - requested) * 10_000n, BigInt(reference.price));
  const text = basisPointsToPercentText(Number(change < 0n ? -change : change));
  return change > 0n ? `−${text}% off ${reference.basis}` : `+${text}% over ${reference.basis}`;
};

/** Whether `unitPrice × quantity` still fits money's safe integer range (a typo of thirteen nines must not crash). */
const fitsLineTotal = (unitPrice: number, quantity: number): boolean =>
  BigInt(unitPrice) * BigInt(quantity) <= BigInt(Number.MAX_SAFE_INTEGER);

const validate = (quote: Quote, adjustments: readonly Adjustment[]) => {
  const costs = new Map(quote.lines.map((line) => [line.sku, line.cost]));
  const quantities = new Map(quote.lines.map((line) => [line.sku, line.quantity]));
  const seen = new Set<string>();
  const errors: AdjustmentError[] = [];
  const belowCost: BelowCost[] = [];
  for (const { sku, unitPrice } of adjustments) {
    const cost = costs.get(sku);
    if (!costs.has(sku)) errors.push({ sku, message: `${sku} is not on this quote` });
    else if (seen.has(sku)) errors.push({ sku, message: `${sku} is adjusted more than once` });
    else if (!Number.isSafeInteger(unitPrice) || unitPrice < 0) {
      errors.push({ sku, message: 'a unit price is a non-negative whole number of minor units' });
    } else if (!fitsLineTotal(unitPrice, quantities.get(sku) ?? 1)) {
      errors.push({ sku, message: `${unitPrice} × ${quantities.get(sku)} is too large a line total` });
    } else if (cost !== undefined && unitPrice < cost) {
      const [asked, lowest] = [formatMoney(unitPrice, quote.currency), formatMoney(cost, quote.currency)];
      errors.push({ sku, message: `${asked} is below cost; no one may sell below ${lowest}` });
      belowCost.push({ sku, requested: unitPrice, cost });
    }
    seen.add(sku);
  }
  return { errors, belowCost };
};

/**
 * A rep's (or sales manager's) price changes, applied to a quote. A rep may go down to `maxRepDiscountPercent` off the
 * contract price (off the list price for a line without one); deeper needs the sales manager, and those lines are
 * listed in `needsManager`. Below cost is never allowed, for anyone: that, an unknown sku or a malformed price makes
 * the whole result an error, and nothing is applied. A rep may also price a line the catalog could not.
 * Changed prices make a new quote version (links bound to the old one must die). An adjustment to the price a line
 * already has changes nothing, so a form that posts every price back leaves the quote, and its version, as they were.
 */
export const applyAdjustments = (
  quote: Quote,
  adjustments: readonly Adjustment[],
  limits: AuthorityLimits,
): AdjustmentResult => {
  const refused = validate(quote, adjustments);
  if (refused.errors.length > 0) return { ok: false, ...refused };

  const maxDiscount = BigInt(percentToBasisPoints(limits.maxRepDiscountPercent));
  const byManager = unlimitedAuthority.has(limits.actor.role);
  const requested = new Map(adjustments.map((a) => [a.sku, a.unitPrice]));
  const needsManager = new Map<string, ManagerApprovalNeeded>();

  const lines = quote.lines.map((line): QuoteLine => {
    const unitPrice = requested.get(line.sku);
    if (unitPrice === undefined || unitPrice === line.unitPrice) return line;
    const reference = referenceOf(line);
    const floor = repFloor(line, limits.maxRepDiscountPercent);
    if (reference && floor !== undefined && !byManager) {
      if (unitPrice < floor && !needsManager.has(line.sku)) {
        needsManager.set(line.sku, {
          sku: line.sku,
          requested: unitPrice,
          floor,
          reason: `${changeFrom(unitPrice, reference)} exceeds the rep's ${basisPointsToPercentText(Number(maxDiscount))}% authority`,
        });
      }
    }
    const { unpriced: _, ...rest } = line;
    return {
      ...rest,
      unitPrice,
      lineTotal: lineTotal(unitPrice, line.quantity),
      priceSource: reference ? `rep override (${changeFrom(unitPrice, reference)})` : 'rep price',
      adjustedBy: limits.actor.email,
    };
  });

  if (lines.every((line, i) => line === quote.lines[i])) return { ok: true, quote, needsManager: [] };
  const sum = lines.reduce((total, line) => total + BigInt(line.lineTotal ?? 0), 0n);
  if (sum > BigInt(Number.MAX_SAFE_INTEGER)) {
    const sku = adjustments[0]?.sku ?? '';
    return { ok: false, errors: [{ sku, message: 'the quote total would be too large' }], belowCost: [] };
  }
  return {
    ok: true,
    quote: { ...quote, version: quote.version + 1, lines, ...quoteTotals(lines, quote.taxBasis) },
    needsManager: [...needsManager.values()],
  };
};

/** A quote can be sent only when every line has a price. */
export const quoteIsComplete = (quote: Quote): boolean =>
  quote.unpricedLines === 0 && quote.lines.every((line) => line.unitPrice !== null);
