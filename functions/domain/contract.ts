import { z } from 'zod';
import { companyId } from './company.ts';
import { currencyCode, nonNegativeMinorUnits, percent } from './money.ts';
import { sku } from './product.ts';

export const isoDate = z.iso.date();

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
  });

export const contractSchema = z
  .object({
    contractId: z.string().min(1).max(64),
    companyId,
    currency: currencyCode,
    validFrom: isoDate,
    validTo: isoDate,
    discountPercent: percent.default(0),
    prices: z.array(contractPriceSchema).max(10_000),
  })
  .refine((c) => c.validFrom <= c.validTo, { message: 'validTo is before validFrom', path: ['validTo'] });
export type Contract = z.infer<typeof contractSchema>;
export type ContractPrice = Contract['prices'][number];
