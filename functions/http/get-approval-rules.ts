import { etagOf } from '#application/company-people.ts';
import { mayReadCompanySettings } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

/** The rules with the company's revision as `ETag` (users and rules share it): a rules save sends it as `If-Match`. */
export const handler = http(route('GET /companies/{companyId}/approval-rules'), async ({ params, caller }) => {
  if (!mayReadCompanySettings(caller, params.companyId))
    throw forbidden('only an admin of this company reads its rules');
  const { catalog, companies } = adapters().store;
  // The record first: rules read after it are as new as its revision, or newer (then the save is 412).
  const record = await companies.get(params.companyId);
  const rules = await catalog.getApprovalRules(params.companyId);
  if (!record) throw notFound(`no company ${params.companyId}`);
  return { status: 200, body: { rules }, headers: { etag: etagOf(record.revision) } };
});
