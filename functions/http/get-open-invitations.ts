import { openInvitations } from '#application/open-invitations.ts';
import { mayManageCompanyUsers, mayWriteCompanySettings } from '#domain/policy.ts';
import { http } from './http.ts';
import { forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';
import { peopleDeps } from './sign-in-accounts.ts';

/** Whom the company screen offers "Send the invitation again": those of its people who have never signed in. */
export const handler = http(route('GET /companies/{companyId}/invitations'), async ({ params, caller }) => {
  if (!mayManageCompanyUsers(caller, params.companyId))
    throw forbidden('only an admin of this company invites its people');
  const deps = peopleDeps();
  const record = await deps.store.companies.get(params.companyId);
  if (!record) throw notFound(`no company ${params.companyId}`);
  if (!mayWriteCompanySettings(caller, record.company)) throw forbidden('you are no longer an admin of this company');
  return { status: 200, body: { open: await openInvitations(deps, record.company) } };
});
