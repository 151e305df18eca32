import { beforeAll, describe, expect, it } from 'vitest';
import { orderFrom } from '#domain/order.ts';
import type { Actor, Rfq } from '#domain/rfq.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';
import { useTestStack } from './test-stack.ts';
import { acme, globex, people, seed } from './world.ts';

/**
 * GET /kpis over real HTTP on the whole local stack: RFQs change in the table, the stack's stream poller folds the
 * changes, and the API reads the rollups — JSON and CSV, scoped by the policy.
 */
const api = useTestStack('kpis', { seed: false, kpiStream: true });
const system: Actor = { email: 'system@seller.example', role: 'system' };
const today = new Date().toISOString().slice(0, 10);

const ordered = async (rfq: Rfq, unitPrice: number): Promise<void> => {
  const { rfqs } = api.store;
  await rfqs.create(rfq, { actor: system, action: 'submitted' });
  const quote = aQuote().withLine('BOLT-M8', 10, unitPrice, { listPrice: 10_00 }).build();
  let next = await rfqs.transition(rfq, 'price', { quote }, { actor: system, action: 'priced' });
  next = await rfqs.transition(next, 'sendQuote', {}, { actor: system, action: 'quoted' });
  next = await rfqs.transition(next, 'accept', { poNumber: 'PO-1' }, { actor: system, action: 'accepted' });
  next = await rfqs.transition(next, 'approve', {}, { actor: system, action: 'approved' });
  await rfqs.convertToOrder(next, orderFrom(next, { paymentTerms: 'NET30', at: next.updatedAt }), {
    actor: system,
    action: 'ordered',
  });
};

beforeAll(async () => {
  await seed(api);
  const now = new Date().toISOString();
  const fresh = (id: string, company: typeof acme) =>
    anRfq(id).for(company.companyId, company.accountRepEmail).requesting({ sku: 'BOLT-M8', quantity: 10 }).build();
  await ordered({ ...fresh('rfq_kpis1', acme), createdAt: now, updatedAt: now }, 9_00);
  await ordered({ ...fresh('rfq_kpis2', acme), createdAt: now, updatedAt: now }, 8_00);
  await api.store.rfqs.create(
    { ...fresh('rfq_kpis3', globex), createdAt: now, updatedAt: now },
    { actor: system, action: 'submitted' },
  );
  await api.kpisCaughtUp();
}, 120_000);

describe('GET /kpis', () => {
  it('gives seller staff everyone’s numbers by company, from the stream’s rollups', async () => {
    const answer = await api.call('GET', `/kpis?groupBy=company&from=${today}&to=${today}`, {
      as: people.salesManager,
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ from: today, to: today, currency: 'USD' });
    expect(answer.body.groups.map((g: { key: string }) => g.key)).toEqual(['acme', 'globex']);
    expect(answer.body.groups[0]).toMatchObject({
      rfqs: 2,
      quoted: 2,
      ordered: 2,
      conversion: 1,
      orderValue: 170_00,
      averageOrderValue: 85_00,
      averageDiscountPercent: 15,
    });
    expect(answer.body.groups[1]).toMatchObject({ rfqs: 1, quoted: 0, ordered: 0, conversion: null });
  });

  it('gives a company admin its own company, a rep their accounts, and nobody someone else’s', async () => {
    const own = await api.call('GET', `/kpis?groupBy=month&from=${today}&to=${today}`, { as: people.acmeAdmin });
    expect(own.status, own.text).toBe(200);
    expect(own.body.groups).toEqual([expect.objectContaining({ key: today.slice(0, 7), rfqs: 2, ordered: 2 })]);
    const rep = await api.call('GET', `/kpis?groupBy=company&from=${today}&to=${today}`, { as: people.globexRep });
    expect(rep.body.groups.map((g: { key: string; rfqs: number }) => [g.key, g.rfqs])).toEqual([['globex', 1]]);
    expect((await api.call('GET', '/kpis?companyId=globex', { as: people.acmeAdmin })).status).toBe(403);
    expect((await api.call('GET', '/kpis?repEmail=rita@seller.example', { as: people.globexRep })).status).toBe(403);
  });

  it('exports the same numbers as CSV, by Accept header or format=csv', async () => {
    const query = `/kpis?groupBy=company&from=${today}&to=${today}`;
    const json = await api.call('GET', query, { as: people.admin });
    for (const answer of [
      await api.call('GET', query, { as: people.admin, headers: { accept: 'text/csv' } }),
      await api.call('GET', `${query}&format=csv`, { as: people.admin }),
    ]) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(answer.headers.get('content-disposition')).toBe(
        `attachment; filename="kpis-${today}-${today}-by-company.csv"`,
      );
      const [header, ...rows] = answer.text.trimEnd().split('\r\n');
      expect(header?.split(',').slice(0, 6)).toEqual(['key', 'rfqs', 'quoted', 'accepted', 'approved', 'ordered']);
      expect(rows.map((row) => row.split(',')[0])).toEqual(json.body.groups.map((g: { key: string }) => g.key));
      expect(rows[0]?.split(',')).toContain(String(json.body.groups[0].orderValue));
      expect(rows[0]?.endsWith(',USD')).toBe(true);
    }
  });

  it('names the bad field of a bad query', async () => {
    const cases: [string, string][] = [
      ['/kpis?from=2026-13-01', 'query.from'],
      ['/kpis?from=2026-05-02&to=2026-05-01', 'query.to'],
      ['/kpis?groupBy=weekday', 'query.groupBy'],
      ['/kpis?from=2020-01-01&to=2026-01-01', 'query.from'],
      ['/kpis?companyId=acme&repEmail=rita@seller.example', 'query.repEmail'],
      ['/kpis?colour=red', 'query.colour'],
      // Month arithmetic past year 9999 once threw a RangeError (500); days are bounded at the edge instead.
      ['/kpis?to=9999-12-31', 'query.to'],
      ['/kpis?from=9999-01-01&to=9999-12-31&groupBy=company', 'query.from'],
      ['/kpis?from=9999-01-01&groupBy=rep', 'query.from'],
      ['/kpis?from=0000-01-01&to=0000-12-31&groupBy=product', 'query.from'],
    ];
    for (const [path, field] of cases) {
      const answer = await api.call('GET', path, { as: people.admin });
      expect(answer.status, path).toBe(400);
      expect(
        answer.body.errors.map((e: { path: string }) => e.path),
        path,
      ).toContain(field);
    }
  });
});
