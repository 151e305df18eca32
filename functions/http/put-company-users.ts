import { companyUsersProblems } from '#domain/company-users.ts';
import { mayManageCompanyUsers } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { badRequest, forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';
import { alignSignInAccounts } from './sign-in-accounts.ts';

/**
 * The company's own admin (or the seller's) replaces its users and their roles, and with them the people's sign-in
 * accounts (on AWS Cognito users with `custom:companyId` and groups; a newcomer gets an invitation email). The
 * accounts are brought in line first, then the list is saved (sign-in-accounts.ts says why).
 */
export const handler = http(route('PUT /companies/{companyId}/users'), async ({ params, body, caller, context }) => {
  if (!mayManageCompanyUsers(caller, params.companyId))
    throw forbidden('only an admin of this company manages its users');
  const { catalog } = adapters().store;
  const [company, rules] = await Promise.all([
    catalog.getCompany(params.companyId),
    catalog.getApprovalRules(params.companyId),
  ]);
  if (!company) throw notFound(`no company ${params.companyId}`);
  const problems = companyUsersProblems(body.users, rules);
  if (problems.length > 0) throw badRequest('these users cannot replace the company’s users', problems);
  await alignSignInAccounts(company.companyId, company.users, body.users, context);
  await catalog.putCompany({ ...company, users: body.users });
  return { status: 200, body: { users: body.users } };
});
