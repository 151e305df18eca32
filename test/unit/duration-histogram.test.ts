import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandCounts,
  bucketBounds,
  bucketOf,
  durationBandEdges,
  histogramOf,
  mergeHistograms,
  percentile,
  relativeError,
  sampleCount,
} from '#domain/duration-histogram.ts';

/** Durations from sub-millisecond to two years, in ms, spread over the scale as real ones are. */
const durationMs = fc.oneof(
  fc.integer({ min: 0, max: 1_000 }),
  fc.integer({ min: 1_000, max: 3_600_000 }),
  fc.integer({ min: 3_600_000, max: 2 * 365 * 86_400_000 }),
);
const samples = fc.array(durationMs, { minLength: 1, maxLength: 300 });
const fraction = fc.double({ min: 0.01, max: 1, noNaN: true });

const nearestRank = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(p * sorted.length) - 1]!;
};

describe('duration histogram', () => {
  it('puts every duration in the bucket whose bounds hold it', () => {
    fc.assert(
      fc.property(durationMs, (ms) => {
        const [lower, upper] = bucketBounds(bucketOf(ms));
        // Bounds are powers of 2^(1/8); a value on a bound may fall either side of it in floating point.
        expect(ms).toBeGreaterThanOrEqual(lower * (1 - 1e-12));
        expect(ms).toBeLessThanOrEqual(upper * (1 + 1e-12));
      }),
    );
  });

  it('answers any percentile within one bucket of the exact nearest-rank sample', () => {
    fc.assert(
      fc.property(samples, fraction, (values, p) => {
        const exact = nearestRank(values, p);
        const estimate = percentile(histogramOf(values), p)!;
        if (exact < 1) expect(estimate).toBe(0);
        else expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(relativeError + 1e-12);
      }),
    );
  });

  it('merges like the union of the samples: associative, commutative, with the empty histogram as identity', () => {
    fc.assert(
      fc.property(samples, samples, samples, (a, b, c) => {
        const [ha, hb, hc] = [histogramOf(a), histogramOf(b), histogramOf(c)];
        expect(mergeHistograms(ha, hb)).toEqual(mergeHistograms(hb, ha));
        expect(mergeHistograms(mergeHistograms(ha, hb), hc)).toEqual(mergeHistograms(ha, mergeHistograms(hb, hc)));
        expect(mergeHistograms(ha, {})).toEqual(ha);
        expect(mergeHistograms(mergeHistograms(ha, hb), hc)).toEqual(histogramOf([...a, ...b, ...c]));
        expect(sampleCount(mergeHistograms(ha, hb))).toBe(a.length + b.length);
      }),
    );
  });

  it('keeps the percentile of merged rollups within bucket error of the percentile of all their samples', () => {
    fc.assert(
      fc.property(fc.array(samples, { minLength: 1, maxLength: 12 }), fraction, (days, p) => {
        const merged = days.map(histogramOf).reduce(mergeHistograms, {});
        const exact = nearestRank(days.flat(), p);
        const estimate = percentile(merged, p)!;
        if (exact < 1) expect(estimate).toBe(0);
        else expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(relativeError + 1e-12);
      }),
    );
  });

  it('has no percentile when empty, and refuses percentiles outside (0, 1] and negative durations', () => {
    expect(percentile({}, 0.5)).toBeUndefined();
    expect(() => percentile(histogramOf([1]), 0)).toThrow(RangeError);
    expect(() => percentile(histogramOf([1]), 1.5)).toThrow(RangeError);
    expect(() => bucketOf(-1)).toThrow(RangeError);
    expect(() => bucketOf(Number.NaN)).toThrow(RangeError);
  });

  it('keeps a year of durations in under 300 buckets of under 5% error', () => {
    expect(bucketOf(365 * 86_400_000)).toBeLessThan(300);
    expect(relativeError).toBeLessThan(0.05);
  });

  it('counts every sample in exactly one band, the band of its own duration unless it sits within one bucket of an edge', () => {
    const bandOf = (ms: number) => {
      const band = durationBandEdges.findIndex((edge) => ms < edge);
      return band === -1 ? durationBandEdges.length : band;
    };
    const nearEdge = (ms: number) => durationBandEdges.some((edge) => Math.abs(ms - edge) <= edge * relativeError * 2);
    fc.assert(
      fc.property(samples, (values) => {
        const bands = bandCounts(histogramOf(values));
        expect(bands).toHaveLength(durationBandEdges.length + 1);
        expect(bands.reduce((a, b) => a + b, 0)).toBe(values.length);
        const clear = values.filter((ms) => !nearEdge(ms));
        const expected = durationBandEdges.map(() => 0).concat(0);
        for (const ms of clear) expected[bandOf(ms)]! += 1;
        expect(bandCounts(histogramOf(clear))).toEqual(expected);
      }),
    );
  });

  it('puts 50 minutes within the hour, two and a half days into the under-three-days band and a fortnight into the open last band', () => {
    const minute = 60_000;
    const bands = bandCounts(histogramOf([50 * minute, 2.5 * 1440 * minute, 14 * 1440 * minute]));
    expect(bands).toEqual([1, 0, 0, 0, 0, 1, 0, 1]);
  });
});
