import { readBudgetStanding } from '#application/budget-standing.ts';
import { mayReadBudgets, seesBudgetStanding } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /companies/{companyId}/budgets'), async ({ params, caller }) => {
  if (!mayReadBudgets(caller, params.companyId)) throw forbidden('only an admin of this company reads its budgets');
  const { store } = adapters();
  const [company, resource] = await Promise.all([
    store.catalog.getCompany(params.companyId),
    store.budgets.getBudgets(params.companyId),
  ]);
  if (!company) throw notFound(`no company ${params.companyId}`);
  const budgets = resource ?? { timeZone: 'UTC', fiscalYearStartMonth: 1, budgets: [] };
  if (!seesBudgetStanding(caller, params.companyId)) return { status: 200, body: budgets };
  const now = new Date();
  const buyers = company.users.filter((u) => u.roles.includes('buyer'));
  const standing = await Promise.all(
    buyers.map(async (buyer) =>
      (await readBudgetStanding(store, { companyId: company.companyId, buyerEmail: buyer.email }, now)).map((s) => ({
        buyerEmail: buyer.email,
        ...s,
      })),
    ),
  );
  return { status: 200, body: { ...budgets, standing: standing.flat() } };
});
