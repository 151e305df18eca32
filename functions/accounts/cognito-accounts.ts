import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AccountChange, SignInAccount } from '#domain/account-changes.ts';
import { parseGroups } from '#domain/caller.ts';
import { AccountsUnavailable, AccountTaken, NoInvitationToResend, type SignInAccounts } from './ports.ts';

/** Cognito's admin API allows 25–50 requests a second per category: a handful in flight stays well inside. */
const width = 4;

const inBatches = async <T>(items: readonly T[], work: (item: T) => Promise<void>, deadline = Infinity) => {
  for (let i = 0; i < items.length; i += width) {
    if (Date.now() > deadline)
      throw new AccountsUnavailable(
        `${i} of ${items.length} accounts changed in time; send the same list again to finish`,
      );
    await Promise.all(items.slice(i, i + width).map(work));
  }
};

const named = (error: unknown, name: string): boolean => error instanceof Error && error.name === name;

/**
 * The Cognito user pool as the sign-in accounts. The pool signs in by email (`signInAliases: { email: true }`), so an
 * email is the `Username` of every admin call. An invitation is AdminCreateUser with the email verified and
 * `DesiredDeliveryMediums: EMAIL`: Cognito mails the temporary password, through the pool's mail setting (SES or
 * Cognito's own, infra/auth.ts). Any failure of the pool is AccountsUnavailable (the API answers 503 Retry-After);
 * every change is safe to make again.
 */
export const createCognitoAccounts = (
  client: Pick<CognitoIdentityProviderClient, 'send'>,
  userPoolId: string,
): SignInAccounts => {
  const pool = { UserPoolId: userPoolId };

  const unavailable = (error: unknown): never => {
    if (error instanceof AccountTaken || error instanceof AccountsUnavailable || error instanceof NoInvitationToResend)
      throw error;
    throw new AccountsUnavailable('the sign-in accounts (Cognito) did not answer; nothing was lost, try again', {
      cause: error,
    });
  };

  const find = async (email: string): Promise<SignInAccount | undefined> => {
    const user = await client.send(new AdminGetUserCommand({ ...pool, Username: email })).catch((error: unknown) => {
      if (named(error, 'UserNotFoundException')) return undefined;
      throw error;
    });
    if (!user) return undefined;
    const attribute = (name: string) => user.UserAttributes?.find((a) => a.Name === name)?.Value;
    const groups = await client.send(new AdminListGroupsForUserCommand({ ...pool, Username: email, Limit: 60 }));
    const companyId = attribute('custom:companyId');
    return {
      email,
      name: attribute('name') ?? '',
      ...(companyId && { companyId }),
      groups: parseGroups((groups.Groups ?? []).map((g) => g.GroupName ?? '')),
      enabled: user.Enabled ?? false,
    };
  };

  const setGroups = async (email: string, add: readonly string[], remove: readonly string[]) => {
    for (const GroupName of add)
      await client.send(new AdminAddUserToGroupCommand({ ...pool, Username: email, GroupName }));
    for (const GroupName of remove)
      await client.send(new AdminRemoveUserFromGroupCommand({ ...pool, Username: email, GroupName }));
  };

  /**
   * Ends every session of the person (AdminUserGlobalSignOut): their refresh tokens stop working. The ID tokens already
   * issued stay valid to Cognito until they expire; the API refuses them through the revocation record
   * (functions/http/revocation.ts).
   */
  const signOutEverywhere = (email: string) =>
    client.send(new AdminUserGlobalSignOutCommand({ ...pool, Username: email })).then(
      () => undefined,
      (error: unknown) => {
        if (!named(error, 'UserNotFoundException')) throw error;
      },
    );

  /** Created, or — when it exists after all (a retry, or a race) — made the company's again, if it is the company's. */
  const invite = async (change: Extract<AccountChange, { kind: 'invite' }>) => {
    const attributes = [
      { Name: 'name', Value: change.name },
      { Name: 'custom:companyId', Value: change.companyId },
    ];
    try {
      await client.send(
        new AdminCreateUserCommand({
          ...pool,
          Username: change.email,
          UserAttributes: [
            { Name: 'email', Value: change.email },
            { Name: 'email_verified', Value: 'true' },
            ...attributes,
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
      await setGroups(change.email, change.groups, []);
    } catch (error) {
      if (!named(error, 'UsernameExistsException')) throw error;
      const existing = await find(change.email);
      if (existing?.companyId !== change.companyId) throw new AccountTaken(change.email);
      await client.send(
        new AdminUpdateUserAttributesCommand({ ...pool, Username: change.email, UserAttributes: attributes }),
      );
      await setGroups(
        change.email,
        change.groups,
        existing.groups.filter((group) => !change.groups.includes(group)),
      );
      await client.send(new AdminEnableUserCommand({ ...pool, Username: change.email }));
    }
  };

  /**
   * Disabled and signed out first, so no token is minted while the account names its new company beside the groups
   * of its old one; enabled last, with only the roles its new company lists.
   */
  const move = async (change: Extract<AccountChange, { kind: 'move' }>) => {
    await client.send(new AdminDisableUserCommand({ ...pool, Username: change.email }));
    await signOutEverywhere(change.email);
    const before = await find(change.email);
    await client.send(
      new AdminUpdateUserAttributesCommand({
        ...pool,
        Username: change.email,
        UserAttributes: [
          { Name: 'name', Value: change.name },
          { Name: 'custom:companyId', Value: change.companyId },
        ],
      }),
    );
    await setGroups(
      change.email,
      change.groups,
      (before?.groups ?? []).filter((group) => !change.groups.includes(group)),
    );
    await client.send(new AdminEnableUserCommand({ ...pool, Username: change.email }));
  };

  const apply = async (change: AccountChange) => {
    switch (change.kind) {
      case 'move':
        return move(change);
      case 'invite':
        return invite(change);
      case 'update':
        await client.send(
          new AdminUpdateUserAttributesCommand({
            ...pool,
            Username: change.email,
            UserAttributes: [{ Name: 'name', Value: change.name }],
          }),
        );
        await setGroups(change.email, change.add, change.remove);
        // Demoted: their refresh tokens must not mint ID tokens that still say what they were.
        if (change.remove.length > 0) await signOutEverywhere(change.email);
        // Last, so a person who comes back never signs in with the groups of before.
        if (change.enable) await client.send(new AdminEnableUserCommand({ ...pool, Username: change.email }));
        return;
      case 'remove':
        // First, so a person who leaves cannot sign in while their groups are taken away.
        await client.send(new AdminDisableUserCommand({ ...pool, Username: change.email })).catch((error: unknown) => {
          if (!named(error, 'UserNotFoundException')) throw error;
        });
        await setGroups(change.email, [], change.groups).catch((error: unknown) => {
          if (!named(error, 'UserNotFoundException')) throw error;
        });
        return signOutEverywhere(change.email);
    }
  };

  return {
    find: async (emails) => {
      const found = new Map<string, SignInAccount>();
      await inBatches(emails, async (email) => {
        const account = await find(email.toLowerCase());
        if (account) found.set(account.email, account);
      }).catch(unavailable);
      return found;
    },
    apply: (changes, deadline) => inBatches(changes, apply, deadline).catch(unavailable),
    // An invitation is open while the account still has to change its temporary password; a disabled one is out.
    openInvitations: async (emails) => {
      const open = new Set<string>();
      const signedIn = new Set<string>();
      await inBatches(emails, async (email) => {
        const user = await client
          .send(new AdminGetUserCommand({ ...pool, Username: email.toLowerCase() }))
          .catch((error: unknown) => {
            if (named(error, 'UserNotFoundException')) return undefined;
            throw error;
          });
        if (user?.Enabled && user.UserStatus === 'FORCE_CHANGE_PASSWORD') open.add(email.toLowerCase());
        if (user?.UserStatus === 'CONFIRMED') signedIn.add(email.toLowerCase());
      }).catch(unavailable);
      return { open, signedIn };
    },
    // Cognito sends the pool's invitation (with the app's URL, infra/auth.ts) and a new temporary password, and
    // refuses a person who has signed in (no longer FORCE_CHANGE_PASSWORD).
    resendInvitation: (email) =>
      client
        .send(
          new AdminCreateUserCommand({
            ...pool,
            Username: email,
            MessageAction: 'RESEND',
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        )
        .then(
          () => undefined,
          (error: unknown) => {
            if (named(error, 'UnsupportedUserStateException')) throw new NoInvitationToResend(email, 'signed-in');
            if (named(error, 'UserNotFoundException')) throw new NoInvitationToResend(email, 'no-account');
            throw error;
          },
        )
        .catch(unavailable),
  };
};
