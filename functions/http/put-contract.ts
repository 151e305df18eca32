import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { badRequest, notFound } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('PUT /companies/{companyId}/contract'), async ({ params, body }) => {
  if (body.companyId !== params.companyId)
    throw badRequest('the contract is for a different company', [
      { path: 'companyId', message: `must be ${params.companyId}` },
    ]);
  const { catalog } = adapters().store;
  if (!(await catalog.getCompany(params.companyId))) throw notFound(`no company ${params.companyId}`);
  await catalog.putContract(body);
  return { status: 200, body };
});
