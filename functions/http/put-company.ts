import { etagOf, saveCompanyPeople } from '#application/company-people.ts';
import { endFormerRepDelegations } from '#application/rep-change.ts';
import { changedFields } from '#domain/company.ts';
import { erpCompanyFields, mayWriteCompanyRecord } from '#domain/policy.ts';
import { config } from '#functions/config.ts';
import { http } from './http.ts';
import { badRequest, HttpProblem } from './problem.ts';
import { route } from './routes.ts';
import { accountsDeadline, peopleDeps } from './sign-in-accounts.ts';

/**
 * The seller's admin creates or replaces a company record; the seller's ERP (`catalog.write`) changes what it keeps
 * of one (its customer number and addresses: the policy's `erpCompanyFields`). Its users are the people who sign in for it, so it is
 * saved as `PUT /companies/{companyId}/users` saves them: over the revision read (`If-Match`), accounts reconciled
 * from the stored list (company-people.ts). A rep it no longer has loses the delegations they held (rep-change.ts).
 */
export const handler = http(route('PUT /companies/{companyId}'), async ({ params, body, headers, caller, context }) => {
  if (body.companyId !== params.companyId)
    throw badRequest('the body is a different company', [
      { path: 'companyId', message: `must be ${params.companyId}` },
    ]);
  const deps = peopleDeps();
  // The record first: rules read after it are as new as its revision, or newer (then the save is 412).
  const record = await deps.store.companies.get(params.companyId);
  const changed = changedFields(record?.company, body);
  if (!mayWriteCompanyRecord(caller, changed))
    throw new HttpProblem(
      403,
      `catalog.write keeps only ${erpCompanyFields.join(' and ')} of a company the seller's admin set up`,
      changed
        .filter((field) => !erpCompanyFields.includes(field))
        .map((field) => ({ path: field, message: 'the seller’s admin sets this: send it as read' })),
    );
  const rules = await deps.store.catalog.getApprovalRules(params.companyId);
  const saved = await saveCompanyPeople(deps, record, body, {
    ifMatch: headers['if-match'],
    rules,
    // A company the seller's admin set up without an admin of its own may stay so; one that had an admin keeps one.
    adminRequired: record?.company.users.some((u) => u.roles.includes('admin')) === true,
    deadline: accountsDeadline(context),
  });
  const formerRep = record?.company.accountRepEmail;
  if (formerRep !== undefined && formerRep !== saved.company.accountRepEmail)
    await endFormerRepDelegations({ ...deps, salesManager: config().SALES_MANAGER_EMAIL }, formerRep);
  return { status: 200, body: saved.company, headers: { etag: etagOf(saved.revision) } };
});
