import { mayCheckPoNumber } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { poNumberUsesView } from './po-number-uses-view.ts';
import { notFound } from './problem.ts';
import { route } from './routes.ts';

/** Before accepting: the company's other orders under the PO number typed, so a PO used twice is seen, not guessed. */
export const handler = http(route('GET /rfqs/{rfqId}/po-number-uses'), async ({ params, query, caller }) => {
  const { store } = adapters();
  const rfq = await store.rfqs.get(params.rfqId);
  if (!rfq || !mayCheckPoNumber(caller, rfq)) throw notFound(`no RFQ ${params.rfqId}`);
  const orders = await store.orders.withPoNumber(rfq.companyId, query.poNumber);
  return {
    status: 200,
    body: poNumberUsesView(
      query.poNumber,
      orders.filter((order) => order.rfqId !== rfq.rfqId),
    ),
  };
});
