import * as z from 'zod';
import { companyAddressesSchema } from './address.ts';
import { currencyCode } from './money.ts';
import { singleLine } from './text.ts';

export const roles = ['buyer', 'approver', 'rep', 'sales-manager', 'admin'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const companyId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and - (2–63)');
export const email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

/**
 * Letters, digits and . _ / -, at most 15: safe in every document format (an X12 element has no escape for its
 * separators) and as long as an X12 interchange's sender id may be.
 */
export const erpCustomerNumber = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{1,14}$/, 'letters, digits and . _ / - (2–15), e.g. C-100234');

export const companyUserSchema = z.object({
  email,
  name: singleLine(200),
  roles: z.array(z.enum(['buyer', 'approver', 'admin'])).min(1),
});
export type CompanyUser = z.infer<typeof companyUserSchema>;

export const companySchema = z.object({
  companyId,
  name: singleLine(200),
  accountRepEmail: email,
  paymentTerms: z.string().regex(/^[A-Z0-9_]{2,20}$/, 'e.g. NET30'),
  currency: currencyCode,
  users: z.array(companyUserSchema).max(500),
  /** The company's number in the seller's ERP: how an order document names the customer to the ERP that books it. */
  erpCustomerNumber: erpCustomerNumber.optional(),
  addresses: companyAddressesSchema.optional(),
  /** Its VAT or tax id as issued (`SE556677889901`): an EU id of another member state than the seller's reverse-charges. */
  taxId: singleLine(30).optional(),
  /** Exempt from tax, under this certificate or ruling: its quotes carry no tax and say why. */
  taxExempt: z.strictObject({ reference: singleLine(120) }).optional(),
});
export type Company = z.infer<typeof companySchema>;

/** A value as JSON with every object's keys in one order: two records equal in content read the same. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/** The fields of `next` that differ from the stored record (all of them when there is none), by name. */
export const changedFields = (stored: Company | undefined, next: Company): (keyof Company)[] => {
  const names = new Set([...Object.keys(stored ?? {}), ...Object.keys(next)]) as Set<keyof Company>;
  return [...names].filter((name) => !stored || canonical(stored[name]) !== canonical(next[name]));
};
