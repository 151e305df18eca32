import { deleteIntegration } from '#application/integrations.ts';
import { http } from './http.ts';
import { integrationDeps } from './integration-deps.ts';
import { route } from './routes.ts';

/** Deletes an integration client: its tokens are refused from this answer on. */
export const handler = http(route('DELETE /integrations/{integrationId}'), async ({ params, caller }) => {
  await deleteIntegration(integrationDeps(), caller, params.integrationId);
  return { status: 204 };
});
