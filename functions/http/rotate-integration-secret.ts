import { rotateSecret } from '#application/integrations.ts';
import { http } from './http.ts';
import { integrationDeps } from './integration-deps.ts';
import { route } from './routes.ts';

/** A new secret for an integration (a new client id with it); the old one's tokens are refused from now on. */
export const handler = http(route('POST /integrations/{integrationId}/secret'), async ({ params, caller }) => ({
  status: 200,
  body: await rotateSecret(integrationDeps(), caller, params.integrationId),
}));
