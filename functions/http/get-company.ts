import { etagOf } from '#application/company-people.ts';
import { mayReadCompanyRecord } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

/**
 * The company with its revision as `ETag`: what a save of its record, users or rules sends back as `If-Match` — the
 * ERP's too, which reads it to save back what it keeps of it.
 */
export const handler = http(route('GET /companies/{companyId}'), async ({ params, caller }) => {
  if (!mayReadCompanyRecord(caller, params.companyId)) throw forbidden('only an admin of this company reads it');
  const record = await adapters().store.companies.get(params.companyId);
  if (!record) throw notFound(`no company ${params.companyId}`);
  return { status: 200, body: record.company, headers: { etag: etagOf(record.revision) } };
});
