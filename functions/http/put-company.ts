import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { badRequest } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('PUT /companies/{companyId}'), async ({ params, body }) => {
  if (body.companyId !== params.companyId)
    throw badRequest('the body is a different company', [
      { path: 'companyId', message: `must be ${params.companyId}` },
    ]);
  await adapters().store.catalog.putCompany(body);
  return { status: 200, body };
});
