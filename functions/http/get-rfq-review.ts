import { config } from '#functions/config.ts';
import { reviewDesk } from '../decisions/review-desk.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { reviewDeskView } from './review-desk-view.ts';
import { route } from './routes.ts';
import { visibleRfq } from './visibility.ts';

export const handler = http(route('GET /rfqs/{rfqId}/review'), async ({ params, caller }) => {
  const { store } = adapters();
  const rfq = await visibleRfq(store, params.rfqId, caller);
  const desk = await reviewDesk(rfq, caller, store, new Date());
  return { status: 200, body: reviewDeskView(desk, config().MAX_REP_DISCOUNT_PERCENT) };
});
