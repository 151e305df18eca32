import { listScope } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden } from './problem.ts';
import { rfqSummary, shownQuote } from './rfq-view.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /rfqs'), async ({ query, caller }) => {
  const { store } = adapters();
  const { rfqs } = store;
  const scope = listScope(caller);
  if (!scope) throw forbidden('your token names no company');
  const page =
    scope.kind === 'all'
      ? await rfqs.listAll(query)
      : scope.kind === 'rep'
        ? await rfqs.listByRep(scope.repEmail, query)
        : await rfqs.listByCompany(scope.companyId, query);
  const quotes = await Promise.all(page.items.map((rfq) => shownQuote(store, rfq, caller)));
  const items = page.items.map((rfq, i) => rfqSummary(rfq, quotes[i]));
  return { status: 200, body: { items, ...(page.cursor && { cursor: page.cursor }) } };
});
