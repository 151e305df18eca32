import { mayMovePeople } from '#domain/policy.ts';
import { etagOf } from '#functions/accounts/company-people.ts';
import { LeavingRefused, movePerson } from '#functions/accounts/move-person.ts';
import { http } from './http.ts';
import { forbidden, HttpProblem, notFound } from './problem.ts';
import { route } from './routes.ts';
import { accountsDeadline, asPeopleProblem, peopleDeps } from './sign-in-accounts.ts';

/**
 * The seller's admin puts one person in a company, moving them in the same step from the company they signed in for
 * (functions/accounts/move-person.ts): the answer is the destination's list with its new revision.
 */
export const handler = http(
  route('PUT /companies/{companyId}/users/{email}'),
  async ({ params, body, caller, headers, context }) => {
    if (!mayMovePeople(caller)) throw forbidden('only the seller’s admin moves people between companies');
    const deps = peopleDeps();
    const record = await deps.store.companies.get(params.companyId);
    if (!record) throw notFound(`no company ${params.companyId}`);
    const saved = await movePerson(
      deps,
      record,
      { email: params.email, ...body },
      { ifMatch: headers['if-match'], deadline: accountsDeadline(context) },
    ).catch((error: unknown) => {
      if (error instanceof LeavingRefused) throw new HttpProblem(409, error.message, error.errors);
      return asPeopleProblem(error);
    });
    return { status: 200, body: { users: saved.company.users }, headers: { etag: etagOf(saved.revision) } };
  },
);
