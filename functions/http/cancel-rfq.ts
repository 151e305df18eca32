import { cancelRfq } from '#application/cancel-rfq.ts';
import { visibleRfq } from '#application/visibility.ts';
import { adapters } from './adapters.ts';
import { decisionDeps } from './decision-deps.ts';
import { http } from './http.ts';
import { readRfqView } from './rfq-view.ts';
import { route } from './routes.ts';

export const handler = http(route('POST /rfqs/{rfqId}/cancel'), async ({ params, body, caller }) => {
  const { store } = adapters();
  const rfq = await visibleRfq(store, params.rfqId, caller);
  const cancelled = await cancelRfq(rfq, caller, decisionDeps(), body?.reason);
  return { status: 202, body: await readRfqView(store, cancelled, caller) };
});
