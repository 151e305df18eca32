import { createIntegration } from '#application/integrations.ts';
import { http } from './http.ts';
import { integrationDeps } from './integration-deps.ts';
import { route } from './routes.ts';

/** The seller's admin makes an integration client: its secret is in this answer and nowhere else. */
export const handler = http(route('POST /integrations'), async ({ body, caller }) => {
  const made = await createIntegration(integrationDeps(), caller, body);
  return { status: 201, body: made, headers: { location: `/integrations/${made.integrationId}` } };
});
