import { mergeDeltas, type RollupDelta, rollupDeltas } from '#domain/kpi-rollup.ts';
import { type RfqStatus, terminalStatuses } from '#domain/lifecycle.ts';
import { stampMilestones } from '#domain/milestones.ts';
import { applyDiscount, lineTotal } from '#domain/money.ts';
import { quoteTotals } from '#domain/quote-totals.ts';
import type { QuoteLine, Rfq } from '#domain/rfq.ts';
import type { KpiStore } from '#store/ports.ts';
import { products } from './catalog.ts';
import { companies } from './seed.ts';

/**
 * A year of quote-to-order history for the dashboard: RFQs of the seeded companies walk the real lifecycle (the
 * milestones stamped as the store stamps them) to a mix of outcomes, and their final images go through the same
 * rollup function the stream aggregator uses. Only the rollups are written — the RFQs themselves would bury the demo's
 * live RFQs in every list — once per table (a `--persist` restart keeps them). Deterministic: the same day seeds the
 * same history.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A small deterministic generator (mulberry32), so the seed needs no randomness from outside. */
const random = (seed: number) => {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

type Outcome = 'ORDERED' | 'DECLINED' | 'EXPIRED' | 'REJECTED' | 'APPROVAL_REJECTED' | 'CANCELLED';
const outcomes: [Outcome, number][] = [
  ['ORDERED', 0.42],
  ['DECLINED', 0.16],
  ['EXPIRED', 0.14],
  ['REJECTED', 0.1],
  ['APPROVAL_REJECTED', 0.06],
  ['CANCELLED', 0.12],
];

const historicRfq = (n: number, next: () => number, today: number): Rfq => {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** Skewed towards short waits with a long tail, as real response times are. */
  const wait = (median: number) => median * Math.exp((next() - 0.5) * 3);
  const company = pick(companies);
  const createdAt = today - (1 + next() * 364) * DAY;
  const chosen = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(products)))];
  const discountBasisPoints = Math.floor(next() * 15) * 100;
  const lines: QuoteLine[] = chosen.map((product, index) => {
    const quantity = 1 + Math.floor(next() * 60);
    const unitPrice = applyDiscount(product.listPrice, discountBasisPoints);
    return {
      lineId: `L${index + 1}`,
      sku: product.sku,
      name: product.name,
      unit: product.unit,
      quantity,
      listPrice: product.listPrice,
      contractPrice: unitPrice,
      unitPrice,
      lineTotal: lineTotal(unitPrice, quantity),
      priceSource: `list − ${discountBasisPoints / 100}% contract`,
    };
  });
  const roll = next();
  let cumulative = 0;
  const outcome =
    outcomes.find(([, weight]) => {
      cumulative += weight;
      return roll < cumulative;
    })?.[0] ?? 'ORDERED';
  const buyer = company.users.find((user) => user.roles.includes('buyer'))!.email;
  let rfq: Rfq = {
    rfqId: `rfq_history${n}`,
    companyId: company.companyId,
    buyerEmail: buyer,
    accountRepEmail: company.accountRepEmail,
    submittedBy: { email: buyer, role: 'buyer' },
    status: 'SUBMITTED',
    version: 1,
    createdAt: new Date(createdAt).toISOString(),
    updatedAt: new Date(createdAt).toISOString(),
    currency: company.currency,
    lines: lines.map(({ sku, quantity }) => ({ sku, quantity })),
    approvals: [],
  };
  let clock = createdAt;
  /** Moves on unless the step would lie in the future: then the RFQ is simply still open today. */
  const to = (status: RfqStatus, after: number): boolean => {
    if (clock + after > today) return false;
    clock += after;
    const at = new Date(clock).toISOString();
    rfq = { ...rfq, status, updatedAt: at, milestones: stampMilestones(rfq.milestones, status, at) };
    return true;
  };
  if (!to('IN_REVIEW', 60_000)) return rfq;
  if (outcome === 'REJECTED') {
    to('REJECTED', wait(6 * HOUR));
    return rfq;
  }
  rfq = {
    ...rfq,
    quote: {
      version: 1,
      currency: company.currency,
      lines,
      ...quoteTotals(lines),
      pricedAt: rfq.updatedAt,
    },
  };
  if (!to('QUOTED', wait(5 * HOUR))) return rfq;
  if (outcome === 'DECLINED' || outcome === 'EXPIRED' || outcome === 'CANCELLED') {
    to(outcome, outcome === 'EXPIRED' ? 30 * DAY : wait(3 * DAY));
    return rfq;
  }
  if (!to('ACCEPTED', wait(2 * DAY)) || !to('PENDING_APPROVAL', 1000)) return rfq;
  if (outcome === 'APPROVAL_REJECTED') {
    to('APPROVAL_REJECTED', wait(DAY));
    return rfq;
  }
  if (to('APPROVED', wait(20 * HOUR))) to('ORDERED', 30_000);
  return rfq;
};

export function* kpiHistory(count: number, today: Date): Generator<Rfq> {
  const next = random(Math.floor(today.getTime() / DAY));
  for (let n = 0; n < count; n++) yield historicRfq(n, next, today.getTime());
}

/** The history's rollups, merged as they are made (a large history never holds all its deltas at once). */
export const historyRollups = (count: number, today: Date): { rollups: RollupDelta[]; closed: number } => {
  let closed = 0;
  function* deltas(): Generator<RollupDelta> {
    for (const rfq of kpiHistory(count, today)) {
      if (terminalStatuses.has(rfq.status)) closed += 1;
      yield* rollupDeltas(undefined, rfq);
    }
  }
  const rollups = mergeDeltas(deltas());
  return { rollups, closed };
};

export const seedKpiHistory = async (
  kpis: KpiStore,
  today: Date = new Date(),
  count = 2000,
): Promise<{ rfqs: number; closed: number; rollups: number; written: boolean }> => {
  const { rollups, closed } = historyRollups(count, today);
  const written = await kpis.putOnce('seed-history', rollups, today);
  return { rfqs: count, closed, rollups: rollups.length, written };
};
