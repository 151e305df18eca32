import { checkPrecondition, etagOf } from '#application/company-people.ts';
import { approversOutsideCompany } from '#domain/approval-rule.ts';
import { mayEditApprovalRules, mayWriteCompanySettings } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { badRequest, forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

/**
 * Replaces a company's approval rules over the company's revision (`If-Match`; the same lock as its users, so a rule
 * never names a person a concurrent users save took away: one of the two is 412).
 */
export const handler = http(
  route('PUT /companies/{companyId}/approval-rules'),
  async ({ params, body, caller, headers }) => {
    const { companies } = adapters().store;
    if (!mayEditApprovalRules(caller, params.companyId))
      throw forbidden('only an admin of this company edits its rules');
    const record = await companies.get(params.companyId);
    if (!record) throw notFound(`no company ${params.companyId}`);
    if (!mayWriteCompanySettings(caller, record.company)) throw forbidden('you are no longer an admin of this company');
    checkPrecondition(record, headers['if-match'], false);
    const strangers = approversOutsideCompany(body.rules, record.company.users);
    if (strangers.length > 0)
      throw badRequest('approvers must be users of this company with the approver role', strangers);
    const revision = await companies.saveRules(params.companyId, body.rules, record.revision);
    return { status: 200, body, headers: { etag: etagOf(revision) } };
  },
);
