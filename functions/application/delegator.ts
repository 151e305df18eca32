import type { Caller } from '#domain/caller.ts';
import type { Delegation, Delegator } from '#domain/delegation.ts';
import { mayBeDelegateIn, mayManageDelegation } from '#domain/policy.ts';
import { isKnownSellerStaff, type Standing } from './delegate-standing.ts';

/**
 * Whose out-of-office delegation a request is about, as the caller names them: the caller's own, or (`?for=`) a person
 * of the caller's side — of their buyer company, or of the seller's staff. The policy says whether the caller may touch
 * it; `administeredPerson` whether that person exists on that side.
 */
const delegatorOf = (caller: Caller, forEmail: string | undefined): Delegator => {
  const email = forEmail ?? caller.email;
  return { email, ...(caller.companyId && { companyId: caller.companyId }) };
};

/** Whether the person a delegation names exists: a user of their buyer company, or one of the seller's staff. */
const isKnownPerson = async (person: Delegator, deps: Standing): Promise<boolean> => {
  if (person.companyId === undefined) return isKnownSellerStaff(deps, person.email);
  const company = await deps.store.catalog.getCompany(person.companyId);
  return company?.users.some((u) => u.email === person.email) === true;
};

/**
 * The delegation a request names (`?for=` or the caller's own), once the policy lets the caller manage it: `forbidden`
 * when the policy says no; `unknown` when the person is not on the caller's side as stored now (a user of their
 * company, or seller staff) — so an admin never reads or clears the delegation of someone they do not administer
 * (the policy alone sees only the caller's side, not where the person named really is).
 */
export const delegationInReach = async (
  caller: Caller,
  forEmail: string | undefined,
  deps: Standing,
): Promise<
  | { kind: 'forbidden'; person: Delegator }
  | { kind: 'unknown'; person: Delegator }
  | { kind: 'found'; person: Delegator; delegation?: Delegation }
> => {
  const person = delegatorOf(caller, forEmail);
  if (!mayManageDelegation(caller, person)) return { kind: 'forbidden', person };
  if (person.email !== caller.email && !(await isKnownPerson(person, deps))) return { kind: 'unknown', person };
  const delegation = await deps.store.delegations.get(person.email);
  // One set on the other side (before the person moved company) is not this side's to read or clear.
  const mine = delegation?.companyId === person.companyId ? delegation : undefined;
  return { kind: 'found', person, ...(mine && { delegation: mine }) };
};

/**
 * Who may be named as a person's delegate: someone who could decide in their place — an approver (or admin) of the
 * same buyer company, or one of the seller's staff for the seller's staff. Answers what is wrong, or nothing.
 */
export const delegateProblem = async (
  person: Delegator,
  delegateEmail: string,
  deps: Standing,
): Promise<string | undefined> => {
  if (person.companyId === undefined)
    return (await isKnownSellerStaff(deps, delegateEmail))
      ? undefined
      : "must be one of the seller's staff (an account's rep or the sales manager)";
  const company = await deps.store.catalog.getCompany(person.companyId);
  return company && mayBeDelegateIn(company.users, delegateEmail)
    ? undefined
    : `must be an approver of ${company?.name ?? person.companyId}`;
};
