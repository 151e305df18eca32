import { etagOf, saveCompanyPeople } from '#application/company-people.ts';
import { mayManageCompanyUsers, mayWriteCompanySettings } from '#domain/policy.ts';
import { http } from './http.ts';
import { forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';
import { accountsDeadline, peopleDeps } from './sign-in-accounts.ts';

/**
 * The company's own admin (or the seller's) replaces its users and their roles, over the revision they read
 * (`If-Match`: 412 when somebody saved first), and with them the people's sign-in accounts (on AWS Cognito users with
 * `custom:companyId` and groups; a newcomer gets an invitation email), reconciled from the stored list
 * (company-people.ts). A company's admin counts as the stored list says now, not as their token said.
 */
export const handler = http(
  route('PUT /companies/{companyId}/users'),
  async ({ params, body, caller, headers, context }) => {
    if (!mayManageCompanyUsers(caller, params.companyId))
      throw forbidden('only an admin of this company manages its users');
    const deps = peopleDeps();
    // The record first: rules read after it are as new as its revision, or newer (then the save is 412).
    const record = await deps.store.companies.get(params.companyId);
    const rules = await deps.store.catalog.getApprovalRules(params.companyId);
    if (!record) throw notFound(`no company ${params.companyId}`);
    if (!mayWriteCompanySettings(caller, record.company)) throw forbidden('you are no longer an admin of this company');
    const saved = await saveCompanyPeople(
      deps,
      record,
      { ...record.company, users: body.users },
      {
        ifMatch: headers['if-match'],
        rules,
        adminRequired: true,
        deadline: accountsDeadline(context),
      },
    );
    return { status: 200, body: { users: saved.company.users }, headers: { etag: etagOf(saved.revision) } };
  },
);
