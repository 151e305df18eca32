import type { Company } from '#domain/company.ts';
import type { SignInAccounts } from '#functions/accounts/ports.ts';
import type { Store } from '#store/ports.ts';

/**
 * The company's people whose invitation is still open — invited, never signed in — in the company's order: the only
 * ones an invitation can be sent to again (resend-invitation.ts refuses the rest), so the company screen offers it
 * to them alone. Whoever signed in never has an invitation open again, so the pool is asked only about the people not
 * yet known to have signed in, and what it says of them is kept: a company's list costs a lookup per newcomer, not
 * one per person.
 */
export const openInvitations = async (
  deps: { accounts: Pick<SignInAccounts, 'openInvitations'>; store: Pick<Store, 'signIns'> },
  company: Company,
): Promise<string[]> => {
  const people = company.users.map((u) => u.email.toLowerCase());
  const known = await deps.store.signIns.signedIn(people);
  const { open, signedIn } = await deps.accounts.openInvitations(people.filter((email) => !known.has(email)));
  if (signedIn.size > 0) await deps.store.signIns.record([...signedIn]);
  return company.users.map((u) => u.email).filter((email) => open.has(email.toLowerCase()));
};
