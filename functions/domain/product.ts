import * as z from 'zod';
import { currencyCode, nonNegativeMinorUnits } from './money.ts';

export const sku = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, . _ - (1–64)');

export const productSchema = z.object({
  sku,
  name: z.string().min(1).max(200),
  unit: z.string().min(1).max(20),
  listPrice: nonNegativeMinorUnits,
  currency: currencyCode,
  cost: nonNegativeMinorUnits.optional(),
  category: z.string().min(1).max(100).optional(),
  active: z.boolean(),
});
export type Product = z.infer<typeof productSchema>;
