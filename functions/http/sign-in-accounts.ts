import type { Context } from 'aws-lambda';
import { accountChanges, accountOwnerProblems, touchedEmails } from '#domain/account-changes.ts';
import type { CompanyUser } from '#domain/company.ts';
import { createCognitoAccounts } from '#functions/accounts/cognito-accounts.ts';
import { AccountsUnavailable, AccountTaken, type SignInAccounts } from '#functions/accounts/ports.ts';
import { createTableAccounts } from '#functions/accounts/table-accounts.ts';
import { cognitoClient } from '#functions/clients/cognito.ts';
import { documentClient } from '#functions/clients/dynamodb.ts';
import { perConfig } from './adapters.ts';
import { type FieldError, HttpProblem } from './problem.ts';

/**
 * The sign-in accounts the config names (`SIGN_IN_ACCOUNTS`): the Cognito user pool on AWS, the local pool in the
 * table otherwise. Only the handlers that replace a company's users import this module, so no other function bundles
 * the Cognito client (as decision-deps.ts keeps the Step Functions client to the handlers that decide).
 */
export const signInAccounts = /* @__PURE__ */ perConfig(
  (settings): SignInAccounts =>
    settings.SIGN_IN_ACCOUNTS === 'cognito' && settings.USER_POOL_ID
      ? createCognitoAccounts(cognitoClient(), settings.USER_POOL_ID)
      : createTableAccounts(documentClient(), settings.TABLE_NAME),
);

const taken = (errors: FieldError[]) =>
  new HttpProblem(409, 'Nothing was saved: a person listed already signs in elsewhere', errors);

/**
 * Brings the sign-in accounts of a company's people in line with its new list of users — newcomers invited, changed
 * people regrouped, leavers disabled — before the caller saves the list. Accounts first: the changes are measured
 * against the accounts as they are, so when the pool fails half-way (503 Retry-After, the old list still saved) the
 * same request again does what is left, and a saved list only ever names people whose accounts match it; a list too
 * long for one request is finished the same way. An account of another company or of the seller's staff is 409
 * naming `users.N.email`, and nothing changes.
 */
export const alignSignInAccounts = async (
  companyId: string,
  before: readonly CompanyUser[],
  after: readonly CompanyUser[],
  context: Pick<Context, 'getRemainingTimeInMillis'>,
): Promise<void> => {
  // Stop starting changes while there is time to answer (and to save nothing): the API gives up at 30 s.
  const deadline = Date.now() + context.getRemainingTimeInMillis() - 5_000;
  const pool = signInAccounts();
  try {
    const accounts = await pool.find(touchedEmails(before, after));
    const owned = accountOwnerProblems(companyId, after, accounts);
    if (owned.length > 0) throw taken(owned);
    await pool.apply(accountChanges(companyId, before, after, accounts), deadline);
  } catch (error) {
    if (error instanceof AccountTaken)
      throw taken(accountOwnerProblems(companyId, after, new Map([[error.email, {}]])));
    if (error instanceof AccountsUnavailable)
      throw new HttpProblem(503, error.message, undefined, { 'retry-after': '5' }, { cause: error });
    throw error;
  }
};
