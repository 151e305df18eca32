import { openInvitations } from '#application/open-invitations.ts';
import { http } from './http.ts';
import { companyOfItsAdmin } from './people-admin.ts';
import { route } from './routes.ts';
import { peopleDeps } from './sign-in-accounts.ts';

/** Whom the company screen offers "Send the invitation again": those of its people who have never signed in. */
export const handler = http(route('GET /companies/{companyId}/invitations'), async ({ params, caller }) => {
  const deps = peopleDeps();
  const record = await companyOfItsAdmin(deps, caller, params.companyId);
  return { status: 200, body: { open: await openInvitations(deps, record.company) } };
});
