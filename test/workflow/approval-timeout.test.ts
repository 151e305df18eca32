import { describe, expect, it } from 'vitest';
import { aDeal } from './support/deal.ts';
import { submitQuoteAndAccept } from './support/drive.ts';
import { clickLink } from './support/person.ts';
import { useWorld } from './support/world.ts';

// Each approval level waits 200 s, and 200 s more after its escalation, run a hundred times faster: 2 s.
const world = useWorld({ env: { APPROVAL_TIMEOUT_SECONDS: '200', ESCALATION_TIMEOUT_SECONDS: '200' } });

describe('an approval level nobody decides, nor the admin it escalates to', () => {
  it('reminds the level’s approvers once, escalates to the company’s admins, then expires the RFQ', async () => {
    const deal = await aDeal(world);
    const { rfqId } = await submitQuoteAndAccept(world, deal);
    const [first] = await world.linksArrive(deal.people.lead1, 1);
    await world.mailArrives(deal.people.lead1, 'Reminder: Approve purchase');
    await world.mailArrives(deal.people.lead2, 'Reminder: Approve purchase');
    await world.mailArrives(deal.people.admin, `Escalated: approve purchase ${rfqId}`);
    const [escalation] = await world.linksArrive(deal.people.admin, 1, rfqId);

    const expired = await world.statusReaches(rfqId, 'EXPIRED');
    expect(expired.approvals[0]?.decisions).toEqual([]);
    expect(expired.approvals[0]?.escalation?.to).toEqual([deal.people.admin]);
    await world.mailArrives(deal.people.buyer, `Request ${rfqId} expired`);
    for (const asked of [deal.people.lead1, deal.people.lead2, deal.people.admin]) {
      await world.mailArrives(asked, `Outcome: ${rfqId}`);
    }
    expect((await world.executionEnds(rfqId)).status).toBe('SUCCEEDED');
    expect((await clickLink(first!, { decision: 'approve' })).status).toBe(409);
    const [, reminded] = await world.linksArrive(deal.people.lead1, 2);
    expect((await clickLink(reminded!, { decision: 'approve' })).status).toBe(409);
    expect((await clickLink(escalation!, { decision: 'approve' })).status).toBe(409);
    expect(expired.orderId).toBeUndefined();
    // The chain stopped at the expired level: the second level (finance) was never asked.
    expect(await world.inbox.linksFor(deal.people.finance, rfqId)).toEqual([]);
    const history = await world.store.rfqs.history(rfqId);
    expect(history.filter((e) => e.action === 'reminder-sent').map((e) => e.detail?.to)).toEqual([
      [deal.people.lead1, deal.people.lead2],
    ]);
    expect(history.filter((e) => e.action === 'escalated').map((e) => e.detail?.to)).toEqual([
      [deal.people.lead1, deal.people.lead2, deal.people.admin],
    ]);
    const actions = history.map((e) => e.action);
    expect(actions.indexOf('expired')).toBeGreaterThan(actions.indexOf('escalated'));
    expect(history.find((e) => e.action === 'expired')).toMatchObject({
      from: 'PENDING_APPROVAL',
      to: 'EXPIRED',
      detail: { waitingFor: "the buyer company's approval" },
    });
  });
});
