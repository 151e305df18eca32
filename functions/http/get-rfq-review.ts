import { reviewDesk } from '#application/review-desk.ts';
import { visibleRfq } from '#application/visibility.ts';
import { reviewerRole } from '#domain/policy.ts';
import { config } from '#functions/config.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { reviewDeskView } from './review-desk-view.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /rfqs/{rfqId}/review'), async ({ params, caller }) => {
  const { store } = adapters();
  const rfq = await visibleRfq(store, params.rfqId, caller);
  const desk = await reviewDesk(rfq, caller, store, new Date());
  // The authority sentence speaks to whoever reads it: the account's rep, or a sales manager (who approves beyond it).
  const reader = reviewerRole(caller, rfq) === 'rep' ? 'rep' : 'sales-manager';
  return { status: 200, body: reviewDeskView(desk, config().MAX_REP_DISCOUNT_PERCENT, reader) };
});
