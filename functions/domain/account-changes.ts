import type { CompanyUser, Role } from './company.ts';
import { mayEnrolAccount } from './policy.ts';

/**
 * A person's sign-in account as the user pool holds it (Cognito on AWS, the local pool in the table): the company in
 * its `custom:companyId` (none for the seller's staff), its groups (the token's `cognito:groups`), and whether it may
 * sign in at all.
 */
export interface SignInAccount {
  email: string;
  name: string;
  companyId?: string;
  groups: Role[];
  enabled: boolean;
}

/**
 * What a company's new list of users asks of the user pool:
 * - `invite`: a person with no account gets one (an invitation email on AWS) with the company and their roles;
 * - `update`: an account of the company follows the list — groups added and taken away, the name, and enabled again
 *   when a person removed earlier comes back;
 * - `remove`: a person no longer in the company is disabled and loses their groups; the account stays, because the
 *   history of what they did names them.
 * - `move`: the account of a person the seller's admin moved from another company becomes this company's, with the
 *   roles it lists, and may sign in again (functions/application/move-person.ts; nothing else takes another's account).
 */
export type AccountChange =
  | { kind: 'invite'; email: string; name: string; companyId: string; groups: Role[] }
  | { kind: 'update'; email: string; name: string; add: Role[]; remove: Role[]; enable: boolean }
  | { kind: 'remove'; email: string; groups: Role[] }
  | { kind: 'move'; email: string; name: string; companyId: string; groups: Role[] };

const key = (email: string): string => email.toLowerCase();
const sameRoles = (a: readonly Role[], b: readonly Role[]): boolean => {
  const mine = new Set(a);
  const theirs = new Set(b);
  return mine.size === theirs.size && [...mine].every((role) => theirs.has(role));
};
const byEmail = (users: readonly CompanyUser[]): Map<string, CompanyUser> =>
  new Map(users.map((user) => [key(user.email), user]));

/**
 * Whose accounts a new list may touch: whoever joins, leaves, or changes roles or name. Only their accounts are
 * looked up (a company of 500 is not 500 calls to the pool when one person changes), lower-cased and sorted.
 */
export const touchedEmails = (before: readonly CompanyUser[], after: readonly CompanyUser[]): string[] => {
  const old = byEmail(before);
  const next = byEmail(after);
  const changed = [...next].filter(([email, user]) => {
    const was = old.get(email);
    return !was || was.name !== user.name || !sameRoles(was.roles, user.roles);
  });
  const left = [...old.keys()].filter((email) => !next.has(email));
  return [...changed.map(([email]) => email), ...left].sort();
};

/**
 * What must change in the pool for these people (`emails`) to match the company's stored list of users — reconciled
 * from the list as it is stored, never from what one request meant to change, so whichever save lost a race, the pool
 * ends as the list that won. Measured against the accounts as they are (`accounts`: the current account of each
 * email; absent: none), so a retry after a partial failure does only what is left and an account that drifted is
 * brought back. An account of another company or of the seller's staff is never changed here: the policy's
 * `mayEnrolAccount` refuses the list before it gets this far, and a person who left for another company keeps that
 * company's account.
 */
export const accountsInLine = (
  companyId: string,
  users: readonly CompanyUser[],
  emails: readonly string[],
  accounts: ReadonlyMap<string, SignInAccount>,
): AccountChange[] => {
  const listed = byEmail(users);
  return [...new Set(emails.map(key))].sort().flatMap((email): AccountChange[] => {
    const account = accounts.get(email);
    const user = listed.get(email);
    if (account && account.companyId !== companyId) return [];
    if (!user)
      return account && (account.enabled || account.groups.length > 0)
        ? [{ kind: 'remove', email, groups: [...account.groups] }]
        : [];
    const roles: Role[] = [...new Set(user.roles)].sort();
    if (!account) return [{ kind: 'invite', email, name: user.name, companyId, groups: roles }];
    const add = roles.filter((role) => !account.groups.includes(role));
    const remove = [...new Set(account.groups)].filter((group) => !roles.includes(group)).sort();
    const upToDate = add.length === 0 && remove.length === 0 && account.enabled && account.name === user.name;
    return upToDate ? [] : [{ kind: 'update', email, name: user.name, add, remove, enable: !account.enabled }];
  });
};

/**
 * Whose tokens stop counting at once with these changes: a person removed, moved to another company, or who lost a
 * role (demoted). Their tokens still carry what they were; a newcomer's or a promoted person's carry less than they
 * may, which is safe.
 */
export const revokedBy = (changes: readonly AccountChange[]): string[] =>
  changes.flatMap((change) =>
    change.kind === 'remove' || change.kind === 'move' || (change.kind === 'update' && change.remove.length > 0)
      ? [change.email]
      : [],
  );

/**
 * One change applied to an account: what the local pool stores, and what Cognito's admin calls amount to. Applying a
 * change twice is applying it once.
 */
export const applyAccountChange = (account: SignInAccount | undefined, change: AccountChange): SignInAccount => {
  switch (change.kind) {
    case 'invite':
    case 'move':
      return {
        email: change.email,
        name: change.name,
        companyId: change.companyId,
        groups: [...change.groups],
        enabled: true,
      };
    case 'update': {
      const kept = (account?.groups ?? []).filter((group) => !change.remove.includes(group));
      return {
        ...(account ?? { email: change.email, enabled: true }),
        name: change.name,
        groups: [...new Set([...kept, ...change.add])].sort(),
        enabled: change.enable || (account?.enabled ?? true),
      };
    }
    case 'remove':
      return { ...(account ?? { email: change.email, name: '' }), groups: [], enabled: false };
  }
};

/**
 * Listing a person whose account belongs to another company or to the seller's staff would rewrite that account's
 * company and groups — taking it over. Answers one problem per such entry of the new list, naming its field.
 */
export const accountOwnerProblems = (
  companyId: string,
  after: readonly CompanyUser[],
  accounts: ReadonlyMap<string, Pick<SignInAccount, 'companyId'>>,
): { path: string; message: string }[] =>
  after.flatMap((user, i) => {
    const account = accounts.get(key(user.email));
    if (mayEnrolAccount(companyId, account)) return [];
    // Which company (or the seller) is not said: one customer's admin learns nothing of another's people. For a
    // company's person it is true (PUT /companies/{companyId}/users/{email}); the seller's staff are never moved.
    const message = 'already signs in for another company or for the seller; the seller’s admin can move them';
    return [{ path: `users.${i}.email`, message }];
  });
