import type { Company } from '#domain/company.ts';
import type { PeopleDeps } from './company-people.ts';

/**
 * The company's people whose invitation is still open — invited, never signed in — in the company's order: the only
 * ones an invitation can be sent to again (resend-invitation.ts refuses the rest), so the company screen offers it
 * to them alone.
 */
export const openInvitations = async (deps: Pick<PeopleDeps, 'accounts'>, company: Company): Promise<string[]> => {
  const open = await deps.accounts.openInvitations(company.users.map((u) => u.email.toLowerCase()));
  return company.users.map((u) => u.email).filter((email) => open.has(email.toLowerCase()));
};
