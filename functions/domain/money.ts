import { z } from 'zod';

/** Integer minor units (cents for USD/EUR). Never a float. */
export const minorUnits = z.number().int().safe();
export const nonNegativeMinorUnits = minorUnits.min(0);

export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD');

/** A percentage with at most two decimals (5, 2.5, 12.25), held as basis points inside the domain. */
export const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => Number.isInteger(Math.round(p * 100)) && Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, {
    message: 'at most two decimals',
  });
