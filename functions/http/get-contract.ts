import { mayReadContract } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /companies/{companyId}/contract'), async ({ params, caller }) => {
  if (!mayReadContract(caller)) throw forbidden('only the seller’s admin reads contracts');
  const contract = await adapters().store.catalog.getContract(params.companyId);
  if (!contract) throw notFound(`no contract for ${params.companyId}`);
  return { status: 200, body: contract };
});
