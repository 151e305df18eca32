import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openInvitations } from '#application/open-invitations.ts';
import { type AccountChange, accountsInLine, touchedEmails } from '#domain/account-changes.ts';
import type { CompanyUser } from '#domain/company.ts';
import { createCognitoAccounts } from '#functions/accounts/cognito-accounts.ts';
import { cognitoActions } from '#functions/accounts/cognito-actions.ts';
import { AccountsUnavailable, AccountTaken } from '#functions/accounts/ports.ts';
import { aCompany } from '../builders/company.ts';

/**
 * A hand-written stand-in for Cognito's admin API, with the semantics the adapter relies on (an email is the
 * Username; adding or removing a group is idempotent; creating an existing user is UsernameExistsException), and a
 * fault switch: the `failAt`-th call fails as a throttled or broken pool would.
 */
interface FakeUser {
  attributes: Record<string, string>;
  groups: Set<string>;
  enabled: boolean;
  /** Every session ended (AdminUserGlobalSignOut): refresh tokens no longer work. */
  signedOut?: true;
  /** Signed in and chose a password: past FORCE_CHANGE_PASSWORD, so there is no invitation to send again. */
  confirmed?: true;
  /** How many invitations it was sent. */
  invitations?: number;
}

const awsError = (name: string) => Object.assign(new Error(name), { name });

const aFakePool = (users: Record<string, FakeUser> = {}) => {
  const calls: string[] = [];
  let failAt = Number.POSITIVE_INFINITY;
  const user = (input: { Username: string }) => {
    const found = users[input.Username];
    if (!found) throw awsError('UserNotFoundException');
    return found;
  };
  const handlers: Record<string, (input: never) => unknown> = {
    AdminGetUser: (input: { Username: string }) => {
      const found = user(input);
      return {
        Enabled: found.enabled,
        UserStatus: found.confirmed ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD',
        UserAttributes: Object.entries(found.attributes).map(([Name, Value]) => ({ Name, Value })),
      };
    },
    AdminListGroupsForUser: (input: { Username: string }) => ({
      Groups: [...user(input).groups].map((GroupName) => ({ GroupName })),
    }),
    AdminCreateUser: (input: {
      Username: string;
      UserAttributes: { Name: string; Value: string }[];
      DesiredDeliveryMediums: string[];
      MessageAction?: 'RESEND' | 'SUPPRESS';
    }) => {
      expect(input.DesiredDeliveryMediums).toEqual(['EMAIL']);
      if (input.MessageAction === 'RESEND') {
        const found = user(input);
        if (found.confirmed) throw awsError('UnsupportedUserStateException');
        found.invitations = (found.invitations ?? 0) + 1;
        return;
      }
      if (users[input.Username]) throw awsError('UsernameExistsException');
      users[input.Username] = {
        attributes: Object.fromEntries(input.UserAttributes.map((a) => [a.Name, a.Value])),
        groups: new Set(),
        enabled: true,
        invitations: 1,
      };
    },
    AdminUpdateUserAttributes: (input: { Username: string; UserAttributes: { Name: string; Value: string }[] }) => {
      for (const a of input.UserAttributes) user(input).attributes[a.Name] = a.Value;
    },
    AdminAddUserToGroup: (input: { Username: string; GroupName: string }) => user(input).groups.add(input.GroupName),
    AdminRemoveUserFromGroup: (input: { Username: string; GroupName: string }) =>
      user(input).groups.delete(input.GroupName),
    AdminDisableUser: (input: { Username: string }) => {
      user(input).enabled = false;
    },
    AdminEnableUser: (input: { Username: string }) => {
      user(input).enabled = true;
    },
    AdminUserGlobalSignOut: (input: { Username: string }) => {
      user(input).signedOut = true;
    },
  };
  const client = {
    send: async (command: { constructor: { name: string }; input: { UserPoolId: string } }) => {
      const action = command.constructor.name.replace(/Command$/, '');
      calls.push(action);
      expect(command.input.UserPoolId).toBe('us-east-1_Pool');
      if (calls.length === failAt) throw awsError('TooManyRequestsException');
      const handle = handlers[action];
      if (!handle) throw new Error(`the fake has no ${action}`);
      return handle(command.input as never);
    },
  };
  return {
    accounts: createCognitoAccounts(client as never, 'us-east-1_Pool'),
    users,
    calls,
    failAt: (n: number) => {
      failAt = calls.length + n;
    },
    heal: () => {
      failAt = Number.POSITIVE_INFINITY;
    },
  };
};

const member = (companyId: string, name: string, ...groups: string[]): FakeUser => ({
  attributes: { email: 'x', name, 'custom:companyId': companyId },
  groups: new Set(groups),
  enabled: true,
});

/** What the handler does: look the touched people up, then make the changes measured against them. */
const replaceUsers = async (
  pool: ReturnType<typeof aFakePool>,
  before: CompanyUser[],
  after: CompanyUser[],
): Promise<void> => {
  const accounts = await pool.accounts.find(touchedEmails(before, after));
  await pool.accounts.apply(accountsInLine('acme', after, touchedEmails(before, after), accounts));
};

const chris: CompanyUser = { email: 'chris@acme.example', name: 'Chris', roles: ['admin'] };
const pat: CompanyUser = { email: 'pat@acme.example', name: 'Pat', roles: ['approver', 'buyer'] };

describe('the Cognito user pool as sign-in accounts', () => {
  it('invites a newcomer by email with the company and groups, and reads them back', async () => {
    const pool = aFakePool({ 'chris@acme.example': member('acme', 'Chris', 'admin') });
    await replaceUsers(pool, [chris], [chris, pat]);
    expect(pool.users['pat@acme.example']).toEqual({
      attributes: { email: pat.email, email_verified: 'true', name: 'Pat', 'custom:companyId': 'acme' },
      groups: new Set(['approver', 'buyer']),
      enabled: true,
      invitations: 1,
    });
    expect(await pool.accounts.find(['PAT@acme.example', 'nobody@acme.example'])).toEqual(
      new Map([
        [pat.email, { email: pat.email, name: 'Pat', companyId: 'acme', groups: ['approver', 'buyer'], enabled: true }],
      ]),
    );
  });

  it('calls nothing but the admin actions the function is granted', async () => {
    const pool = aFakePool({ 'chris@acme.example': member('acme', 'Chris', 'admin') });
    await replaceUsers(pool, [chris], [chris, pat]);
    await replaceUsers(pool, [chris, pat], [chris, { ...pat, roles: ['buyer'] }]);
    await replaceUsers(pool, [chris, pat], [chris]);
    await replaceUsers(pool, [chris], [chris, pat]);
    expect(new Set(pool.calls.map((action) => `cognito-idp:${action}`))).toEqual(new Set(cognitoActions));
  });

  it('disables a leaver before taking their groups, keeps the account, and signs them out everywhere', async () => {
    const pool = aFakePool({ 'pat@acme.example': member('acme', 'Pat', 'approver', 'buyer') });
    await replaceUsers(pool, [chris, pat], [chris]);
    expect(pool.users['pat@acme.example']).toMatchObject({ enabled: false, groups: new Set(), signedOut: true });
    expect(pool.calls.slice(-4)).toEqual([
      'AdminDisableUser',
      'AdminRemoveUserFromGroup',
      'AdminRemoveUserFromGroup',
      'AdminUserGlobalSignOut',
    ]);
  });

  it('signs a demoted person out everywhere, and no one who only gains a role', async () => {
    const pool = aFakePool({ 'pat@acme.example': member('acme', 'Pat', 'approver', 'buyer') });
    await replaceUsers(pool, [chris, pat], [chris, { ...pat, roles: ['approver', 'buyer', 'admin'] }]);
    expect(pool.calls).not.toContain('AdminUserGlobalSignOut');
    await replaceUsers(pool, [chris, pat], [chris, { ...pat, roles: ['buyer'] }]);
    expect(pool.users['pat@acme.example']).toMatchObject({
      enabled: true,
      groups: new Set(['buyer']),
      signedOut: true,
    });
  });

  it('enables a person who comes back only after their groups are set', async () => {
    const pool = aFakePool({ 'pat@acme.example': { ...member('acme', 'Pat'), enabled: false } });
    await replaceUsers(pool, [chris], [chris, pat]);
    expect(pool.users['pat@acme.example']).toMatchObject({ enabled: true, groups: new Set(['approver', 'buyer']) });
    expect(pool.calls.at(-1)).toBe('AdminEnableUser');
  });

  it('turns an invite that meets an existing account of the company into an update (a retry, a race)', async () => {
    const pool = aFakePool();
    await pool.accounts.apply([
      { kind: 'invite', email: pat.email, name: 'Pat', companyId: 'acme', groups: ['buyer'] },
    ]);
    pool.users[pat.email]!.groups.add('admin');
    pool.users[pat.email]!.enabled = false;
    await pool.accounts.apply([
      { kind: 'invite', email: pat.email, name: 'Pat Lee', companyId: 'acme', groups: ['buyer'] },
    ]);
    expect(pool.users[pat.email]).toMatchObject({ enabled: true, groups: new Set(['buyer']) });
    expect(pool.users[pat.email]!.attributes.name).toBe('Pat Lee');
  });

  it('refuses an invite that meets another company’s account made meanwhile, and leaves it alone', async () => {
    const pool = aFakePool({ 'pat@acme.example': member('globex', 'Pat', 'buyer') });
    await expect(
      pool.accounts.apply([{ kind: 'invite', email: pat.email, name: 'Pat', companyId: 'acme', groups: ['admin'] }]),
    ).rejects.toBeInstanceOf(AccountTaken);
    expect(pool.users[pat.email]).toEqual(member('globex', 'Pat', 'buyer'));
  });

  it('moves an account to another company: out of sign-in while its company and groups change, in again last', async () => {
    const pool = aFakePool({ 'pat@acme.example': member('globex', 'Pat', 'admin', 'approver') });
    const move: AccountChange = {
      kind: 'move',
      email: pat.email,
      name: 'Pat Lee',
      companyId: 'acme',
      groups: ['buyer'],
    };
    await pool.accounts.apply([move]);
    expect(pool.users[pat.email]).toMatchObject({
      enabled: true,
      signedOut: true,
      groups: new Set(['buyer']),
      attributes: expect.objectContaining({ name: 'Pat Lee', 'custom:companyId': 'acme' }),
    });
    expect(pool.calls.slice(0, 2)).toEqual(['AdminDisableUser', 'AdminUserGlobalSignOut']);
    expect(pool.calls.at(-1)).toBe('AdminEnableUser');
    // Whichever call fails, the same move again finishes it; until then the account is as it was or cannot sign in.
    for (let failure = 1; failure <= 8; failure++) {
      const again = aFakePool({ 'pat@acme.example': member('globex', 'Pat', 'admin', 'approver') });
      again.failAt(failure);
      const failed = await again.accounts.apply([move]).then(
        () => false,
        () => true,
      );
      if (failed && failure > 1) expect(again.users[pat.email]?.enabled).toBe(false);
      again.heal();
      await again.accounts.apply([move]);
      expect(again.users[pat.email]).toMatchObject({ enabled: true, groups: new Set(['buyer']) });
    }
  });

  it('sends an invitation again while it is unused; refuses one who signed in, or has no account', async () => {
    const pool = aFakePool({ 'pat@acme.example': { ...member('acme', 'Pat', 'buyer'), invitations: 1 } });
    await pool.accounts.resendInvitation(pat.email);
    expect(pool.users[pat.email]?.invitations).toBe(2);
    pool.users[pat.email]!.confirmed = true;
    await expect(pool.accounts.resendInvitation(pat.email)).rejects.toMatchObject({
      name: 'NoInvitationToResend',
      reason: 'signed-in',
    });
    await expect(pool.accounts.resendInvitation('nobody@acme.example')).rejects.toMatchObject({ reason: 'no-account' });
    pool.failAt(1);
    await expect(pool.accounts.resendInvitation(pat.email)).rejects.toBeInstanceOf(AccountsUnavailable);
  });

  it('finds the invitations still open: never signed in and not disabled; none for one unknown', async () => {
    const pool = aFakePool({
      'pat@acme.example': member('acme', 'Pat', 'buyer'),
      'kim@acme.example': { ...member('acme', 'Kim', 'buyer'), confirmed: true },
      'lee@acme.example': { ...member('acme', 'Lee', 'buyer'), enabled: false },
    });
    const open = await pool.accounts.openInvitations([
      'Pat@acme.example',
      'kim@acme.example',
      'lee@acme.example',
      'nobody@acme.example',
    ]);
    expect(open).toEqual({ open: new Set(['pat@acme.example']), signedIn: new Set(['kim@acme.example']) });
    pool.failAt(1);
    await expect(pool.accounts.openInvitations(['pat@acme.example'])).rejects.toBeInstanceOf(AccountsUnavailable);
  });

  it('a company’s open invitations ask the pool only about people not yet seen signed in', async () => {
    const people = Array.from({ length: 50 }, (_, i) => `p${i}@acme.example`);
    const pool = aFakePool(
      Object.fromEntries(
        people.map((email, i) => [email, { ...member('acme', email, 'buyer'), confirmed: i >= 3 || undefined }]),
      ),
    );
    const seen = new Set<string>();
    const signIns = {
      signedIn: async (emails: readonly string[]) => new Set(emails.filter((e) => seen.has(e))),
      record: async (emails: readonly string[]) => {
        for (const email of emails) seen.add(email);
      },
    };
    const acme = people.reduce((company, email) => company.withBuyer(email), aCompany('acme')).build();
    const deps = { accounts: pool.accounts, store: { signIns } };
    const lookups = () => pool.calls.filter((c) => c === 'AdminGetUser').length;

    expect(await openInvitations(deps, acme)).toEqual(people.slice(0, 3));
    expect(lookups()).toBe(50);
    // The first listing learnt who has signed in; the next asks about the three still invited, and the truth holds.
    pool.users['p0@acme.example']!.confirmed = true;
    expect(await openInvitations(deps, acme)).toEqual(people.slice(1, 3));
    expect(lookups()).toBe(53);
    expect(await openInvitations(deps, acme)).toEqual(people.slice(1, 3));
    expect(lookups()).toBe(55);
  });

  it('says the pool is unavailable when it fails, looking up or changing', async () => {
    const pool = aFakePool({ 'pat@acme.example': member('acme', 'Pat', 'buyer') });
    pool.failAt(1);
    await expect(pool.accounts.find([pat.email])).rejects.toBeInstanceOf(AccountsUnavailable);
    pool.failAt(1);
    await expect(pool.accounts.apply([{ kind: 'remove', email: pat.email, groups: ['buyer'] }])).rejects.toBeInstanceOf(
      AccountsUnavailable,
    );
  });

  it('starts no change past its deadline, saying how far it got, and the same changes again finish the job', async () => {
    const pool = aFakePool();
    const invites = ['a', 'b', 'c', 'd', 'e'].map((p) => ({
      kind: 'invite' as const,
      email: `${p}@acme.example`,
      name: p,
      companyId: 'acme',
      groups: ['buyer' as const],
    }));
    await expect(pool.accounts.apply(invites, Date.now() - 1)).rejects.toThrow(
      new AccountsUnavailable('0 of 5 accounts changed in time; send the same list again to finish'),
    );
    expect(pool.calls).toEqual([]);
    await pool.accounts.apply(invites, Date.now() + 60_000);
    expect(Object.keys(pool.users)).toHaveLength(5);
  });

  it('takes a leaver who has no account, or lost it, as done', async () => {
    const pool = aFakePool();
    await pool.accounts.apply([{ kind: 'remove', email: pat.email, groups: ['buyer'] }]);
    expect(pool.users).toEqual({});
  });

  it('converges: whichever call fails, the same change of users made again leaves the pool as the list says', async () => {
    const people = ['a', 'b', 'c', 'd'].map((p) => `${p}@acme.example`);
    const aList = fc.uniqueArray(
      fc.record({
        email: fc.constantFrom(...people),
        name: fc.constantFrom('A', 'B'),
        roles: fc.uniqueArray(fc.constantFrom('buyer' as const, 'approver' as const, 'admin' as const), {
          minLength: 1,
        }),
      }),
      { selector: (u) => u.email, maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(aList, aList, fc.nat(40), async (before, after, failure) => {
        const pool = aFakePool(Object.fromEntries(before.map((u) => [u.email, member('acme', u.name, ...u.roles)])));
        pool.failAt(failure + 1);
        await replaceUsers(pool, before, after).catch((error: unknown) => {
          expect(error).toBeInstanceOf(AccountsUnavailable);
        });
        pool.heal();
        await replaceUsers(pool, before, after);
        for (const user of after)
          expect(pool.users[user.email], user.email).toMatchObject({
            enabled: true,
            groups: new Set(user.roles),
            attributes: expect.objectContaining({ name: user.name, 'custom:companyId': 'acme' }),
          });
        for (const gone of before.filter((u) => !after.some((a) => a.email === u.email)))
          expect(pool.users[gone.email]).toMatchObject({ enabled: false, groups: new Set() });
      }),
    );
  });
});
