import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { applyAccountChange, type SignInAccount } from '#domain/account-changes.ts';
import { role } from '#domain/company.ts';
import { fromItem, toItem } from '#store/item.ts';
import { keys } from '#store/keys.ts';
import { tableClient } from '#store/table-client.ts';
import { AccountsUnavailable, NoInvitationToResend, type SignInAccounts } from './ports.ts';

const accountSchema = z.object({
  email: z.string(),
  name: z.string(),
  companyId: z.string().optional(),
  groups: z.array(role),
  enabled: z.boolean(),
  /** Signed in at least once: as a Cognito user past FORCE_CHANGE_PASSWORD, it has no invitation to send again. */
  signedIn: z.literal(true).optional(),
});
type LocalAccount = z.infer<typeof accountSchema>;

/** The local user pool: what the local OIDC provider signs people in from, besides what the port asks of it. */
export interface LocalAccounts extends SignInAccounts {
  get(email: string): Promise<LocalAccount | undefined>;
  /** Seeds an account as it is (the demo's people). */
  put(account: SignInAccount): Promise<void>;
  /** The person signed in (the local provider says so): from now on there is no invitation to send again. */
  signedIn(email: string): Promise<void>;
}

/** Mails a person their invitation, as the Cognito pool does on AWS (functions/email/invitation.ts). */
export type SendInvitation = (person: { email: string; name: string }) => Promise<void>;

/**
 * The local stand-in for the Cognito user pool: one item per account in the table (`ACCOUNT#<email>`), changed by the
 * domain's own `applyAccountChange` — the meaning Cognito's admin calls are given in cognito-accounts.ts. Only the
 * local stack uses it. Given `invite`, it mails a newcomer's invitation (and a resent one) to the local inbox as
 * Cognito mails its own; without it (the stack's seeding, tests reading the pool) nothing is mailed.
 */
export const createTableAccounts = (
  doc: DynamoDBDocumentClient,
  tableName: string,
  invite?: SendInvitation,
): LocalAccounts => {
  const table = tableClient(doc, tableName);
  const get = async (email: string) => {
    const item = await table.get(keys.signInAccount(email));
    return item && accountSchema.parse(fromItem(item));
  };
  // Stored by the lower-cased email, as Cognito's pool matches sign-in names in any case (infra/auth.ts).
  const put = async (account: SignInAccount & { signedIn?: true }) => {
    const email = account.email.toLowerCase();
    await table.put({ Item: toItem(keys.signInAccount(email), {}, { ...account, email }) });
  };
  return {
    get,
    put,
    signedIn: async (email) => {
      const account = await get(email);
      if (account && !account.signedIn) await put({ ...account, signedIn: true });
    },
    find: async (emails) => {
      const found = await Promise.all(emails.map(get));
      return new Map(found.flatMap((account) => (account ? [[account.email, account] as const] : [])));
    },
    apply: async (changes, deadline = Infinity) => {
      for (const [i, change] of changes.entries()) {
        if (Date.now() > deadline)
          throw new AccountsUnavailable(
            `${i} of ${changes.length} accounts changed in time; send the same list again to finish`,
          );
        const before = await get(change.email);
        await put({ ...applyAccountChange(before, change), ...(before?.signedIn && { signedIn: true as const }) });
        // As Cognito: an invite that meets an existing account updates it, and mails nothing.
        if (change.kind === 'invite' && !before) await invite?.({ email: change.email, name: change.name });
      }
    },
    openInvitations: async (emails) => {
      const found = await Promise.all(emails.map(get));
      return {
        open: new Set(found.flatMap((account) => (account?.enabled && !account.signedIn ? [account.email] : []))),
        signedIn: new Set(found.flatMap((account) => (account?.signedIn ? [account.email] : []))),
      };
    },
    resendInvitation: async (email) => {
      const account = await get(email);
      if (!account) throw new NoInvitationToResend(email, 'no-account');
      if (account.signedIn) throw new NoInvitationToResend(email, 'signed-in');
      await invite?.(account);
    },
  };
};
