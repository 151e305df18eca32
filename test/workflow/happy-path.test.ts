import { beforeAll, describe, expect, it } from 'vitest';
import { orderIdFor } from '#domain/order.ts';
import { aDeal, type Deal } from './support/deal.ts';
import { buyerDecides } from './support/drive.ts';
import { clickLink, openLink } from './support/person.ts';
import { useWorld } from './support/world.ts';

const world = useWorld();
let deal: Deal;

beforeAll(async () => {
  deal = await aDeal(world);
});

describe('an RFQ from submission to order, decided from email links', () => {
  it('is priced, reviewed, quoted, accepted, approved by two levels and ordered — once', async () => {
    const { rfqId } = await world.submit(deal.rfq());

    const priced = await world.statusReaches(rfqId, 'IN_REVIEW');
    expect(priced.quote).toMatchObject({ version: 1, total: 995_00, unpricedLines: 0 });
    expect(priced.quote?.lines.map((l) => l.priceSource)).toEqual(['contract tier ≥ 10', 'list − 5% contract']);

    // The rep opens the link: the page shows the quote and decides nothing.
    const [review] = await world.linksArrive(deal.people.rep, 1);
    const page = await openLink(review!);
    expect(page.status).toBe(200);
    expect(page.html).toContain('contract tier ≥ 10');
    expect(page.html).toContain('Gasket &lt;PTFE&gt; &amp; &quot;seal&quot;');
    expect(page.html).toContain('name="price:VALVE"');
    expect((await world.rfqOf(rfqId)).status).toBe('IN_REVIEW');

    expect((await clickLink(review!, { decision: 'approve', comment: 'good to go' })).status).toBe(200);
    const quoted = await world.statusReaches(rfqId, 'QUOTED');
    expect(quoted.quote?.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const quoteMail = await world.mailArrives(deal.people.buyer, `Your quote ${rfqId} is ready`);
    expect(quoteMail.text).toContain('$995.00');

    await buyerDecides(world, quoted, deal.buyer, { decision: 'accept', poNumber: 'PO-4711' });
    const pending = await world.statusReaches(rfqId, 'PENDING_APPROVAL');
    expect(pending.poNumber).toBe('PO-4711');
    expect(pending.approvals.map((a) => [a.level, a.mode, a.approvers])).toEqual([
      [1, 'any', [deal.people.lead1, deal.people.lead2]],
      [2, 'any', [deal.people.finance]],
    ]);

    // Level 1: either lead may approve; the first click decides and the other lead's link dies.
    const [lead1] = await world.linksArrive(deal.people.lead1, 1);
    const [lead2] = await world.linksArrive(deal.people.lead2, 1);
    expect((await clickLink(lead1!, { decision: 'approve' })).status).toBe(200);
    expect((await clickLink(lead2!, { decision: 'approve' })).status).toBe(409);

    const [finance] = await world.linksArrive(deal.people.finance, 1);
    expect((await openLink(finance!)).status).toBe(200);
    expect((await clickLink(finance!, { decision: 'approve', comment: 'budget ok' })).status).toBe(200);

    const ordered = await world.statusReaches(rfqId, 'ORDERED');
    expect(ordered.orderId).toBe(orderIdFor(rfqId));
    const order = await world.store.orders.get(orderIdFor(rfqId));
    expect(order).toMatchObject({ rfqId, poNumber: 'PO-4711', total: 995_00, companyId: deal.company.companyId });

    const execution = await world.executionEnds(rfqId);
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.stateTransitions).toBeLessThanOrEqual(25);

    const created = world.events.events().filter((e) => e['detail-type'] === 'order.created');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ source: 'quote-to-order' });
    expect(created[0]!.detail).toMatchObject({
      orderId: order!.orderId,
      rfqId,
      poNumber: 'PO-4711',
      total: 995_00,
    });

    const history = await world.store.rfqs.history(rfqId);
    const moves = history.filter((e) => e.to !== undefined && e.from !== e.to).map((e) => `${e.action}:${e.to}`);
    expect(moves).toEqual([
      'submitted:SUBMITTED',
      'priced:IN_REVIEW',
      'quoted:QUOTED',
      'accepted:ACCEPTED',
      'approval-started:PENDING_APPROVAL',
      'approved:APPROVED',
      'ordered:ORDERED',
    ]);
    expect(await world.store.rfqs.verifyHistory(rfqId)).toEqual({ ok: true });

    await world.mailArrives(deal.people.buyer, `Order ${order!.orderId} confirmed (PO PO-4711)`);
    await world.executionEnds(rfqId);
    const confirmations = (await world.inbox.emailsTo(deal.people.buyer)).filter((m) => m.subject.startsWith('Order '));
    expect(confirmations).toHaveLength(1);
  });
});
