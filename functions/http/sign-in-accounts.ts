import type { Context } from 'aws-lambda';
import { createCognitoAccounts } from '#functions/accounts/cognito-accounts.ts';
import type { PeopleDeps } from '#functions/accounts/company-people.ts';
import {
  AccountsTakenElsewhere,
  AccountsUnavailable,
  AccountTaken,
  type SignInAccounts,
} from '#functions/accounts/ports.ts';
import { createTableAccounts } from '#functions/accounts/table-accounts.ts';
import { cognitoClient } from '#functions/clients/cognito.ts';
import { documentClient } from '#functions/clients/dynamodb.ts';
import { adapters, perConfig } from './adapters.ts';
import { HttpProblem } from './problem.ts';

/**
 * The sign-in accounts the config names (`SIGN_IN_ACCOUNTS`): the Cognito user pool on AWS, the local pool in the
 * table otherwise. Only the handlers that change a company's people import this module, so no other function bundles
 * the Cognito client (as decision-deps.ts keeps the Step Functions client to the handlers that decide).
 */
export const signInAccounts = /* @__PURE__ */ perConfig(
  (settings): SignInAccounts =>
    settings.SIGN_IN_ACCOUNTS === 'cognito' && settings.USER_POOL_ID
      ? createCognitoAccounts(cognitoClient(), settings.USER_POOL_ID)
      : createTableAccounts(documentClient(), settings.TABLE_NAME),
);

/** What the company-people use cases need, from the container's adapters. */
export const peopleDeps = (): PeopleDeps => ({
  store: adapters().store,
  accounts: signInAccounts(),
  now: () => new Date(),
});

/** Stop starting account changes while there is time to answer: the API gives up at 30 s. */
export const accountsDeadline = (context: Pick<Context, 'getRemainingTimeInMillis'>): number =>
  Date.now() + context.getRemainingTimeInMillis() - 5_000;

/**
 * The user pool's refusals as HTTP answers: a person who signs in elsewhere is 409 naming `users.N.email` (nothing
 * saved); a pool that fails or runs out of time is 503 with Retry-After — the list is saved and the people it left
 * pending are finished by the same request again (or by the next save).
 */
export const asPeopleProblem = (error: unknown): never => {
  if (error instanceof AccountsTakenElsewhere) throw new HttpProblem(409, error.message, error.errors);
  if (error instanceof AccountTaken)
    throw new HttpProblem(409, `${error.email} already signs in for another company or for the seller`);
  if (error instanceof AccountsUnavailable)
    throw new HttpProblem(
      503,
      `${error.message}; the list is saved, and sending it again finishes the sign-in accounts`,
      undefined,
      { 'retry-after': '5' },
      { cause: error },
    );
  throw error;
};
