import { listIntegrations } from '#application/integrations.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { route } from './routes.ts';

/** The seller's integration clients, by name: never a secret. */
export const handler = http(route('GET /integrations'), async ({ caller }) => ({
  status: 200,
  body: { items: await listIntegrations({ integrations: adapters().store.integrations }, caller) },
}));
