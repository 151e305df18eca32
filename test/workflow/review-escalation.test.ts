import { describe, expect, it } from 'vitest';
import { contractFetch } from '../e2e/contract.ts';
import { aDeal } from './support/deal.ts';
import { clickLink, openLink } from './support/person.ts';
import { useWorld } from './support/world.ts';

// The rep's review and its reminder wait 200 s each (2 s here); the escalation waits long enough for anyone to answer.
const world = useWorld({ env: { REVIEW_TIMEOUT_SECONDS: '200', ESCALATION_TIMEOUT_SECONDS: '9000' } });

/** Submitted, then nobody answers the rep's review nor its reminder: the sales manager's link arrives. */
const escalatedReview = async () => {
  const deal = await aDeal(world);
  const { rfqId } = await world.submit(deal.rfq());
  const [managers] = await world.linksArrive(deal.people.salesManager, 1, rfqId);
  return { deal, rfqId, managers: managers! };
};

describe('a rep review escalated to the sales manager', () => {
  it('is decided by the sales manager: the quote goes out, the rep is told, nothing expires', async () => {
    const { deal, rfqId, managers } = await escalatedReview();
    const page = await openLink(managers);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Reassign the review');

    expect((await clickLink(managers, { decision: 'approve', comment: 'Sent on the rep’s behalf' })).status).toBe(200);
    const quoted = await world.statusReaches(rfqId, 'QUOTED');
    expect(quoted.accountRepEmail).toBe(deal.people.rep);
    const outcome = await world.mailArrives(deal.people.rep, `Outcome: ${rfqId}`);
    expect(outcome.text).toContain(`${deal.people.salesManager} approved the quote`);
    const history = await world.store.rfqs.history(rfqId);
    expect(history.find((e) => e.action === 'reviewed')?.actor).toEqual({
      email: deal.people.salesManager,
      role: 'sales-manager',
    });
    expect(history.map((e) => e.action)).not.toContain('expired');
    // The rep's own link of the same wait died with the decision.
    const repLinks = await world.inbox.linksFor(deal.people.rep, 'Escalated to the sales manager');
    expect((await clickLink(repLinks[0]!, { decision: 'approve' })).status).toBe(409);
  });

  it('can still be decided by the rep from the escalated wait’s link; the sales manager is told', async () => {
    const { deal, rfqId, managers } = await escalatedReview();
    const [repLink] = await world.linksArrive(deal.people.rep, 1, 'Escalated to the sales manager');
    expect((await clickLink(repLink!, { decision: 'approve' })).status).toBe(200);
    await world.statusReaches(rfqId, 'QUOTED');
    const outcome = await world.mailArrives(deal.people.salesManager, `Outcome: ${rfqId}`);
    expect(outcome.text).toContain(`${deal.people.rep} approved the quote`);
    expect((await openLink(managers)).status).toBe(409);
  });

  it('is reassigned by the sales manager to another rep, who approves: the quote goes out', async () => {
    const { deal, rfqId, managers } = await escalatedReview();
    const colleague = `colleague@seller-${deal.company.companyId}.example`;
    const refused = await contractFetch(managers, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ decision: 'reassign', reassignTo: deal.people.rep }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: [{ path: 'reassignTo' }] });

    const reassigned = await contractFetch(managers, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ decision: 'reassign', reassignTo: colleague }).toString(),
    });
    expect(reassigned.status).toBe(200);
    expect(await reassigned.text()).toContain('Reassigned');

    const [review] = await world.linksArrive(colleague, 1, rfqId);
    expect((await clickLink(review!, { decision: 'approve' })).status).toBe(200);
    const quoted = await world.statusReaches(rfqId, 'QUOTED');
    expect(quoted.accountRepEmail).toBe(colleague);
    await world.mailArrives(deal.people.rep, `Outcome: ${rfqId}`);
    const history = await world.store.rfqs.history(rfqId);
    expect(history.find((e) => e.action === 'review-reassigned')).toMatchObject({
      actor: { email: deal.people.salesManager, role: 'sales-manager' },
      detail: { from: deal.people.rep, to: colleague },
    });
    expect(history.map((e) => e.action)).not.toContain('expired');
  });
});
