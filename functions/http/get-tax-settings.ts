import { mayManageTaxSettings } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /tax/settings'), async ({ caller }) => {
  if (!mayManageTaxSettings(caller)) throw forbidden('only the seller’s admin reads the tax settings');
  const settings = await adapters().store.catalog.getTaxSettings();
  if (!settings) throw notFound('no tax settings yet: quotes carry no tax until they are saved');
  return { status: 200, body: settings };
});
