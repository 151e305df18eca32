import { randomUUID } from 'node:crypto';
import { visibleRfq } from '#application/visibility.ts';
import { commentView } from '#domain/comment.ts';
import { mayPostComment, mayWriteSellerNote, threadRole } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('POST /rfqs/{rfqId}/comments'), async ({ params, body, caller }) => {
  const { store } = adapters();
  const rfq = await visibleRfq(store, params.rfqId, caller);
  if (!mayPostComment(caller, rfq)) throw forbidden('you may not write on this RFQ');
  if (body.visibility === 'seller' && !mayWriteSellerNote(caller, rfq))
    throw forbidden('only the seller’s staff write seller notes');
  const comment = {
    commentId: randomUUID(),
    rfqId: rfq.rfqId,
    at: new Date().toISOString(),
    author: caller.email,
    role: threadRole(caller, rfq),
    visibility: body.visibility,
    text: body.text,
    quoteVersion: rfq.quote?.version ?? null,
  };
  await store.rfqs.addComment(comment);
  return { status: 201, body: commentView(comment) };
});
