import * as z from 'zod';
import type { Caller } from '#domain/caller.ts';
import type { Company } from '#domain/company.ts';
import { appSections, audienceOf, sectionsOf } from '#domain/policy.ts';

/** What GET /me answers: who the caller is to the app and what they may open, as the policy says. */
export const meSchema = z.object({
  email: z.string(),
  audience: z
    .enum(['seller', 'buyer'])
    .describe('Whose side the caller is on: the seller’s staff see seller-only fields and may write seller notes'),
  companyId: z.string().optional().describe('The buyer company the caller belongs to; none for seller staff'),
  companyName: z.string().optional(),
  sections: z
    .array(z.enum(appSections))
    .describe('The parts of the app the caller may open, in the order of their menu; the first is where they start'),
});
export type MeView = z.infer<typeof meSchema>;

export const meView = (caller: Caller, company: Pick<Company, 'name'> | undefined): MeView => ({
  email: caller.email,
  audience: audienceOf(caller),
  ...(caller.companyId !== undefined && { companyId: caller.companyId }),
  ...(company && { companyName: company.name }),
  sections: sectionsOf(caller),
});
