import { visibleRfq } from '#application/visibility.ts';
import { threadView } from '#domain/comment.ts';
import { mayReadSellerNote } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /rfqs/{rfqId}/comments'), async ({ params, caller }) => {
  const { store } = adapters();
  const rfq = await visibleRfq(store, params.rfqId, caller);
  const comments = await store.rfqs.comments(rfq.rfqId);
  return { status: 200, body: { items: threadView(comments, mayReadSellerNote(caller, rfq)) } };
});
