import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDeal } from './support/deal.ts';
import { clickLink, openLink } from './support/person.ts';
import { startWorld, type World } from './support/world.ts';

let world: World;
// The rep has 200 s per wait, run a hundred times faster: 2 s.
beforeAll(async () => {
  world = await startWorld({ timeScale: 0.01, env: { REVIEW_TIMEOUT_SECONDS: '200' } });
});
afterAll(() => world?.stop());

describe('a rep review nobody answers', () => {
  it('sends one reminder with a fresh link, then expires; buyer and rep are told, every link is dead', async () => {
    const deal = await aDeal(world);
    const { rfqId } = await world.submit(deal.rfq());
    const [first] = await world.linksArrive(deal.people.rep, 1);

    const reminder = await world.mailArrives(deal.people.rep, 'Reminder: Review quote');
    const [, second] = await world.linksArrive(deal.people.rep, 2);
    expect(reminder.text).toContain(second!);
    expect((await openLink(first!)).status).toBe(409);

    const expired = await world.statusReaches(rfqId, 'EXPIRED');
    expect(expired.quote?.version).toBe(1);
    const notice = await world.mailArrives(deal.people.buyer, `Request ${rfqId} expired`);
    expect(notice.text).toContain("the account rep's review");
    expect((await world.executionEnds(rfqId)).status).toBe('SUCCEEDED');
    expect((await clickLink(second!, { decision: 'approve' })).status).toBe(409);
    expect((await world.rfqOf(rfqId)).status).toBe('EXPIRED');

    const actions = (await world.store.rfqs.history(rfqId)).map((e) => e.action);
    expect(actions).toEqual([
      'submitted',
      'priced',
      'decision-requested',
      'reminder-sent',
      'expired',
      'emailed',
      'event-published',
    ]);
  });
});
