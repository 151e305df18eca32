import { buyersOutsideCompany } from '#domain/budget.ts';
import { mayEditBudgets, mayWriteCompanySettings } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { badRequest, forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('PUT /companies/{companyId}/budgets'), async ({ params, body, caller }) => {
  const { catalog, budgets } = adapters().store;
  if (!mayEditBudgets(caller, params.companyId)) throw forbidden('only an admin of this company sets its budgets');
  const company = await catalog.getCompany(params.companyId);
  if (!company) throw notFound(`no company ${params.companyId}`);
  if (!mayWriteCompanySettings(caller, company)) throw forbidden('you are no longer an admin of this company');
  const strangers = buyersOutsideCompany(body.budgets, company.users);
  if (strangers.length > 0) throw badRequest('a budget names someone who is not a buyer of this company', strangers);
  await budgets.putBudgets(params.companyId, body);
  return { status: 200, body };
});
