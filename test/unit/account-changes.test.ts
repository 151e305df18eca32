import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccountChange,
  accountOwnerProblems,
  accountsInLine,
  applyAccountChange,
  type SignInAccount,
  touchedEmails,
} from '#domain/account-changes.ts';
import type { CompanyUser } from '#domain/company.ts';

const acme = 'acme';

/** What a save from `before` to `after` asks of the pool: the people it touched, brought in line with `after`. */
const accountChanges = (
  companyId: string,
  before: readonly CompanyUser[],
  after: readonly CompanyUser[],
  accounts: ReadonlyMap<string, SignInAccount>,
) => accountsInLine(companyId, after, touchedEmails(before, after), accounts);

/** The accounts a company's list stands for when pool and list agree: each person enabled, groups = roles. */
const accountsOf = (users: readonly CompanyUser[], companyId = acme): Map<string, SignInAccount> =>
  new Map(
    users.map((u) => [
      u.email.toLowerCase(),
      { email: u.email.toLowerCase(), name: u.name, companyId, groups: [...new Set(u.roles)].sort(), enabled: true },
    ]),
  );

/** The pool after the changes: each changed account replaced, the rest as they were. */
const applied = (pool: ReadonlyMap<string, SignInAccount>, changes: readonly AccountChange[]) => {
  const next = new Map(pool);
  for (const change of changes) next.set(change.email, applyAccountChange(next.get(change.email), change));
  return next;
};

/** Who the pool lets sign in for the company, and as what: the comparable face of a pool. */
const signInsOf = (pool: ReadonlyMap<string, SignInAccount>, companyId = acme) =>
  [...pool.values()]
    .filter((a) => a.enabled && a.companyId === companyId)
    .map((a) => ({ email: a.email, name: a.name, groups: [...a.groups].sort() }))
    .sort((a, b) => a.email.localeCompare(b.email));

const people = ['dana', 'chris', 'jordan', 'sam', 'mei', 'omar'];
const aUser = fc.record({
  email: fc.constantFrom(...people).map((p) => `${p}@acme.example`),
  name: fc.constantFrom('Dana', 'Chris', 'Jordan Lee', 'Sam'),
  roles: fc.uniqueArray(fc.constantFrom('buyer' as const, 'approver' as const, 'admin' as const), {
    minLength: 1,
  }),
});
const aList = fc.uniqueArray(aUser, { selector: (u) => u.email, maxLength: people.length });
const shuffled = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length });
const byEmail = (a: AccountChange, b: AccountChange) => a.email.localeCompare(b.email);

const pool = (...accounts: SignInAccount[]) => new Map(accounts.map((a) => [a.email, a]));
const dana: CompanyUser = { email: 'dana@acme.example', name: 'Dana', roles: ['buyer'] };
const chris: CompanyUser = { email: 'chris@acme.example', name: 'Chris', roles: ['admin'] };

describe('what a new list of company users asks of the sign-in accounts', () => {
  it('applying the changes to the old accounts yields the new list’s sign-ins, and the leavers disabled', () => {
    fc.assert(
      fc.property(aList, aList, (before, after) => {
        const old = accountsOf(before);
        const next = applied(old, accountChanges(acme, before, after, old));
        expect(signInsOf(next)).toEqual(signInsOf(accountsOf(after)));
        const stayed = new Set(after.map((u) => u.email));
        for (const leaver of before.filter((u) => !stayed.has(u.email)))
          expect(next.get(leaver.email)).toMatchObject({ enabled: false, groups: [], companyId: acme });
      }),
    );
  });

  it('asks nothing when the list is the same, in any order', () => {
    fc.assert(
      fc.property(
        aList.chain((users) => fc.tuple(fc.constant(users), shuffled(users))),
        ([before, after]) => {
          expect(touchedEmails(before, after)).toEqual([]);
          expect(accountChanges(acme, before, after, accountsOf(before))).toEqual([]);
        },
      ),
    );
  });

  it('does not depend on the order of either list', () => {
    fc.assert(
      fc.property(
        aList.chain((b) => fc.tuple(fc.constant(b), shuffled(b))),
        aList.chain((a) => fc.tuple(fc.constant(a), shuffled(a))),
        ([before, before2], [after, after2]) => {
          const old = accountsOf(before);
          expect(accountChanges(acme, before2, after2, old).sort(byEmail)).toEqual(
            accountChanges(acme, before, after, old).sort(byEmail),
          );
        },
      ),
    );
  });

  it('reads emails without regard to case', () => {
    fc.assert(
      fc.property(aList, aList, (before, after) => {
        const shouting = after.map((u) => ({ ...u, email: u.email.toUpperCase() }));
        const old = accountsOf(before);
        expect(accountChanges(acme, before, shouting, old)).toEqual(accountChanges(acme, before, after, old));
      }),
    );
  });

  it('is done once done: changes measured again after applying them are none (a retry does nothing more)', () => {
    fc.assert(
      fc.property(aList, aList, (before, after) => {
        const old = accountsOf(before);
        const changes = accountChanges(acme, before, after, old);
        const once = applied(old, changes);
        expect(applied(once, changes)).toEqual(once);
        expect(accountChanges(acme, before, after, once)).toEqual([]);
      }),
    );
  });

  it('invites a newcomer with their name, the company and their roles as groups', () => {
    expect(accountChanges(acme, [chris], [chris, dana], new Map())).toEqual([
      { kind: 'invite', email: 'dana@acme.example', name: 'Dana', companyId: acme, groups: ['buyer'] },
    ]);
  });

  it('regroups by the account as it is, so an account that drifted from the old list is brought back', () => {
    const drifted = pool({
      email: dana.email,
      name: 'Dana',
      companyId: acme,
      groups: ['admin', 'buyer'],
      enabled: true,
    });
    const after = [{ ...dana, roles: ['buyer', 'approver'] as CompanyUser['roles'] }];
    expect(accountChanges(acme, [dana], after, drifted)).toEqual([
      { kind: 'update', email: dana.email, name: 'Dana', add: ['approver'], remove: ['admin'], enable: false },
    ]);
  });

  it('invites a listed person whose account was never made (a company entered before accounts were)', () => {
    const renamed = { ...dana, name: 'Dana Scully' };
    expect(accountChanges(acme, [dana], [renamed], new Map())).toEqual([
      { kind: 'invite', email: dana.email, name: 'Dana Scully', companyId: acme, groups: ['buyer'] },
    ]);
  });

  it('disables a leaver and takes their groups, keeping the account; a comeback enables it again', () => {
    const old = accountsOf([chris, dana]);
    const [remove] = accountChanges(acme, [chris, dana], [chris], old);
    expect(remove).toEqual({ kind: 'remove', email: dana.email, groups: ['buyer'] });
    const gone = applied(old, [remove!]);
    expect(gone.get(dana.email)).toEqual({ ...old.get(dana.email), groups: [], enabled: false });
    expect(accountChanges(acme, [chris], [chris, dana], gone)).toEqual([
      { kind: 'update', email: dana.email, name: 'Dana', add: ['buyer'], remove: [], enable: true },
    ]);
  });

  it('never changes an account of another company or of the seller’s staff, not even a leaver’s', () => {
    const moved = pool({ email: dana.email, name: 'Dana', companyId: 'globex', groups: ['buyer'], enabled: true });
    expect(accountChanges(acme, [chris, dana], [chris], moved)).toEqual([]);
    const staff = pool({ email: dana.email, name: 'Dana', groups: ['rep'], enabled: true });
    expect(accountChanges(acme, [chris], [chris, dana], staff)).toEqual([]);
  });
});

describe('a company admin cannot take over an account that is not the company’s', () => {
  const riley: SignInAccount = { email: 'riley@northwind.example', name: 'Riley', groups: ['rep'], enabled: true };
  const lena: SignInAccount = {
    email: 'lena@globex.example',
    name: 'Lena',
    companyId: 'globex',
    groups: ['buyer'],
    enabled: true,
  };
  const mine: SignInAccount = { ...lena, email: dana.email, companyId: acme, enabled: false, groups: [] };

  it.each([
    ['the seller’s rep', riley],
    ['another company’s buyer', lena],
    ['another company’s former user (disabled)', { ...lena, enabled: false, groups: [] }],
  ])('refuses %s, naming the entry’s email field, never whose account it is', (_, account) => {
    const message = 'already signs in for another company or for the seller; the seller’s admin can move them';
    const users = [chris, { email: account.email.toUpperCase(), name: 'Someone', roles: ['buyer'] as const }];
    expect(
      accountOwnerProblems(
        acme,
        [...users].map((u) => ({ ...u, roles: [...u.roles] })),
        pool(account),
      ),
    ).toEqual([{ path: 'users.1.email', message }]);
  });

  it('lets the company list newcomers and its own people, including one it removed before', () => {
    expect(accountOwnerProblems(acme, [chris, dana], pool(mine))).toEqual([]);
    expect(accountOwnerProblems(acme, [chris, dana], new Map())).toEqual([]);
  });
});
