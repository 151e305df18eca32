import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { applyAccountChange, type SignInAccount } from '#domain/account-changes.ts';
import { role } from '#domain/company.ts';
import { fromItem, toItem } from '#store/item.ts';
import { keys } from '#store/keys.ts';
import { tableClient } from '#store/table-client.ts';
import { AccountsUnavailable, type SignInAccounts } from './ports.ts';

const accountSchema = z.object({
  email: z.string(),
  name: z.string(),
  companyId: z.string().optional(),
  groups: z.array(role),
  enabled: z.boolean(),
});

/** The local user pool: what the local OIDC provider signs people in from, besides what the port asks of it. */
export interface LocalAccounts extends SignInAccounts {
  get(email: string): Promise<SignInAccount | undefined>;
  /** Seeds an account as it is (the demo's people). */
  put(account: SignInAccount): Promise<void>;
}

/**
 * The local stand-in for the Cognito user pool: one item per account in the table (`ACCOUNT#<email>`), changed by the
 * domain's own `applyAccountChange` — the meaning Cognito's admin calls are given in cognito-accounts.ts. Only the
 * local stack uses it; no invitation is mailed, as every local user signs in with the local password.
 */
export const createTableAccounts = (doc: DynamoDBDocumentClient, tableName: string): LocalAccounts => {
  const table = tableClient(doc, tableName);
  const get = async (email: string) => {
    const item = await table.get(keys.signInAccount(email));
    return item && accountSchema.parse(fromItem(item));
  };
  // Stored by the lower-cased email, as Cognito's pool matches sign-in names in any case (infra/auth.ts).
  const put = async (account: SignInAccount) => {
    const email = account.email.toLowerCase();
    await table.put({ Item: toItem(keys.signInAccount(email), {}, { ...account, email }) });
  };
  return {
    get,
    put,
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
        await put(applyAccountChange(await get(change.email), change));
      }
    },
  };
};
