import { mayWriteCatalog } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { badRequest, forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

/** The seller's admin, or the ERP with catalog.write, sets a company's pricing contract. */
export const handler = http(route('PUT /companies/{companyId}/contract'), async ({ params, body, caller }) => {
  if (!mayWriteCatalog(caller)) throw forbidden('writing contracts needs the seller’s admin or catalog.write');
  if (body.companyId !== params.companyId)
    throw badRequest('the contract is for a different company', [
      { path: 'companyId', message: `must be ${params.companyId}` },
    ]);
  const { catalog } = adapters().store;
  const company = await catalog.getCompany(params.companyId);
  if (!company) throw notFound(`no company ${params.companyId}`);
  // Every line of a company's quote is in its currency; a contract in another would price nothing.
  if (body.currency !== company.currency)
    throw badRequest('the contract is in another currency than the company', [
      { path: 'currency', message: `must be ${company.currency}, the company's currency` },
    ]);
  await catalog.putContract(body);
  return { status: 200, body };
});
