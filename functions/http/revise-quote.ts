import { buyerDecision } from '#application/buyer-decision.ts';
import { visibleRfq } from '#application/visibility.ts';
import { adapters } from './adapters.ts';
import { accepted } from './decided-view.ts';
import { decisionDeps } from './decision-deps.ts';
import { http } from './http.ts';
import { route } from './routes.ts';

export const handler = http(route('POST /rfqs/{rfqId}/revise'), async ({ params, body, caller }) => {
  const { store } = adapters();
  const rfq = await visibleRfq(store, params.rfqId, caller);
  await buyerDecision(
    rfq,
    caller,
    {
      decision: 'revise',
      comment: body.comment,
      quoteVersion: body.quoteVersion,
      ...(body.lines && { lines: body.lines }),
      ...(body.add && { add: body.add }),
    },
    decisionDeps(),
  );
  return accepted(store, rfq.rfqId, caller);
});
