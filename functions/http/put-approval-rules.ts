import { approversOutsideCompany } from '#domain/approval-rule.ts';
import { mayEditApprovalRules } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { badRequest, forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('PUT /companies/{companyId}/approval-rules'), async ({ params, body, caller }) => {
  const { catalog } = adapters().store;
  if (!mayEditApprovalRules(caller, params.companyId)) throw forbidden('only an admin of this company edits its rules');
  const company = await catalog.getCompany(params.companyId);
  if (!company) throw notFound(`no company ${params.companyId}`);
  const strangers = approversOutsideCompany(body.rules, company.users);
  if (strangers.length > 0)
    throw badRequest('approvers must be users of this company with the approver role', strangers);
  await catalog.putApprovalRules(params.companyId, body.rules);
  return { status: 200, body };
});
