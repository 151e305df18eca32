import * as z from 'zod';
import { companyId } from './company.ts';
import { currencyCode, nonNegativeMinorUnits, percent } from './money.ts';
import { sku, skuKey } from './product.ts';
import { singleLine } from './text.ts';

export const isoDate = z.iso.date();

/**
 * Tiers are volume discounts: ordering more may never raise the unit price, or a buyer would be better off splitting
 * the order. Checked when the contract is stored, so pricing can trust "highest tier reached" to be the best price.
 */
const buyingMoreNeverCostsMore = (
  unitPrice: number | undefined,
  tiers: readonly { minQty: number; unitPrice: number }[],
): boolean => {
  const ascending = [...tiers].sort((a, b) => a.minQty - b.minQty);
  return ascending.every(
    (tier, i) =>
      (unitPrice === undefined || tier.unitPrice <= unitPrice) &&
      (i === 0 || tier.unitPrice <= (ascending[i - 1]?.unitPrice ?? tier.unitPrice)),
  );
};

export const priceTierSchema = z.object({
  minQty: z.number().int().min(1),
  unitPrice: nonNegativeMinorUnits,
});

export const contractPriceSchema = z
  .object({
    sku,
    unitPrice: nonNegativeMinorUnits.optional(),
    tiers: z.array(priceTierSchema).min(1).max(50).optional(),
  })
  .refine((p) => p.unitPrice !== undefined || p.tiers !== undefined, {
    message: 'give unitPrice, tiers or both',
  })
  .refine((p) => !p.tiers || new Set(p.tiers.map((t) => t.minQty)).size === p.tiers.length, {
    message: 'tier minQty values must be distinct',
    path: ['tiers'],
  })
  .refine((p) => buyingMoreNeverCostsMore(p.unitPrice, p.tiers ?? []), {
    message: 'a larger quantity must never get a higher unit price (tiers non-increasing, none above unitPrice)',
    path: ['tiers'],
  });

export const contractSchema = z
  .object({
    contractId: singleLine(64),
    companyId,
    currency: currencyCode,
    validFrom: isoDate,
    validTo: isoDate,
    discountPercent: percent.default(0),
    prices: z.array(contractPriceSchema).max(10_000),
  })
  .refine((c) => c.validFrom <= c.validTo, { message: 'validTo is before validFrom', path: ['validTo'] })
  .superRefine((c, ctx) => {
    // One price per product: a second listing (in any case) would silently replace the first.
    const first = new Map<string, number>();
    c.prices.forEach((price, index) => {
      const earlier = first.get(skuKey(price.sku));
      if (earlier === undefined) first.set(skuKey(price.sku), index);
      else
        ctx.addIssue({
          code: 'custom',
          message: `${price.sku} is priced already (prices.${earlier}); list each sku once`,
          path: ['prices', index, 'sku'],
        });
    });
  });
export type Contract = z.infer<typeof contractSchema>;
export type ContractPrice = Contract['prices'][number];

/** A contract prices a day from validFrom to validTo, both included. */
export const isInEffect = (contract: Pick<Contract, 'validFrom' | 'validTo'>, on: string): boolean =>
  contract.validFrom <= on && on <= contract.validTo;
