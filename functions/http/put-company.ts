import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { badRequest } from './problem.ts';
import { route } from './routes.ts';
import { alignSignInAccounts } from './sign-in-accounts.ts';

/**
 * The seller's admin creates or replaces a company record. Its users are the people who sign in for it, so their
 * accounts are brought in line first, as `PUT /companies/{companyId}/users` does (sign-in-accounts.ts).
 */
export const handler = http(route('PUT /companies/{companyId}'), async ({ params, body, context }) => {
  if (body.companyId !== params.companyId)
    throw badRequest('the body is a different company', [
      { path: 'companyId', message: `must be ${params.companyId}` },
    ]);
  const { catalog } = adapters().store;
  const existing = await catalog.getCompany(params.companyId);
  await alignSignInAccounts(body.companyId, existing?.users ?? [], body.users, context);
  await catalog.putCompany(body);
  return { status: 200, body };
});
