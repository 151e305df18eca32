import { type Counter, durationSample, mergeTallies, moneyName, type Tally } from './kpi-tally.ts';
import type { RfqStatus } from './lifecycle.ts';
import { lineTotal } from './money.ts';
import type { Rfq } from './rfq.ts';

/**
 * How a change of an RFQ becomes KPI rollups. An RFQ passes milestones — submitted, first quoted, accepted, approved,
 * closed (with its outcome) — each stamped with its time on the RFQ. A change from one image to the next contributes
 * exactly the milestones the new image has and the old one lacks, each on the UTC day it happened: so a status change
 * counts once, a change that reaches no milestone counts nothing, and an RFQ written whole (the seed, a restore) counts
 * every milestone it has passed, on their own days.
 *
 * Each contribution lands in one rollup per period (the day and its month) × scope (everyone, the account's rep, the
 * company) × grouping (the scope's total, by rep, by company, by product): what `GET /kpis` reads, never scanning.
 */

export type Scope = string;
export const scopes = {
  all: 'ALL' as Scope,
  rep: (email: string): Scope => `REP#${email.toLowerCase()}`,
  company: (companyId: string): Scope => `COMPANY#${companyId}`,
};

export type Grouping = 'total' | 'rep' | 'company' | 'product';

export interface RollupKey {
  scope: Scope;
  grouping: Grouping;
  /** The group within the grouping: a rep's email, a company id, a sku; '-' for a total. */
  group: string;
  /** A UTC day `YYYY-MM-DD` or month `YYYY-MM`. */
  period: string;
}

export interface RollupDelta {
  key: RollupKey;
  tally: Tally;
}

type Milestone = 'submitted' | 'quoted' | 'accepted' | 'approved' | 'closed';

interface Fact {
  milestone: Milestone;
  at: string;
  /** What the RFQ as a whole contributes, and what each of its products does. */
  whole: Tally;
  bySku: ReadonlyMap<string, Tally>;
}

const outcomeOf: Partial<Record<RfqStatus, Counter>> = {
  ORDERED: 'ordered',
  DECLINED: 'declined',
  EXPIRED: 'expired',
  REJECTED: 'rejected',
  APPROVAL_REJECTED: 'approvalRejected',
  CANCELLED: 'cancelled',
  FAILED: 'failed',
};

const msBetween = (from: string, to: string): number => Date.parse(to) - Date.parse(from);

/** The products an RFQ is about: its quote's lines once quoted (the rep may substitute), else what was asked for. */
const skusOf = (rfq: Rfq): string[] => [...new Set((rfq.quote?.lines ?? rfq.lines).map((line) => line.sku))];

const same = (rfq: Rfq, tally: Tally): ReadonlyMap<string, Tally> => new Map(skusOf(rfq).map((sku) => [sku, tally]));

/** An order's value per product: its lines at their price and at list price (a line without a list price at its own). */
const orderBySku = (rfq: Rfq, currency: string): ReadonlyMap<string, Tally> => {
  const bySku = new Map<string, Tally>();
  for (const line of rfq.quote?.lines ?? []) {
    if (line.lineTotal === null) continue;
    const list = line.listPrice === null ? line.lineTotal : lineTotal(line.listPrice, line.quantity);
    const tally = { [moneyName('orderValue', currency)]: line.lineTotal, [moneyName('listValue', currency)]: list };
    bySku.set(line.sku, mergeTallies(bySku.get(line.sku) ?? {}, tally));
  }
  return new Map(
    [...bySku].map(([sku, tally]) => [sku, mergeTallies(tally, { ordered: 1, [moneyName('orders', currency)]: 1 })]),
  );
};

const closing = (rfq: Rfq, at: string): Fact | undefined => {
  const outcome = outcomeOf[rfq.status];
  if (!outcome) return undefined;
  if (outcome !== 'ordered' || !rfq.quote) {
    const tally = { [outcome]: 1 };
    return { milestone: 'closed', at, whole: tally, bySku: same(rfq, tally) };
  }
  const { currency, total, subtotal } = rfq.quote;
  const whole = {
    ordered: 1,
    [moneyName('orders', currency)]: 1,
    [moneyName('orderValue', currency)]: total,
    [moneyName('listValue', currency)]: subtotal,
  };
  return { milestone: 'closed', at, whole, bySku: orderBySku(rfq, currency) };
};

/** The milestones an RFQ image has passed, each with its time and contribution. */
export const factsOf = (rfq: Rfq): Fact[] => {
  const { milestones = {} } = rfq;
  const facts: Fact[] = [];
  const add = (milestone: Milestone, at: string, tally: Tally) =>
    facts.push({ milestone, at, whole: tally, bySku: same(rfq, tally) });
  add('submitted', rfq.createdAt, { rfqs: 1 });
  if (milestones.quotedAt) {
    add('quoted', milestones.quotedAt, {
      quoted: 1,
      ...durationSample('timeToQuote', msBetween(rfq.createdAt, milestones.quotedAt)),
    });
  }
  if (milestones.acceptedAt) add('accepted', milestones.acceptedAt, { accepted: 1 });
  if (milestones.approvedAt) {
    add('approved', milestones.approvedAt, {
      approved: 1,
      ...(milestones.acceptedAt &&
        durationSample('approvalCycle', msBetween(milestones.acceptedAt, milestones.approvedAt))),
    });
  }
  const closed = milestones.closedAt && closing(rfq, milestones.closedAt);
  if (closed) facts.push(closed);
  return facts;
};

const dayOf = (at: string): string => new Date(at).toISOString().slice(0, 10);

/** Where one fact of one RFQ lands, for one period: every scope the RFQ is in, every grouping of that scope. */
const placements = (rfq: Rfq, fact: Fact, period: string): RollupDelta[] => {
  const rep = rfq.accountRepEmail.toLowerCase();
  const inScope = (scope: Scope, groupings: readonly Exclude<Grouping, 'product'>[]): RollupDelta[] => [
    ...groupings.map((grouping) => ({
      key: { scope, grouping, group: grouping === 'rep' ? rep : grouping === 'company' ? rfq.companyId : '-', period },
      tally: fact.whole,
    })),
    ...[...fact.bySku].map(([sku, tally]) => ({
      key: { scope, grouping: 'product' as const, group: sku, period },
      tally,
    })),
  ];
  return [
    ...inScope(scopes.all, ['total', 'rep', 'company']),
    ...inScope(scopes.rep(rep), ['total', 'company']),
    ...inScope(scopes.company(rfq.companyId), ['total', 'rep']),
  ];
};

export const rollupKeyId = (key: RollupKey): string => `${key.scope}|${key.grouping}|${key.group}|${key.period}`;

/** Deltas with the same key merged into one, in a stable order (so the same change always makes the same writes). */
export const mergeDeltas = (deltas: Iterable<RollupDelta>): RollupDelta[] => {
  // Sums into one private record per key: copying a tally on every delta made a year of 100,000 RFQs (tens of
  // millions of deltas) take minutes; nothing outside sees these records until they are returned.
  const merged = new Map<string, { key: RollupKey; tally: Record<string, number> }>();
  for (const delta of deltas) {
    const id = rollupKeyId(delta.key);
    let into = merged.get(id);
    if (!into) {
      into = { key: delta.key, tally: {} };
      merged.set(id, into);
    }
    for (const [name, value] of Object.entries(delta.tally)) into.tally[name] = (into.tally[name] ?? 0) + value;
  }
  return [...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, delta]) => delta);
};

/**
 * What a change from `before` (absent for a new item) to `after` adds to the rollups: the milestones `after` has
 * passed and `before` had not, per day and per month. Empty when no milestone was reached.
 */
export const rollupDeltas = (before: Rfq | undefined, after: Rfq): RollupDelta[] => {
  const had = new Set(before ? factsOf(before).map((fact) => fact.milestone) : []);
  const reached = factsOf(after).filter((fact) => !had.has(fact.milestone));
  return mergeDeltas(
    reached.flatMap((fact) => {
      const day = dayOf(fact.at);
      return [...placements(after, fact, day), ...placements(after, fact, day.slice(0, 7))];
    }),
  );
};
