import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { rfqView } from './rfq-view.ts';
import { route } from './routes.ts';
import { visibleRfq } from './visibility.ts';

export const handler = http(route('GET /rfqs/{rfqId}'), async ({ params, caller }) => {
  const { store } = adapters();
  const rfq = await visibleRfq(store, params.rfqId, caller);
  return { status: 200, body: rfqView(rfq, caller, await store.rfqs.history(rfq.rfqId)) };
});
