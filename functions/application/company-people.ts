import {
  accountOwnerProblems,
  accountsInLine,
  revokedBy,
  type SignInAccount,
  touchedEmails,
} from '#domain/account-changes.ts';
import type { ApprovalRule } from '#domain/approval-rule.ts';
import type { Company, CompanyUser } from '#domain/company.ts';
import { companyUsersProblems } from '#domain/company-users.ts';
import { InvalidInput, Unavailable } from '#domain/errors.ts';
import { mayBeDelegateIn } from '#domain/policy.ts';
import { AccountsTakenElsewhere, AccountsUnavailable, type SignInAccounts } from '#functions/accounts/ports.ts';
import { type CompanyRecord, StaleRevision, type Store } from '#store/ports.ts';
import { clearDelegation } from './out-of-office.ts';

export interface PeopleDeps {
  store: Store;
  accounts: SignInAccounts;
  now: () => Date;
}

/** The revision a client read, as an entity tag: what `If-Match` sends back. */
export const etagOf = (revision: number): string => `"${revision}"`;

/** Whether an `If-Match` names this revision (or `*`, any); a weak tag counts as its strong self. */
const matches = (ifMatch: string, revision: number): boolean =>
  ifMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etagOf(revision));

const sameUsers = (a: readonly CompanyUser[], b: readonly CompanyUser[]): boolean =>
  a.length === b.length && touchedEmails(a, b).length === 0;

/**
 * A write over what the client read: refused (StaleRevision, 412) when its `If-Match` names a revision the record has
 * moved past — unless the write would change nothing the record holds, so a client's retry of a save that landed
 * still finishes the accounts it left pending.
 */
export const checkPrecondition = (
  record: CompanyRecord | undefined,
  ifMatch: string | undefined,
  unchanged: boolean,
): void => {
  if (ifMatch === undefined || unchanged) return;
  if (!record || !matches(ifMatch, record.revision)) throw new StaleRevision(record?.company.companyId ?? '');
};

/**
 * Ends what a person removed or demoted held as a stand-in: every delegation of the company naming them as delegate,
 * and a leaver's own; clearing one revokes its stand-in links (out-of-office.ts).
 */
const endDelegations = async (deps: PeopleDeps, company: Company, emails: readonly string[]): Promise<void> => {
  const unfit = emails.filter((email) => !mayBeDelegateIn(company.users, email));
  if (unfit.length === 0) return;
  const listed = new Set(company.users.map((u) => u.email));
  const people = [...new Set([...company.users.map((u) => u.email), ...unfit])];
  const delegations = await Promise.all(people.map((email) => deps.store.delegations.get(email)));
  for (const delegation of delegations) {
    if (delegation?.companyId !== company.companyId) continue;
    const leaver = !listed.has(delegation.personEmail) && unfit.includes(delegation.personEmail);
    if (leaver) await clearDelegation(deps, delegation.personEmail, { because: 'person-left' });
    else if (unfit.includes(delegation.delegateEmail))
      await clearDelegation(deps, delegation.personEmail, { because: 'delegate-not-approver' });
  }
};

/**
 * Brings the sign-in accounts of the people a company's saves left pending in line with the list as it is stored now
 * (reconciled from the stored list, never from what one request meant), and stops what a person removed or demoted
 * still holds: their tokens are void from now (before the pool is asked, so a failing pool leaves them refused), their
 * delegations end. Read, apply, and mark done at the revision read; when a save moved the record on meanwhile, read
 * again — so a slow reconciler's stale pass is always followed by its own pass over the newer list, and the accounts
 * end as the last stored list says. A pool that fails throws AccountsUnavailable: the same save again finishes it.
 */
export const bringAccountsInLine = async (deps: PeopleDeps, companyId: string, deadline: number): Promise<void> => {
  for (;;) {
    const record = await deps.store.companies.get(companyId);
    if (!record || record.pendingAccounts.length === 0) return;
    const emails = record.pendingAccounts;
    const changes = accountsInLine(companyId, record.company.users, emails, await deps.accounts.find(emails));
    await deps.store.revocations.revoke(revokedBy(changes), deps.now());
    await endDelegations(deps, record.company, emails);
    await deps.accounts.apply(changes, deadline);
    if (await deps.store.companies.accountsInLine(companyId, record.revision, emails)) return;
  }
};

/**
 * Saves a company's people (and, for the seller's admin, the rest of its record) over the revision the client read:
 * the list is checked (one entry a person, an admin kept unless `adminRequired` is false — a company the seller's admin
 * set up without one — every approver a rule names still one), no one listed may sign in for another company or the seller,
 * or be moving out to one (409),
 * then the record is saved conditionally (412 when somebody saved first) with the people it touched pending, and their
 * accounts are brought in line with what is stored. Answers the stored record.
 */
const savePeople = async (
  deps: PeopleDeps,
  record: CompanyRecord | undefined,
  next: Company,
  options: { ifMatch?: string | undefined; rules: readonly ApprovalRule[]; adminRequired: boolean; deadline: number },
): Promise<{ company: Company; revision: number }> => {
  const before = record?.company.users ?? [];
  const unchanged =
    record !== undefined &&
    JSON.stringify({ ...record.company, users: [] }) === JSON.stringify({ ...next, users: [] }) &&
    sameUsers(before, next.users);
  checkPrecondition(record, options.ifMatch, unchanged);
  let revision = record?.revision ?? 0;
  if (!unchanged) {
    const problems = companyUsersProblems(next.users, options.rules, options);
    if (problems.length > 0) throw new InvalidInput('these users cannot replace the company’s users', problems);
    const touched = touchedEmails(before, next.users);
    // A person the seller's admin is moving out is the destination's already: the move changes their account any
    // moment, and a list naming them again would be left with someone who signs in elsewhere.
    const movingOut = record?.movingOut ?? {};
    const owners = new Map<string, Pick<SignInAccount, 'companyId'>>([
      ...(await deps.accounts.find(touched)),
      ...Object.entries(movingOut).map(([email, to]) => [email, { companyId: to }] as const),
    ]);
    const owned = accountOwnerProblems(next.companyId, next.users, owners);
    if (owned.length > 0) throw new AccountsTakenElsewhere(owned);
    revision = await deps.store.companies.save(next, {
      ...(record && { revision: record.revision }),
      pendingAccounts: [...(record?.pendingAccounts ?? []), ...touched],
      movingOut,
    });
  }
  await bringAccountsInLine(deps, next.companyId, options.deadline);
  return { company: next, revision };
};

/** A pool that failed once the list was saved: the save stands, and the same request again finishes the accounts. */
export const finishedLater = (error: unknown): never => {
  if (error instanceof AccountsUnavailable)
    throw new Unavailable(
      `${error.message}; the list is saved, and sending it again finishes the sign-in accounts`,
      5,
      {
        cause: error,
      },
    );
  throw error;
};

export const saveCompanyPeople = (...args: Parameters<typeof savePeople>): ReturnType<typeof savePeople> =>
  savePeople(...args).catch(finishedLater);
