import { readBudgetStanding } from '#application/budget-standing.ts';
import { visibleRfq } from '#application/visibility.ts';
import { seesBudget } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { readRfqView } from './rfq-view.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /rfqs/{rfqId}'), async ({ params, caller }) => {
  const { store } = adapters();
  const rfq = await visibleRfq(store, params.rfqId, caller);
  const [view, budget] = await Promise.all([
    readRfqView(store, rfq, caller),
    // What the buyer has left if they accept now: the buyer company's people see it, seller staff never do.
    seesBudget(caller, rfq) ? readBudgetStanding(store, rfq, new Date()) : undefined,
  ]);
  return { status: 200, body: { ...view, ...(budget && { budget }) } };
});
