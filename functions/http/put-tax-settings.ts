import { mayManageTaxSettings } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('PUT /tax/settings'), async ({ body, caller }) => {
  if (!mayManageTaxSettings(caller)) throw forbidden('only the seller’s admin sets the tax settings');
  await adapters().store.catalog.putTaxSettings(body);
  return { status: 200, body };
});
