import * as z from 'zod';
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
});
export type Company = z.infer<typeof companySchema>;
