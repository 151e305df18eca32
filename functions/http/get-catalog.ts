import { canSee } from '#domain/access.ts';
import { dayOf } from '#domain/calendar.ts';
import { catalogEntries } from '#domain/catalog-prices.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { badRequest, notFound } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /catalog'), async ({ query, caller }) => {
  const { catalog } = adapters().store;
  const companyId = query.companyId ?? caller.companyId;
  if (!companyId)
    throw badRequest('name the company whose prices to show', [
      { path: 'query.companyId', message: 'required for seller staff' },
    ]);
  const company = await catalog.getCompany(companyId);
  if (!company || !canSee(caller, company)) throw notFound(`no company ${companyId}`);
  const [page, contract] = await Promise.all([
    catalog.activeProducts({
      ...(query.q && { q: query.q }),
      ...(query.category && { category: query.category }),
      ...(query.limit && { limit: query.limit }),
      ...(query.cursor && { cursor: query.cursor }),
    }),
    catalog.getContract(companyId),
  ]);
  const items = catalogEntries(page.items, {
    ...(contract && { contract }),
    currency: company.currency,
    on: dayOf(new Date().toISOString()),
  });
  return {
    status: 200,
    body: {
      companyId,
      companyName: company.name,
      currency: company.currency,
      items,
      ...(page.cursor && { cursor: page.cursor }),
    },
  };
});
