import { mayReadCompanySettings } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /companies/{companyId}'), async ({ params, caller }) => {
  if (!mayReadCompanySettings(caller, params.companyId)) throw forbidden('only an admin of this company reads it');
  const company = await adapters().store.catalog.getCompany(params.companyId);
  if (!company) throw notFound(`no company ${params.companyId}`);
  return { status: 200, body: company };
});
