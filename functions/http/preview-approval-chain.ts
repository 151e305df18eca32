import { previewChain } from '#domain/approval-preview.ts';
import { mayReadCompanySettings } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /companies/{companyId}/approval-chain'), async ({ params, query, caller }) => {
  if (!mayReadCompanySettings(caller, params.companyId)) throw forbidden('only an admin of this company previews it');
  const { catalog } = adapters().store;
  const [company, rules] = await Promise.all([
    catalog.getCompany(params.companyId),
    catalog.getApprovalRules(params.companyId),
  ]);
  if (!company) throw notFound(`no company ${params.companyId}`);
  return {
    status: 200,
    body: { total: query.total, currency: company.currency, levels: previewChain(rules, company, query.total) },
  };
});
