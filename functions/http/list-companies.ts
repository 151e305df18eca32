import { companyScope } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { companyListItem } from './company-list-view.ts';
import { http } from './http.ts';
import { forbidden } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /companies'), async ({ caller }) => {
  const scope = companyScope(caller);
  if (!scope) throw forbidden('only the seller’s admin and reps list companies');
  const { catalog } = adapters().store;
  const companies = scope.kind === 'all' ? await catalog.allCompanies() : await catalog.companiesOfRep(scope.repEmail);
  return { status: 200, body: { items: companies.map(companyListItem) } };
});
