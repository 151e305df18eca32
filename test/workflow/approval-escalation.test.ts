import { describe, expect, it } from 'vitest';
import { decidePurchaseApproval } from '#application/decide-purchase-approval.ts';
import type { Caller } from '#domain/caller.ts';
import { aDeal } from './support/deal.ts';
import { submitQuoteAndAccept } from './support/drive.ts';
import { clickLink, openLink } from './support/person.ts';
import { useWorld } from './support/world.ts';

// A level and its reminder wait 200 s each (2 s here); the escalation waits long enough for anyone to answer.
const world = useWorld({ env: { APPROVAL_TIMEOUT_SECONDS: '200', ESCALATION_TIMEOUT_SECONDS: '9000' } });

describe('an approval level escalated after its reminder', () => {
  it('goes to the contact its rule names, whose approval decides the whole `all` level: ordered, not expired', async () => {
    const deal = await aDeal(world, { rules: 'all-of-two-escalating-to-finance' });
    const { rfqId } = await submitQuoteAndAccept(world, deal);
    const escalated = await world.mailArrives(deal.people.finance, `Escalated: approve purchase ${rfqId}`);
    expect(escalated.text).toContain(`asked: ${deal.people.lead1}, ${deal.people.lead2}`);
    const [contact] = await world.linksArrive(deal.people.finance, 1, rfqId);
    expect((await openLink(contact!)).status).toBe(200);
    expect((await world.inbox.linksFor(deal.people.admin, rfqId)).length).toBe(0);

    expect((await clickLink(contact!, { decision: 'approve', comment: 'Both leads are away' })).status).toBe(200);
    const ordered = await world.statusReaches(rfqId, 'ORDERED');
    expect(ordered.approvals[0]).toMatchObject({
      status: 'APPROVED',
      escalation: { to: [deal.people.finance] },
      decisions: [{ approver: deal.people.finance, decision: 'approve', comment: 'Both leads are away' }],
    });
    for (const asked of [deal.people.lead1, deal.people.lead2]) {
      const outcome = await world.mailArrives(asked, `Outcome: ${rfqId}`);
      expect(outcome.text).toContain(`level 1 was approved (${deal.people.finance} decided)`);
    }
    const history = await world.store.rfqs.history(rfqId);
    expect(history.map((e) => e.action)).not.toContain('expired');
    expect(history.find((e) => e.action === 'approval-escalated')?.detail).toEqual({
      level: 1,
      to: [deal.people.finance],
    });
  });

  it('goes to the company’s admins when the rule names nobody; an admin rejects it in the app', async () => {
    const deal = await aDeal(world, { rules: 'all-of-two' });
    const { rfqId } = await submitQuoteAndAccept(world, deal);
    await world.linksArrive(deal.people.admin, 1, rfqId);
    const admin: Caller = {
      sub: `sub-${deal.people.admin}`,
      email: deal.people.admin,
      groups: ['approver'],
      companyId: deal.company.companyId,
      companyAdmin: true,
    };
    const pending = await world.rfqOf(rfqId);
    const answer = await decidePurchaseApproval(
      pending,
      admin,
      { decision: 'reject', comment: 'Not this quarter', quoteVersion: pending.quote!.version },
      world.decisions,
    );
    expect(answer.kind).toBe('decided');

    const rejected = await world.statusReaches(rfqId, 'APPROVAL_REJECTED');
    expect(rejected.approvals[0]?.decisions).toEqual([
      expect.objectContaining({ approver: deal.people.admin, decision: 'reject' }),
    ]);
    await world.mailArrives(deal.people.buyer, `Purchase ${rfqId} was not approved`);
    for (const asked of [deal.people.lead1, deal.people.lead2]) {
      await world.mailArrives(asked, `Outcome: ${rfqId}`);
    }
  });
});
