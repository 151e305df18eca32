import type { Caller } from '#domain/caller.ts';
import type { Delegator } from '#domain/delegation.ts';
import type { Store } from '#store/ports.ts';

/** Who the seller's staff are, as far as the system knows them: an account's rep, or the sales manager. */
const isKnownSellerStaff = async (store: Store, salesManager: string, email: string): Promise<boolean> =>
  email === salesManager.toLowerCase() || (await store.catalog.companiesOfRep(email)).length > 0;

/**
 * Whose out-of-office delegation a request is about: the caller's own, or (`?for=`) a person of the caller's side — of
 * their buyer company, or of the seller's staff. The policy says whether the caller may touch it.
 */
export const delegatorOf = (caller: Caller, forEmail: string | undefined): Delegator => {
  const email = forEmail ?? caller.email;
  return { email, ...(caller.companyId && { companyId: caller.companyId }) };
};

/** Whether the person a delegation names exists: a user of their buyer company, or one of the seller's staff. */
export const isKnownPerson = async (
  person: Delegator,
  deps: { store: Store; salesManager: string },
): Promise<boolean> => {
  if (person.companyId === undefined) return isKnownSellerStaff(deps.store, deps.salesManager, person.email);
  const company = await deps.store.catalog.getCompany(person.companyId);
  return company?.users.some((u) => u.email === person.email) === true;
};

/**
 * Who may be named as a person's delegate: someone who could decide in their place — an approver (or admin) of the
 * same buyer company, or one of the seller's staff for the seller's staff. Answers what is wrong, or nothing.
 */
export const delegateProblem = async (
  person: Delegator,
  delegateEmail: string,
  deps: { store: Store; salesManager: string },
): Promise<string | undefined> => {
  if (person.companyId === undefined)
    return (await isKnownSellerStaff(deps.store, deps.salesManager, delegateEmail))
      ? undefined
      : "must be one of the seller's staff (an account's rep or the sales manager)";
  const company = await deps.store.catalog.getCompany(person.companyId);
  const user = company?.users.find((u) => u.email === delegateEmail);
  return user?.roles.some((r) => r === 'approver' || r === 'admin')
    ? undefined
    : `must be an approver of ${company?.name ?? person.companyId}`;
};
