import { describe, expect, it, vi } from 'vitest';
import { cancelRfq } from '#application/cancel-rfq.ts';
import { decidePurchaseApproval } from '#application/decide-purchase-approval.ts';
import { RetryLater } from '#domain/errors.ts';
import { handler as requestApproval } from '#steps/request-approval.ts';
import { aDeal } from './support/deal.ts';
import { submitQuoteAndAccept } from './support/drive.ts';
import { aHeldRetry } from './support/held-retry.ts';
import { clickLink, openLink } from './support/person.ts';
import { useWorld } from './support/world.ts';

/** RequestApproval fails once after it sent the level's approvers their links, for the RFQs a test holds. */
const requestApprovalHeld = aHeldRetry(requestApproval);
const world = useWorld({ replace: { RequestApprovalFunctionArn: requestApprovalHeld.lambda } });

describe("the buyer company's approval chain", () => {
  it('ends in APPROVAL_REJECTED when finance rejects at level 2, and no order is made', async () => {
    const deal = await aDeal(world);
    const { rfqId } = await submitQuoteAndAccept(world, deal);
    const [lead2] = await world.linksArrive(deal.people.lead2, 1);
    expect((await clickLink(lead2!, { decision: 'approve' })).status).toBe(200);
    const [finance] = await world.linksArrive(deal.people.finance, 1);
    expect((await clickLink(finance!, { decision: 'reject', comment: 'over budget' })).status).toBe(200);

    const rejected = await world.statusReaches(rfqId, 'APPROVAL_REJECTED');
    expect(rejected.approvals.map((a) => a.status)).toEqual(['APPROVED', 'REJECTED']);
    expect(rejected.approvals[1]?.decisions).toMatchObject([
      { approver: deal.people.finance, decision: 'reject', comment: 'over budget' },
    ]);
    const mail = await world.mailArrives(deal.people.buyer, `Purchase ${rfqId} was not approved`);
    expect(mail.text).toContain('over budget');
    expect((await world.executionEnds(rfqId)).status).toBe('SUCCEEDED');
    expect(rejected.orderId).toBeUndefined();
    expect(
      world.events
        .events()
        .filter((e) => e['detail-type'] === 'order.created' && JSON.stringify(e.detail).includes(rfqId)),
    ).toHaveLength(0);
  });

  it('reads the levels after a rejected one as not needed, never waiting, on GET /rfqs/{rfqId}', async () => {
    const deal = await aDeal(world);
    const { rfqId } = await submitQuoteAndAccept(world, deal);
    const [lead1] = await world.linksArrive(deal.people.lead1, 1);
    expect((await clickLink(lead1!, { decision: 'reject', comment: 'not this quarter' })).status).toBe(200);
    await world.statusReaches(rfqId, 'APPROVAL_REJECTED');

    const read = await world.call('GET', `/rfqs/${rfqId}`, { as: deal.buyer });
    expect(read.status, read.text).toBe(200);
    expect(read.body.approvals.map((a: { status: string }) => a.status)).toEqual(['REJECTED', 'NOT_NEEDED']);
    expect(read.body.approvals[1].decisions).toEqual([]);
  });

  it('needs every approver of an `all` level: the first approval is recorded, the second completes it', async () => {
    const deal = await aDeal(world, { rules: 'all-of-two' });
    const { rfqId } = await submitQuoteAndAccept(world, deal);
    const [lead1] = await world.linksArrive(deal.people.lead1, 1);
    const [lead2] = await world.linksArrive(deal.people.lead2, 1);

    const first = await clickLink(lead1!, { decision: 'approve' });
    expect(first.status).toBe(202);
    expect(first.html).toContain(deal.people.lead2);
    expect((await world.rfqOf(rfqId)).status).toBe('PENDING_APPROVAL');

    expect((await clickLink(lead2!, { decision: 'approve' })).status).toBe(200);
    const ordered = await world.statusReaches(rfqId, 'ORDERED');
    expect(ordered.approvals[0]?.decisions.map((d) => d.approver).sort()).toEqual(
      [deal.people.lead1, deal.people.lead2].sort(),
    );
    const approved = (await world.store.rfqs.history(rfqId)).find((e) => e.action === 'approved');
    expect(approved).toMatchObject({ from: 'PENDING_APPROVAL', to: 'APPROVED' });
    expect(approved?.detail?.decisions).toHaveLength(2);
  });

  it('an `all` level whose wait times out after one approval was recorded asks only the rest again, and counts the recorded one', async () => {
    const deal = await aDeal(world, { rules: 'all-of-two' });
    const { rfqId } = await submitQuoteAndAccept(world, deal);
    const [lead1] = await world.linksArrive(deal.people.lead1, 1);
    await world.linksArrive(deal.people.lead2, 1);
    expect((await clickLink(lead1!, { decision: 'approve' })).status).toBe(202);

    // The level's wait times out — answered as Step Functions answers a task past its TimeoutSeconds (States.Timeout,
    // which the ASL catches into RemindApprovers), so the test need not wait out the clock.
    const open = (await world.store.links.listForRfq(rfqId)).find((l) => l.status === 'PENDING');
    await world.workflow.fail(open!.taskToken, 'States.Timeout', 'the level waited too long');

    const [, reminded] = await world.linksArrive(deal.people.lead2, 2, rfqId);
    // The reminder is marked once its mail is out.
    await vi.waitFor(
      async () => {
        const history = await world.store.rfqs.history(rfqId);
        expect(history.filter((e) => e.action === 'reminder-sent').map((e) => e.detail?.to)).toEqual([
          [deal.people.lead2],
        ]);
      },
      { timeout: 30_000, interval: 25 },
    );
    expect(await world.inbox.linksFor(deal.people.lead1, rfqId)).toHaveLength(1);
    expect((await clickLink(reminded!, { decision: 'approve' })).status).toBe(200);
    const ordered = await world.statusReaches(rfqId, 'ORDERED');
    expect(ordered.approvals[0]?.decisions.map((d) => d.approver).sort()).toEqual(
      [deal.people.lead1, deal.people.lead2].sort(),
    );
  });

  it('stops when the buyer cancels during the chain: CANCELLED, execution stopped, every link dead', async () => {
    const deal = await aDeal(world);
    const pending = await submitQuoteAndAccept(world, deal);
    const [lead1] = await world.linksArrive(deal.people.lead1, 1);

    const cancelled = await cancelRfq(
      await world.rfqOf(pending.rfqId),
      deal.buyer,
      world.decisions,
      'project cancelled',
    );
    expect(cancelled.status).toBe('CANCELLED');
    expect((await world.executionEnds(pending.rfqId)).status).toBe('ABORTED');
    expect((await openLink(lead1!)).status).toBe(409);
    expect((await clickLink(lead1!, { decision: 'approve' })).status).toBe(409);
    expect((await world.rfqOf(pending.rfqId)).status).toBe('CANCELLED');
    const history = await world.store.rfqs.history(pending.rfqId);
    const moves = history.filter((e) => e.to !== undefined && e.from !== e.to);
    expect(moves.at(-1)).toMatchObject({ action: 'cancelled', from: 'PENDING_APPROVAL', to: 'CANCELLED' });
  });
});

describe('an approval level whose approvers’ mail bounces', () => {
  it('escalates at once, without waiting for its timeout, and the rep and the company’s admin are told', async () => {
    const deal = await aDeal(world, { bouncing: ['lead1', 'lead2'] });
    const { rfqId } = await submitQuoteAndAccept(world, deal);

    // The level waits 72 h (43 min here): only the bounces can bring the escalation this soon.
    const escalated = await world.mailArrives(deal.people.admin, `Escalated: approve purchase ${rfqId}`);
    expect(escalated.text).toContain(
      `could not reach anyone: mail to ${deal.people.lead1}, ${deal.people.lead2} bounced`,
    );
    for (const told of [deal.people.rep, deal.people.admin]) {
      // One notice per bounce; whichever came second found the level reaching nobody and escalated it.
      const notices = [
        await world.mailArrives(told, `Mail to ${deal.people.lead1} bounced: ${rfqId}`),
        await world.mailArrives(told, `Mail to ${deal.people.lead2} bounced: ${rfqId}`),
      ];
      for (const notice of notices) {
        expect(notice.text).toContain(`Message: Approve purchase ${rfqId}`);
        expect(notice.text).toContain('smtp; 550 5.1.1 user unknown');
      }
      expect(notices.map((n) => n.text).join()).toContain("went to the level's escalation contacts at once");
    }
    const history = await world.store.rfqs.history(rfqId);
    expect(history.map((e) => e.action)).not.toContain('reminder-sent');
    expect(history.find((e) => e.action === 'recipients-bounced')?.detail).toMatchObject({
      purpose: 'approval-level',
      level: 1,
      bounced: expect.arrayContaining([deal.people.lead1, deal.people.lead2]),
    });
    expect(await world.store.mail.suppressed([deal.people.lead1, deal.people.lead2])).toHaveProperty('size', 2);

    const [contact] = await world.linksArrive(deal.people.admin, 1, rfqId);
    expect((await clickLink(contact!, { decision: 'approve' })).status).toBe(200);
    const [finance] = await world.linksArrive(deal.people.finance, 1, rfqId);
    expect((await clickLink(finance!, { decision: 'approve' })).status).toBe(200);
    await world.statusReaches(rfqId, 'ORDERED');

    // The company's next purchase: the leads are not written to again, and their level escalates as it opens.
    const next = await submitQuoteAndAccept(world, deal);
    await world.mailArrives(deal.people.admin, `Escalated: approve purchase ${next.rfqId}`);
    const leadsMail = (await world.inbox.emailsTo(deal.people.lead1)).filter((m) => m.subject.includes(next.rfqId));
    expect(leadsMail).toEqual([]);
    const nextHistory = (await world.store.rfqs.history(next.rfqId)).map((e) => e.action);
    expect(nextHistory).toContain('recipients-bounced');
    expect(nextHistory).not.toContain('reminder-sent');
  });

  it('a review whose rep’s mail bounces goes to the sales manager at once, who is told why', async () => {
    const deal = await aDeal(world, { bouncing: ['rep'] });
    const { rfqId } = await world.submit(deal.rfq());
    const escalated = await world.mailArrives(deal.people.salesManager, `Escalated: review quote ${rfqId}`);
    const notice = await world.mailArrives(deal.people.salesManager, `Mail to ${deal.people.rep} bounced: ${rfqId}`);
    expect(notice.text).toContain('nobody else was asked, so it went to the sales manager at once');
    expect((await world.store.rfqs.history(rfqId)).map((e) => e.action)).not.toContain('reminder-sent');
    const [link] = await world.linksArrive(deal.people.salesManager, 1, rfqId);
    expect(escalated.text).toContain(link);
    expect(escalated.text).toContain(`Mail to ${deal.people.rep} bounced, so nobody has reviewed`);
    expect((await clickLink(link!, { decision: 'approve' })).status).toBe(200);
    await world.statusReaches(rfqId, 'QUOTED');
  });

  it('tells an approver clicking their emailed link while RequestApproval retries that it is still being sent, and the new link decides', async () => {
    const deal = await aDeal(world);
    const rfq = deal.rfq();
    const { retrying, letGo } = requestApprovalHeld.hold(rfq.rfqId);
    await submitQuoteAndAccept(world, deal, 'PO-2', rfq);
    await retrying;
    const [first] = await world.linksArrive(deal.people.lead1, 1, rfq.rfqId);

    const clicked = await clickLink(first!, { decision: 'approve' });
    expect(clicked.status).toBe(409);
    expect(clicked.headers.get('retry-after')).toBe('1');
    expect(clicked.html).toContain('Still being sent — try again in a moment');
    expect(clicked.html).not.toContain('already decided');

    letGo();
    const [, fresh] = await world.linksArrive(deal.people.lead1, 2, rfq.rfqId);
    expect((await clickLink(fresh!, { decision: 'approve' })).status).toBe(200);
    await vi.waitFor(
      async () => expect((await world.rfqOf(rfq.rfqId)).approvals[0]).toMatchObject({ status: 'APPROVED' }),
      { timeout: 30_000, interval: 25 },
    );
  });

  it('tells an approver deciding in the app while RequestApproval retries after a fault to retry, then takes their decision (issue 24 #13)', async () => {
    const deal = await aDeal(world);
    const rfq = deal.rfq();
    const { retrying, letGo } = requestApprovalHeld.hold(rfq.rfqId);
    // Level 1's first attempt sends the leads their links, then fails; their task token died with it.
    const pending = await submitQuoteAndAccept(world, deal, 'PO-1', rfq);
    await retrying;
    const lead1 = {
      sub: `sub-${deal.people.lead1}`,
      email: deal.people.lead1,
      groups: ['approver' as const],
      companyId: deal.company.companyId,
    };
    const approve = { decision: 'approve' as const, quoteVersion: pending.quote!.version };
    await expect(decidePurchaseApproval(pending, lead1, approve, world.decisions)).rejects.toBeInstanceOf(RetryLater);

    letGo();
    // As the app does with the retryable answer: again, until the retried attempt's wait takes it.
    await vi.waitFor(
      async () => decidePurchaseApproval(await world.rfqOf(rfq.rfqId), lead1, approve, world.decisions),
      {
        timeout: 30_000,
        interval: 25,
      },
    );
    await vi.waitFor(
      async () => {
        const [level1] = (await world.rfqOf(rfq.rfqId)).approvals;
        expect(level1).toMatchObject({ status: 'APPROVED', decisions: [{ approver: deal.people.lead1 }] });
      },
      { timeout: 30_000, interval: 25 },
    );
  });
});
