import { accountChanges, accountOwnerProblems, touchedEmails } from '#domain/account-changes.ts';
import { companyUsersProblems } from '#domain/company-users.ts';
import { mayManageCompanyUsers } from '#domain/policy.ts';

import { AccountsUnavailable, AccountTaken } from '#functions/accounts/ports.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { badRequest, forbidden, HttpProblem, notFound } from './problem.ts';
import { route } from './routes.ts';
import { signInAccounts } from './sign-in-accounts.ts';

const taken = (errors: { path: string; message: string }[]) =>
  new HttpProblem(409, 'a listed person already signs in for someone else; nothing was changed', errors);

/**
 * The company's own admin (or the seller's) replaces its users and their roles, and with them the people's sign-in
 * accounts: a newcomer is invited (on AWS a Cognito user with `custom:companyId` and groups, and an invitation email),
 * a changed person regrouped, a leaver disabled. Accounts first, then the record: the changes are measured against
 * the accounts as they are, so when the pool fails half-way (503, nothing recorded) the same PUT again does what is
 * left, and the record only ever names people whose accounts match it.
 */
export const handler = http(route('PUT /companies/{companyId}/users'), async ({ params, body, caller }) => {
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
  const pool = signInAccounts();
  try {
    const accounts = await pool.find(touchedEmails(company.users, body.users));
    const owned = accountOwnerProblems(company.companyId, body.users, accounts);
    if (owned.length > 0) throw taken(owned);
    await pool.apply(accountChanges(company.companyId, company.users, body.users, accounts));
  } catch (error) {
    if (error instanceof AccountTaken)
      throw taken(accountOwnerProblems(company.companyId, body.users, new Map([[error.email, {}]])));
    if (error instanceof AccountsUnavailable)
      throw new HttpProblem(503, error.message, undefined, { 'retry-after': '5' }, { cause: error });
    throw error;
  }
  await catalog.putCompany({ ...company, users: body.users });
  return { status: 200, body: { users: body.users } };
});
