import { cognitoClient } from '#functions/clients/cognito.ts';
import { documentClient } from '#functions/clients/dynamodb.ts';
import { config } from '#functions/config.ts';
import { createCognitoAccounts } from './cognito-accounts.ts';
import type { SignInAccounts } from './ports.ts';
import { createTableAccounts } from './table-accounts.ts';

/**
 * The sign-in accounts the config names. Imported only by the handler that manages a company's users, so no other
 * function bundles the Cognito client. Building it is cheap (no I/O); the clients are built once per container.
 */
export const signInAccounts = (): SignInAccounts => {
  const { SIGN_IN_ACCOUNTS, USER_POOL_ID, TABLE_NAME } = config();
  return SIGN_IN_ACCOUNTS === 'cognito' && USER_POOL_ID
    ? createCognitoAccounts(cognitoClient(), USER_POOL_ID)
    : createTableAccounts(documentClient(), TABLE_NAME);
};
