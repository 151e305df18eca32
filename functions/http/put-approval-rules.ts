import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { notFound } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('PUT /companies/{companyId}/approval-rules'), async ({ params, body }) => {
  const { catalog } = adapters().store;
  if (!(await catalog.getCompany(params.companyId))) throw notFound(`no company ${params.companyId}`);
  await catalog.putApprovalRules(params.companyId, body.rules);
  return { status: 200, body };
});
