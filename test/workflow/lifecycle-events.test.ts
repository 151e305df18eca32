import { describe, expect, it } from 'vitest';
import { lifecycleEvents } from '#steps/lifecycle-events.ts';
import { handler as recordBuyerDecision } from '#steps/record-buyer-decision.ts';
import { aDeal } from './support/deal.ts';
import { buyerDecides, submitAndQuote } from './support/drive.ts';
import { clickLink } from './support/person.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({
  replace: {
    RecordBuyerDecisionFunctionArn: async (event: { buyer?: { poNumber?: string } }) => {
      if (event.buyer?.poNumber === 'PO-BREAKS') throw new Error('the PO could not be recorded');
      return recordBuyerDecision(event);
    },
  },
});

/** The lifecycle events published for one RFQ, in order, with their parsed detail. */
const eventsOf = (rfqId: string) =>
  world.events
    .events()
    .filter((event) => event.source === 'quote-to-order' && (event.detail as { rfqId?: string }).rfqId === rfqId)
    .map((event) => ({ type: event['detail-type'], detail: event.detail as Record<string, unknown> }));

describe('lifecycle events for a CRM', () => {
  it('a quote that goes out and is accepted: quote.sent, quote.accepted, order.created — each once', async () => {
    const deal = await aDeal(world, { rules: 'none' });
    const quoted = await submitAndQuote(world, deal);
    await buyerDecides(world, quoted, deal.buyer, { decision: 'accept', poNumber: 'PO-77' });
    await world.statusReaches(quoted.rfqId, 'ORDERED');
    await world.executionEnds(quoted.rfqId);

    const events = eventsOf(quoted.rfqId);
    expect(events.map((event) => event.type)).toEqual(['quote.sent', 'quote.accepted', 'order.created']);
    expect(events[0]?.detail).toEqual({
      eventKey: 'event:quote.sent:v1',
      rfqId: quoted.rfqId,
      companyId: deal.company.companyId,
      buyerEmail: deal.buyer.email,
      status: 'QUOTED',
      quoteVersion: 1,
      currency: quoted.quote?.currency,
      total: quoted.quote?.total,
      taxTotal: quoted.quote?.taxTotal,
      grandTotal: quoted.quote?.grandTotal,
      validUntil: quoted.quote?.validUntil,
    });
    expect(events[1]?.detail).toMatchObject({
      eventKey: 'event:quote.accepted:v1',
      status: 'ACCEPTED',
      poNumber: 'PO-77',
      by: deal.buyer.email,
    });
    const history = await world.store.rfqs.history(quoted.rfqId);
    expect(history.filter((event) => event.action === 'event-published').map((e) => e.detail?.detailType)).toEqual([
      'quote.sent',
      'quote.accepted',
      'order.created',
    ]);
  });

  it('a declined quote: quote.declined with the reason; a rep’s rejection: rfq.rejected', async () => {
    const deal = await aDeal(world);
    const quoted = await submitAndQuote(world, deal);
    await buyerDecides(world, quoted, deal.buyer, { decision: 'decline', reason: 'over budget' });
    await world.executionEnds(quoted.rfqId);
    expect(eventsOf(quoted.rfqId).map((e) => [e.type, e.detail.status, e.detail.reason])).toEqual([
      ['quote.sent', 'QUOTED', undefined],
      ['quote.declined', 'DECLINED', 'over budget'],
    ]);

    const other = await aDeal(world);
    const { rfqId } = await world.submit(other.rfq());
    const [review] = await world.linksArrive(other.people.rep, 1);
    expect((await clickLink(review!, { decision: 'reject', comment: 'we do not sell that' })).status).toBe(200);
    await world.executionEnds(rfqId);
    expect(eventsOf(rfqId)).toEqual([
      {
        type: 'rfq.rejected',
        detail: expect.objectContaining({
          status: 'REJECTED',
          comment: 'we do not sell that',
          eventKey: 'event:rfq.rejected:final',
        }),
      },
    ]);
  });

  it('an RFQ that fails: rfq.failed naming the error', async () => {
    const deal = await aDeal(world);
    const quoted = await submitAndQuote(world, deal);
    await buyerDecides(world, quoted, deal.buyer, { decision: 'accept', poNumber: 'PO-BREAKS' });
    await world.statusReaches(quoted.rfqId, 'FAILED');
    await world.executionEnds(quoted.rfqId);
    expect(eventsOf(quoted.rfqId).map((e) => [e.type, e.detail.status, e.detail.error])).toEqual([
      ['quote.sent', 'QUOTED', undefined],
      ['rfq.failed', 'FAILED', 'Error'],
    ]);
  });

  it('publishes only the documented event types', () => {
    const published = new Set(world.events.events().map((event) => event['detail-type']));
    for (const type of published) expect([...lifecycleEvents, 'order.created']).toContain(type);
  });
});
