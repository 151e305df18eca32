import type * as z from 'zod';

/**
 * A list refinement: each item's key (`keyOf`) appears once; a repeat is named at its index (and `field`, when the key
 * is one field) as "<key> is listed twice".
 */
export const listedOnce =
  <T>(keyOf: (item: T) => string, field?: string) =>
  (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const key = keyOf(item);
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: field === undefined ? [index] : [index, field],
          message: `${key} is listed twice`,
        });
      seen.add(key);
    });
  };
