import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PeriodOf } from '#domain/budget.ts';
import { type Order, orderFrom } from '#domain/order.ts';
import type { Actor, Rfq } from '#domain/rfq.ts';
import { BudgetExceeded, ConflictError } from '#store/ports.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';
import { freshTable } from './store/fresh-table.ts';

const { store } = freshTable();
const system: Actor = { email: 'system@seller.example', role: 'system' };
const november: PeriodOf = { period: 'month', start: '2026-11' };
const q4: PeriodOf = { period: 'quarter', start: '2026-10' };

/** An approved RFQ of `total` for this buyer, as the workflow leaves it before ConvertToOrder. */
const approved = async (companyId: string, buyer: string, total: number): Promise<Rfq> => {
  let rfq = anRfq().for(companyId).by(buyer).build();
  await store.rfqs.create(rfq, { actor: { email: buyer, role: 'buyer' }, action: 'submitted' });
  const quote = aQuote().withLine('SKU-1', 1, total).build();
  rfq = await store.rfqs.transition(rfq, 'price', { quote }, { actor: system, action: 'priced' });
  rfq = await store.rfqs.transition(rfq, 'sendQuote', {}, { actor: system, action: 'quote sent' });
  rfq = await store.rfqs.transition(rfq, 'accept', { poNumber: 'PO-1' }, { actor: system, action: 'accepted' });
  return store.rfqs.transition(rfq, 'approve', {}, { actor: system, action: 'approved' });
};
const orderOf = (rfq: Rfq): Order => orderFrom(rfq, { paymentTerms: 'NET30', at: new Date().toISOString() });

/** ConvertToOrder as the workflow runs it: a lost race (ConflictError) is retried on a fresh read, as the ASL does. */
const convert = async (rfqId: string, limit: number): Promise<'ordered' | 'over budget'> => {
  for (let attempt = 1; ; attempt++) {
    const rfq = (await store.rfqs.get(rfqId))!;
    try {
      await store.rfqs.convertToOrder(rfq, orderOf(rfq), { actor: system, action: 'ordered' }, [
        { period: november, limit },
      ]);
      return 'ordered';
    } catch (error) {
      if (error instanceof BudgetExceeded) return 'over budget';
      if (!(error instanceof ConflictError) || attempt === 10) throw error;
    }
  }
};

describe("a buyer's spend per period", () => {
  it('adds each order to the periods it is charged to, and reads back per period', async () => {
    const companyId = `co-${randomUUID().slice(0, 8)}`;
    const buyer = `dana@${companyId}.example`;
    for (const total of [300_00, 450_00]) {
      const rfq = await approved(companyId, buyer, total);
      await store.rfqs.convertToOrder(rfq, orderOf(rfq), { actor: system, action: 'ordered' }, [
        { period: november },
        { period: q4, limit: 10_000_00 },
      ]);
    }
    const spent = await store.budgets.spent(companyId, buyer.toUpperCase(), [
      november,
      q4,
      { ...november, start: '2026-12' },
    ]);
    expect(spent).toEqual(
      new Map([
        ['month#2026-11', 750_00],
        ['quarter#2026-10', 750_00],
      ]),
    );
  });

  it('lets exactly one of two concurrent orders have the last remaining amount; the other writes nothing', async () => {
    const companyId = `co-${randomUUID().slice(0, 8)}`;
    const buyer = `dana@${companyId}.example`;
    const earlier = await approved(companyId, buyer, 600_00);
    await convert(earlier.rfqId, 1_000_00);
    // 400.00 remains; each of the two wants 300.00 of it.
    const [a, b] = await Promise.all([approved(companyId, buyer, 300_00), approved(companyId, buyer, 300_00)]);

    const outcomes = await Promise.all([convert(a!.rfqId, 1_000_00), convert(b!.rfqId, 1_000_00)]);

    expect([...outcomes].sort()).toEqual(['ordered', 'over budget']);
    const refused = outcomes[0] === 'over budget' ? a! : b!;
    const [afterA, afterB] = await Promise.all([store.rfqs.get(a!.rfqId), store.rfqs.get(b!.rfqId)]);
    expect([afterA?.status, afterB?.status].sort()).toEqual(['APPROVED', 'ORDERED']);
    const stillApproved = afterA?.status === 'APPROVED' ? afterA : afterB;
    expect(stillApproved?.orderId).toBeUndefined();
    expect(await store.orders.get(orderOf(stillApproved!).orderId)).toBeUndefined();
    expect(stillApproved?.rfqId).toBe(refused.rfqId);
    expect((await store.budgets.spent(companyId, buyer, [november])).get('month#2026-11')).toBe(900_00);
  });

  it('refuses an order larger than the whole limit without writing, and counts it beyond when no limit is given', async () => {
    const companyId = `co-${randomUUID().slice(0, 8)}`;
    const buyer = `dana@${companyId}.example`;
    const rfq = await approved(companyId, buyer, 2_000_00);
    await expect(
      store.rfqs.convertToOrder(rfq, orderOf(rfq), { actor: system, action: 'ordered' }, [
        { period: november, limit: 1_000_00 },
      ]),
    ).rejects.toThrow(BudgetExceeded);
    expect((await store.rfqs.get(rfq.rfqId))?.status).toBe('APPROVED');
    expect(await store.budgets.spent(companyId, buyer, [november])).toEqual(new Map());

    await store.rfqs.convertToOrder(rfq, orderOf(rfq), { actor: system, action: 'ordered' }, [{ period: november }]);
    expect((await store.budgets.spent(companyId, buyer, [november])).get('month#2026-11')).toBe(2_000_00);
  });

  it('stores the budgets with their calendar and reads them back', async () => {
    const companyId = `co-${randomUUID().slice(0, 8)}`;
    const budgets = {
      timeZone: 'Europe/Berlin',
      fiscalYearStartMonth: 4,
      budgets: [
        { period: 'month' as const, amount: 5_000_00 },
        { buyerEmail: 'dana@acme.example', period: 'quarter' as const, amount: 1 },
      ],
    };
    expect(await store.budgets.getBudgets(companyId)).toBeUndefined();
    await store.budgets.putBudgets(companyId, budgets);
    expect(await store.budgets.getBudgets(companyId)).toEqual(budgets);
  });
});
