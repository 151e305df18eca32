import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf } from '#domain/duration-histogram.ts';
import { mergeDeltas, type RollupDelta, rollupDeltas, rollupKeyId, scopes } from '#domain/kpi-rollup.ts';
import { mergeTallies, type Tally } from '#domain/kpi-tally.ts';
import type { Rfq } from '#domain/rfq.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';
import { aJourney } from '../builders/rfq-journey.ts';

const submitted = anRfq('rfq_k1')
  .for('acme', 'Rep@Seller.example')
  .requesting({ sku: 'SKU-1', quantity: 10 }, { sku: 'SKU-2', quantity: 1 })
  .build();
const quote = aQuote().withLine('SKU-1', 10, 9_00, { listPrice: 10_00 }).withLine('SKU-2', 1, 50_00).build();

/** Submitted 09:00 on 23 Nov, quoted two hours later, accepted, approved a day after, ordered. */
const ordered = aJourney(submitted)
  .at('2026-11-23T10:00:00.000Z')
  .to('IN_REVIEW')
  .at('2026-11-23T11:00:00.000Z')
  .quoted(quote)
  .at('2026-11-24T08:00:00.000Z')
  .to('ACCEPTED', { poNumber: 'PO-1' })
  .to('PENDING_APPROVAL')
  .at('2026-11-25T08:00:00.000Z')
  .to('APPROVED')
  .at('2026-12-01T00:00:01.000Z')
  .to('ORDERED', { orderId: 'ord_k1' });

const tallyAt = (deltas: RollupDelta[], id: string): Tally | undefined =>
  deltas.find((delta) => rollupKeyId(delta.key) === id)?.tally;

/** Every change of a journey, folded one by one: what the stream's records add up to. */
const foldSteps = (images: readonly Rfq[]): RollupDelta[] =>
  mergeDeltas(images.flatMap((image, i) => rollupDeltas(i === 0 ? undefined : images[i - 1], image)));

describe('KPI rollups from RFQ changes', () => {
  it('counts a submission once, on its day and month, in every scope and grouping', () => {
    const deltas = rollupDeltas(undefined, submitted);
    expect(tallyAt(deltas, 'ALL|total|-|2026-11-23')).toEqual({ rfqs: 1 });
    expect(tallyAt(deltas, 'ALL|total|-|2026-11')).toEqual({ rfqs: 1 });
    expect(tallyAt(deltas, 'ALL|rep|rep@seller.example|2026-11-23')).toEqual({ rfqs: 1 });
    expect(tallyAt(deltas, 'ALL|company|acme|2026-11-23')).toEqual({ rfqs: 1 });
    expect(tallyAt(deltas, 'ALL|product|SKU-2|2026-11')).toEqual({ rfqs: 1 });
    expect(tallyAt(deltas, 'REP#rep@seller.example|company|acme|2026-11-23')).toEqual({ rfqs: 1 });
    expect(tallyAt(deltas, 'COMPANY#acme|product|SKU-1|2026-11-23')).toEqual({ rfqs: 1 });
    // 2 periods × (ALL: total, rep, company + REP: total, company + COMPANY: total, rep + 3 scopes × 2 products)
    expect(deltas).toHaveLength(2 * (7 + 3 * 2));
  });

  it('puts each milestone on the day it happened, with durations and the order value', () => {
    const all = foldSteps(ordered.images());
    expect(tallyAt(all, 'ALL|total|-|2026-11-23')).toEqual({
      rfqs: 1,
      quoted: 1,
      [`timeToQuote:${bucketOf(2 * 3_600_000)}`]: 1,
    });
    expect(tallyAt(all, 'ALL|total|-|2026-11-24')).toEqual({ accepted: 1 });
    expect(tallyAt(all, 'ALL|total|-|2026-11-25')).toEqual({
      approved: 1,
      [`approvalCycle:${bucketOf(86_400_000)}`]: 1,
    });
    expect(tallyAt(all, 'ALL|total|-|2026-12-01')).toEqual({
      ordered: 1,
      'orders:USD': 1,
      'orderValue:USD': 140_00,
      'listValue:USD': 150_00,
    });
    expect(tallyAt(all, 'COMPANY#acme|product|SKU-1|2026-12')).toEqual({
      ordered: 1,
      'orders:USD': 1,
      'orderValue:USD': 90_00,
      'listValue:USD': 100_00,
    });
  });

  it('adds nothing for a change that reaches no milestone, and nothing again for a second QUOTED', () => {
    const revised = ordered.images()[2]!;
    const journey = aJourney(revised)
      .at('2026-11-24T09:00:00.000Z')
      .to('IN_REVIEW')
      .quoted(aQuote().withLine('SKU-1', 10, 8_00, { listPrice: 10_00 }).version(2).build())
      .update({ poNumber: 'PO-2' });
    const images = journey.images();
    for (let i = 1; i < images.length; i++) expect(rollupDeltas(images[i - 1], images[i]!)).toEqual([]);
  });

  it('counts each kind of loss under its own name', () => {
    const lost = (status: 'DECLINED' | 'EXPIRED' | 'CANCELLED') =>
      tallyAt(foldSteps(aJourney(submitted).to('IN_REVIEW').quoted(quote).to(status).images()), 'ALL|total|-|2026-11');
    expect(lost('DECLINED')).toMatchObject({ quoted: 1, declined: 1 });
    expect(lost('EXPIRED')).toMatchObject({ quoted: 1, expired: 1 });
    expect(lost('CANCELLED')).toMatchObject({ quoted: 1, cancelled: 1 });
    expect(
      tallyAt(foldSteps(aJourney(submitted).to('IN_REVIEW').to('REJECTED').images()), 'ALL|total|-|2026-11'),
    ).toEqual({ rfqs: 1, rejected: 1 });
  });

  /** Random journeys through the lifecycle, with random gaps between steps. */
  const journeys = fc
    .record({
      gaps: fc.array(fc.integer({ min: 0, max: 40 * 86_400_000 }), { minLength: 7, maxLength: 7 }),
      revisions: fc.integer({ min: 0, max: 2 }),
      end: fc.constantFrom('REJECTED', 'DECLINED', 'EXPIRED', 'CANCELLED', 'APPROVAL_REJECTED', 'ORDERED', 'FAILED'),
    })
    .map(({ gaps, revisions, end }) => {
      let clock = Date.parse(submitted.createdAt);
      const tick = (i: number) => {
        clock += gaps[i]!;
        return new Date(clock).toISOString();
      };
      let journey = aJourney(submitted).at(tick(0)).to('IN_REVIEW');
      if (end === 'REJECTED') return journey.at(tick(1)).to('REJECTED').images();
      journey = journey.at(tick(1)).quoted(quote);
      for (let r = 0; r < revisions; r++) journey = journey.at(tick(2)).to('IN_REVIEW').at(tick(3)).quoted(quote);
      if (end === 'DECLINED' || end === 'EXPIRED' || end === 'CANCELLED') return journey.at(tick(4)).to(end).images();
      journey = journey.at(tick(4)).to('ACCEPTED').to('PENDING_APPROVAL');
      if (end === 'APPROVAL_REJECTED' || end === 'FAILED') return journey.at(tick(5)).to(end).images();
      return journey.at(tick(5)).to('APPROVED').at(tick(6)).to('ORDERED').images();
    });

  it('folds a journey change by change to exactly what its last image holds (how the seed writes history)', () => {
    fc.assert(
      fc.property(journeys, (images) => {
        expect(foldSteps(images)).toEqual(rollupDeltas(undefined, images.at(-1)!));
      }),
    );
  });

  it('gives the same rollups whatever order the changes are applied in', () => {
    fc.assert(
      fc.property(fc.array(journeys, { minLength: 1, maxLength: 5 }), fc.integer(), (many, seed) => {
        const deltas = many.flatMap((images) => images.flatMap((image, i) => rollupDeltas(images[i - 1], image)));
        const shuffled = fc.sample(fc.shuffledSubarray(deltas, { minLength: deltas.length }), { seed, numRuns: 1 })[0]!;
        expect(mergeDeltas(shuffled)).toEqual(mergeDeltas(deltas));
      }),
    );
  });

  it('merges tallies associatively and commutatively, with {} as identity', () => {
    const tally = fc.dictionary(fc.constantFrom('rfqs', 'quoted', 'orderValue:USD', 'timeToQuote:7'), fc.nat(1e9));
    fc.assert(
      fc.property(tally, tally, tally, (a, b, c) => {
        expect(mergeTallies(a, b)).toEqual(mergeTallies(b, a));
        expect(mergeTallies(mergeTallies(a, b), c)).toEqual(mergeTallies(a, mergeTallies(b, c)));
        expect(mergeTallies(a, {})).toEqual(a);
      }),
    );
  });

  it('files a rep under one lower-cased scope', () => {
    expect(scopes.rep('Rep@Seller.example')).toBe('REP#rep@seller.example');
  });
});
