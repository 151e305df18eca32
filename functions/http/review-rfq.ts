import { reviewAsRep } from '#application/review-as-rep.ts';
import { visibleRfq } from '#application/visibility.ts';
import { adapters } from './adapters.ts';
import { accepted } from './decided-view.ts';
import { decisionDeps } from './decision-deps.ts';
import { http } from './http.ts';
import { route } from './routes.ts';

export const handler = http(route('POST /rfqs/{rfqId}/review'), async ({ params, body, caller }) => {
  const { store } = adapters();
  const rfq = await visibleRfq(store, params.rfqId, caller);
  await reviewAsRep(rfq, caller, body, decisionDeps());
  return accepted(store, rfq.rfqId, caller);
});
