import {
  type CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Unavailable } from '#domain/errors.ts';
import { oauthScope } from '#domain/integration.ts';
import type { IntegrationClients } from './ports.ts';

/** An integration's access token lives an hour, as a person's: the client asks for a new one with its secret. */
const accessTokenMinutes = 60;

/**
 * Integration clients as Cognito app clients of the user pool: each its own client of the client-credentials grant,
 * with a generated secret, allowed the scopes of the pool's resource server (infra/auth.ts) it was given. Any failure
 * of the pool is Unavailable (the API answers 503 Retry-After).
 */
export const createCognitoClients = (
  client: Pick<CognitoIdentityProviderClient, 'send'>,
  userPoolId: string,
): IntegrationClients => ({
  async create(name, scopes) {
    const made = await client
      .send(
        new CreateUserPoolClientCommand({
          UserPoolId: userPoolId,
          ClientName: `integration ${name}`.slice(0, 128),
          GenerateSecret: true,
          AllowedOAuthFlows: ['client_credentials'],
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthScopes: scopes.map(oauthScope),
          AccessTokenValidity: accessTokenMinutes,
          TokenValidityUnits: { AccessToken: 'minutes' },
          EnableTokenRevocation: true,
          PreventUserExistenceErrors: 'ENABLED',
        }),
      )
      .catch((error: unknown) => {
        throw new Unavailable('the token issuer (Cognito) did not make the client; nothing was saved', 5, {
          cause: error,
        });
      });
    const { ClientId, ClientSecret } = made.UserPoolClient ?? {};
    if (!ClientId || !ClientSecret) throw new Unavailable('the token issuer (Cognito) answered no secret', 5);
    return { clientId: ClientId, clientSecret: ClientSecret };
  },
  async delete(clientId) {
    await client
      .send(new DeleteUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }))
      .catch((error: unknown) => {
        if (error instanceof Error && error.name === 'ResourceNotFoundException') return;
        throw new Unavailable('the token issuer (Cognito) did not delete the client', 5, { cause: error });
      });
  },
});
