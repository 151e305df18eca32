import { etagOf } from '#application/company-people.ts';
import { movePerson } from '#application/move-person.ts';
import { mayMovePeople } from '#domain/policy.ts';
import { http } from './http.ts';
import { forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';
import { accountsDeadline, peopleDeps } from './sign-in-accounts.ts';

/**
 * The seller's admin puts one person in a company, moving them in the same step from the company they signed in for
 * (functions/application/move-person.ts): the answer is the destination's list with its new revision.
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
    );
    return { status: 200, body: { users: saved.company.users }, headers: { etag: etagOf(saved.revision) } };
  },
);
