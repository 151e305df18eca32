import { resendInvitation } from '#application/resend-invitation.ts';
import { http } from './http.ts';
import { companyOfItsAdmin } from './people-admin.ts';
import { notFound } from './problem.ts';
import { route } from './routes.ts';
import { peopleDeps } from './sign-in-accounts.ts';

/**
 * The company's admin (or the seller's) sends one of its people their invitation again, from the company screen:
 * a new temporary password, by the user pool's own mail (functions/application/resend-invitation.ts).
 */
export const handler = http(
  route('POST /companies/{companyId}/users/{email}/invitation'),
  async ({ params, caller }) => {
    const deps = peopleDeps();
    const record = await companyOfItsAdmin(deps, caller, params.companyId);
    if (!record.company.users.some((u) => u.email === params.email))
      throw notFound(`${params.email} is not one of ${params.companyId}’s people`);
    await resendInvitation(deps, record.company, params.email);
    return { status: 204 };
  },
);
