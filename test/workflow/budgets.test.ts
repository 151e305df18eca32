import { describe, expect, it, vi } from 'vitest';
import { OVER_BUDGET, periodOf, spendKey } from '#domain/budget.ts';
import { aDeal, type Deal } from './support/deal.ts';
import { buyerDecides, submitAndQuote } from './support/drive.ts';
import { clickLink } from './support/person.ts';
import { useWorld } from './support/world.ts';

const world = useWorld();

const thisMonth = () => spendKey(periodOf(new Date(), 'month', { timeZone: 'UTC', fiscalYearStartMonth: 1 }));
const spentThisMonth = async (deal: Deal) =>
  (
    await world.store.budgets.spent(deal.company.companyId, deal.people.buyer, [
      periodOf(new Date(), 'month', { timeZone: 'UTC', fiscalYearStartMonth: 1 }),
    ])
  ).get(thisMonth()) ?? 0;

/** Every buyer of the deal's company may spend `amount` a month; no approval rule applies to its quotes. */
const aBudgetedDeal = async (amount: number) => {
  const deal = await aDeal(world, { rules: 'none' });
  await world.store.budgets.putBudgets(deal.company.companyId, {
    timeZone: 'UTC',
    fiscalYearStartMonth: 1,
    budgets: [{ period: 'month', amount }],
  });
  return deal;
};

describe("a buyer's monthly budget", () => {
  it('a quote beyond the budget left waits for the company admins ("over budget"), who see the budget left, then is ordered beyond it', async () => {
    const deal = await aBudgetedDeal(500_00);
    const quoted = await submitAndQuote(world, deal);
    await buyerDecides(world, quoted, deal.buyer, { decision: 'accept', poNumber: 'PO-7' });

    const pending = await world.statusReaches(quoted.rfqId, 'PENDING_APPROVAL');
    expect(pending.approvals).toMatchObject([{ level: 1, approvers: [deal.people.admin], reason: OVER_BUDGET }]);
    const mail = await world.mailArrives(deal.people.admin, `Approve purchase ${quoted.rfqId}`);
    expect(mail.text).toContain('level 1 of 1, over budget');
    expect(mail.text).toContain('Budget left for the month of');
    expect(mail.text).toContain('$500.00 of $500.00');

    const [link] = await world.linksArrive(deal.people.admin, 1);
    expect((await clickLink(link!, { decision: 'approve' })).status).toBe(200);
    await world.statusReaches(quoted.rfqId, 'ORDERED');
    expect(await spentThisMonth(deal)).toBe(995_00);
  });

  it('two orders that each fit but not together: exactly one is ordered at once, the other waits for the admins', async () => {
    const deal = await aBudgetedDeal(1_500_00);
    const one = await submitAndQuote(world, deal);
    const { rfqId } = await world.submit(deal.rfq());
    const [review] = await world.linksArrive(deal.people.rep, 1, rfqId);
    expect((await clickLink(review!, { decision: 'approve' })).status).toBe(200);
    const two = await world.statusReaches(rfqId, 'QUOTED');
    await Promise.all(
      [one!, two!].map((rfq) => buyerDecides(world, rfq, deal.buyer, { decision: 'accept', poNumber: 'PO-1' })),
    );

    // Whichever started its chain after the other converted gets the level there; otherwise its conversion finds the
    // budget taken and sends it back for the level. Either way one is ORDERED and one waits.
    const settled = async () => {
      const both = await Promise.all([world.rfqOf(one!.rfqId), world.rfqOf(two!.rfqId)]);
      const statuses = both.map((r) => r.status).sort();
      if (statuses.join() !== 'ORDERED,PENDING_APPROVAL') throw new Error(`statuses are ${statuses.join()}`);
      return both;
    };
    const both = await vi.waitFor(settled, { timeout: 45_000, interval: 25 });
    const waiting = both.find((r) => r.status === 'PENDING_APPROVAL')!;
    expect(waiting.approvals.at(-1)).toMatchObject({ reason: OVER_BUDGET, approvers: [deal.people.admin] });
    expect(await spentThisMonth(deal)).toBe(995_00);
    const mail = await world.mailArrives(deal.people.admin, `Approve purchase ${waiting.rfqId}`);
    expect(mail.text).toContain('$505.00 of $1,500.00');

    const [link] = await world.linksArrive(deal.people.admin, 1, waiting.rfqId);
    expect((await clickLink(link!, { decision: 'approve' })).status).toBe(200);
    await world.statusReaches(waiting.rfqId, 'ORDERED');
    expect(await spentThisMonth(deal)).toBe(1_990_00);
  });

  it('an over-budget purchase the admins reject is not ordered and spends nothing', async () => {
    const deal = await aBudgetedDeal(100_00);
    const quoted = await submitAndQuote(world, deal);
    await buyerDecides(world, quoted, deal.buyer, { decision: 'accept', poNumber: 'PO-8' });
    const [link] = await world.linksArrive(deal.people.admin, 1);
    expect((await clickLink(link!, { decision: 'reject', comment: 'not this month' })).status).toBe(200);
    await world.statusReaches(quoted.rfqId, 'APPROVAL_REJECTED');
    expect(await spentThisMonth(deal)).toBe(0);
  });
});
