import { buyerDecision } from '#application/buyer-decision.ts';
import { visibleRfq } from '#application/visibility.ts';
import { adapters } from './adapters.ts';
import { accepted } from './decided-view.ts';
import { decisionDeps } from './decision-deps.ts';
import { http } from './http.ts';
import { route } from './routes.ts';

export const handler = http(route('POST /rfqs/{rfqId}/accept'), async ({ params, body, caller }) => {
  const { store } = adapters();
  const rfq = await visibleRfq(store, params.rfqId, caller);
  await buyerDecision(
    rfq,
    caller,
    { decision: 'accept', poNumber: body.poNumber, quoteVersion: body.quoteVersion },
    decisionDeps(),
  );
  return accepted(store, rfq.rfqId, caller);
});
