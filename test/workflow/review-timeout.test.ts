import { describe, expect, it } from 'vitest';
import { aDeal } from './support/deal.ts';
import { clickLink, openLink } from './support/person.ts';
import { useWorld } from './support/world.ts';

// The rep has 200 s per wait and the sales manager 200 s after the escalation, run a hundred times faster: 2 s each.
const world = useWorld({ env: { REVIEW_TIMEOUT_SECONDS: '200', ESCALATION_TIMEOUT_SECONDS: '200' } });

describe('a rep review nobody answers, nor the sales manager it escalates to', () => {
  it('reminds the rep, escalates to the sales manager, and only then expires; everyone asked is told', async () => {
    const deal = await aDeal(world);
    const { rfqId } = await world.submit(deal.rfq());
    const [first] = await world.linksArrive(deal.people.rep, 1);

    const reminder = await world.mailArrives(deal.people.rep, 'Reminder: Review quote');
    const [, second] = await world.linksArrive(deal.people.rep, 2);
    expect(reminder.text).toContain(second!);
    expect((await openLink(first!)).status).toBe(409);

    const escalated = await world.mailArrives(deal.people.salesManager, `Escalated: review quote ${rfqId}`);
    const [managers] = await world.linksArrive(deal.people.salesManager, 1, rfqId);
    expect(escalated.text).toContain(managers!);
    expect(escalated.text).toContain(deal.people.rep);
    await world.mailArrives(deal.people.rep, 'Escalated to the sales manager');
    expect((await openLink(second!)).status).toBe(409);

    const expired = await world.statusReaches(rfqId, 'EXPIRED');
    expect(expired.quote?.version).toBe(1);
    const notice = await world.mailArrives(deal.people.buyer, `Request ${rfqId} expired`);
    expect(notice.text).toContain("the account rep's review");
    for (const asked of [deal.people.rep, deal.people.salesManager]) {
      const outcome = await world.mailArrives(asked, `Outcome: ${rfqId}`);
      expect(outcome.text).toContain('nobody decided in time, so the request expired');
    }
    expect((await world.executionEnds(rfqId)).status).toBe('SUCCEEDED');
    expect((await clickLink(managers!, { decision: 'approve' })).status).toBe(409);
    expect((await world.rfqOf(rfqId)).status).toBe('EXPIRED');

    const history = await world.store.rfqs.history(rfqId);
    expect(history.map((e) => e.action)).toEqual([
      'submitted',
      'priced',
      'emailed',
      'decision-requested',
      'reminder-sent',
      'escalated',
      'expired',
      'emailed',
      'emailed',
      'event-published',
    ]);
    expect(history.find((e) => e.action === 'escalated')?.detail).toMatchObject({
      purpose: 'rep-review',
      to: [deal.people.rep, deal.people.salesManager],
      escalatedTo: [deal.people.salesManager],
    });
  });
});
