import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { config } from '../config.ts';
import { clientOptions, once } from './once.ts';

/** Only the function that manages a company's users bundles it (functions/http/sign-in-accounts.ts). */
export const cognitoClient = once(() => new CognitoIdentityProviderClient(clientOptions(config().COGNITO_ENDPOINT)));
