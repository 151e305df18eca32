import type { Company } from '#domain/company.ts';
import { NoInvitationToResend } from '#functions/accounts/ports.ts';
import type { PeopleDeps } from './company-people.ts';

/**
 * Sends one of the company's people their invitation again (it expired after three days unused, or the mail was
 * lost): only to an account that is the company's and may sign in — a person whose account is still pending (the pool
 * failed) is invited by saving the list again, and one who has signed in resets a forgotten password instead
 * (NoInvitationToResend, 409).
 */
export const resendInvitation = async (
  deps: Pick<PeopleDeps, 'accounts'>,
  company: Company,
  email: string,
): Promise<void> => {
  const account = (await deps.accounts.find([email])).get(email);
  if (account?.companyId !== company.companyId || !account.enabled) throw new NoInvitationToResend(email, 'no-account');
  await deps.accounts.resendInvitation(email);
};
