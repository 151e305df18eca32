import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDeal } from './support/deal.ts';
import { submitQuoteAndAccept } from './support/drive.ts';
import { clickLink } from './support/person.ts';
import { startWorld, type World } from './support/world.ts';

let world: World;
// Each approval level waits 200 s, run a hundred times faster: 2 s.
beforeAll(async () => {
  world = await startWorld({ timeScale: 0.01, env: { APPROVAL_TIMEOUT_SECONDS: '200' } });
});
afterAll(() => world?.stop());

describe('an approval level nobody decides', () => {
  it('reminds the level’s approvers once with fresh links, then expires the RFQ', async () => {
    const deal = await aDeal(world);
    const { rfqId } = await submitQuoteAndAccept(world, deal);
    const [first] = await world.linksArrive(deal.people.lead1, 1);
    await world.mailArrives(deal.people.lead1, 'Reminder: Approve purchase');
    await world.mailArrives(deal.people.lead2, 'Reminder: Approve purchase');

    const expired = await world.statusReaches(rfqId, 'EXPIRED');
    expect(expired.approvals[0]?.decisions).toEqual([]);
    await world.mailArrives(deal.people.buyer, `Request ${rfqId} expired`);
    expect((await world.executionEnds(rfqId)).status).toBe('SUCCEEDED');
    expect((await clickLink(first!, { decision: 'approve' })).status).toBe(409);
    const [, reminded] = await world.linksArrive(deal.people.lead1, 2);
    expect((await clickLink(reminded!, { decision: 'approve' })).status).toBe(409);
    expect(expired.orderId).toBeUndefined();
    const history = await world.store.rfqs.history(rfqId);
    expect(history.filter((e) => e.action === 'reminder-sent').map((e) => e.detail?.to)).toEqual([
      [deal.people.lead1, deal.people.lead2],
    ]);
    expect(history.find((e) => e.action === 'expired')).toMatchObject({
      from: 'PENDING_APPROVAL',
      to: 'EXPIRED',
      detail: { waitingFor: "the buyer company's approval" },
    });
  });
});
