import type { Context } from 'aws-lambda';
import type { PeopleDeps } from '#application/company-people.ts';
import { invitationEmail } from '#email/invitation.ts';
import { createCognitoAccounts } from '#functions/accounts/cognito-accounts.ts';
import type { SignInAccounts } from '#functions/accounts/ports.ts';
import { createTableAccounts } from '#functions/accounts/table-accounts.ts';
import { cognitoClient } from '#functions/clients/cognito.ts';
import { documentClient } from '#functions/clients/dynamodb.ts';
import type { Config } from '#functions/config.ts';
import { appLinks } from '#rendering/app-links.ts';
import { adapters, perConfig } from './adapters.ts';
import { httpMailer } from './mailer.ts';

/** The local stack's pool, in the table: it mails the invitation itself, as Cognito does on AWS. */
const localPool = (settings: Config): SignInAccounts =>
  createTableAccounts(documentClient(), settings.TABLE_NAME, (person) =>
    httpMailer().send(
      invitationEmail({
        to: person.email,
        sellerName: settings.SELLER_NAME,
        appUrl: appLinks(settings.PUBLIC_BASE_URL).home,
        signIn: { kind: 'local', username: person.email, password: settings.LOCAL_SIGN_IN_PASSWORD },
      }),
    ),
  );

const noLocalPool = (): SignInAccounts => {
  throw new Error('a deployed function changes people in the user pool: set SIGN_IN_ACCOUNTS=cognito and USER_POOL_ID');
};

/**
 * The sign-in accounts the config names (`SIGN_IN_ACCOUNTS`): the Cognito user pool on AWS, the local pool in the
 * table otherwise. Only the handlers that change a company's people import this module, so no other function bundles
 * the Cognito client (as decision-deps.ts keeps the Step Functions client to the handlers that decide); a function
 * bundle leaves the local pool out (infra/bundling.ts), and with it the SES client.
 */
export const signInAccounts = /* @__PURE__ */ perConfig(
  (settings): SignInAccounts =>
    settings.SIGN_IN_ACCOUNTS === 'cognito' && settings.USER_POOL_ID
      ? createCognitoAccounts(cognitoClient(), settings.USER_POOL_ID)
      : process.env.BUNDLED_FOR_LAMBDA === 'true'
        ? noLocalPool()
        : localPool(settings),
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
