import * as z from 'zod';
import type { Company } from '#domain/company.ts';

/**
 * A company as the seller's staff pick it: to edit its contract and rules, or to submit an RFQ for one of its buyers.
 * Its buyers by name; its approvers, admins and their roles stay on the company's own page.
 */
export const companyListItemSchema = z.object({
  companyId: z.string(),
  name: z.string(),
  currency: z.string(),
  accountRepEmail: z.string(),
  buyers: z.array(z.object({ email: z.string(), name: z.string() })),
});

export const companyListItem = (company: Company): z.infer<typeof companyListItemSchema> => ({
  companyId: company.companyId,
  name: company.name,
  currency: company.currency,
  accountRepEmail: company.accountRepEmail,
  buyers: company.users.filter((u) => u.roles.includes('buyer')).map((u) => ({ email: u.email, name: u.name })),
});
