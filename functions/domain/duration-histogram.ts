/**
 * Durations as a mergeable histogram with fixed logarithmic buckets, so a percentile over any set of rollups is the
 * percentile of the union of their samples (within one bucket's error) — never a re-read of RFQs, and never an
 * average of percentiles. Bucket `i ≥ 1` holds the durations d (in ms) with 2^((i-1)/8) ≤ d < 2^(i/8); bucket 0
 * holds everything under 1 ms. Eight buckets per doubling: a year in ms needs 280 of them, and only the buckets
 * actually used are stored.
 */
export type Histogram = Readonly<Record<number, number>>;

const BUCKETS_PER_DOUBLING = 8;

/**
 * A bucket's reported value is the geometric middle of its bounds, so the reported value is off from any sample in
 * the bucket by at most this factor minus one, relative: 2^(1/16) − 1 ≈ 4.43%.
 */
export const relativeError = 2 ** (1 / (2 * BUCKETS_PER_DOUBLING)) - 1;

export const bucketOf = (ms: number): number => {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`a duration must be a finite number ≥ 0, got ${ms}`);
  if (ms < 1) return 0;
  return Math.floor(Math.log2(ms) * BUCKETS_PER_DOUBLING) + 1;
};

/** [lower, upper) of a bucket, in ms. */
export const bucketBounds = (bucket: number): [number, number] =>
  bucket === 0 ? [0, 1] : [2 ** ((bucket - 1) / BUCKETS_PER_DOUBLING), 2 ** (bucket / BUCKETS_PER_DOUBLING)];

/** What a bucket reports: the geometric middle of its bounds (0 for the sub-millisecond bucket). */
export const bucketValue = (bucket: number): number => {
  if (bucket === 0) return 0;
  const [lower, upper] = bucketBounds(bucket);
  return Math.sqrt(lower * upper);
};

export const histogramOf = (samplesMs: readonly number[]): Histogram => {
  const counts: Record<number, number> = {};
  for (const ms of samplesMs) {
    const bucket = bucketOf(ms);
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  return counts;
};

export const mergeHistograms = (a: Histogram, b: Histogram): Histogram => {
  const merged: Record<number, number> = { ...a };
  for (const [bucket, count] of Object.entries(b)) merged[Number(bucket)] = (merged[Number(bucket)] ?? 0) + count;
  return merged;
};

export const sampleCount = (histogram: Histogram): number =>
  Object.values(histogram).reduce((total, count) => total + count, 0);

/**
 * The nearest-rank percentile (`p` in (0, 1]): the value of the bucket holding the ⌈p·n⌉-th smallest sample, or
 * undefined for an empty histogram. Within `relativeError` of that sample (and exact for the sub-ms bucket's 0).
 */
export const percentile = (histogram: Histogram, p: number): number | undefined => {
  if (!(p > 0 && p <= 1)) throw new RangeError(`a percentile is in (0, 1], got ${p}`);
  const buckets = Object.entries(histogram)
    .map(([bucket, count]) => [Number(bucket), count] as const)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return undefined;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const [bucket, count] of buckets) {
    seen += count;
    if (seen >= rank) return bucketValue(bucket);
  }
  return bucketValue(buckets.at(-1)![0]);
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The bands a person reads a distribution of waiting times in — within the hour, within a working morning, within the
 * working day, the same day, the next day, within three days, within the week, longer — as their upper bounds in ms
 * (the last is open).
 */
export const durationBandEdges: readonly number[] = [HOUR, 4 * HOUR, 8 * HOUR, DAY, 2 * DAY, 3 * DAY, 7 * DAY];

/**
 * How many samples fall in each band (`durationBandEdges.length + 1` counts, the last open-ended). A bucket counts in
 * the band holding its reported value, so a sample within `relativeError` of an edge may count on the edge's other side.
 */
export const bandCounts = (histogram: Histogram): number[] => {
  const counts = durationBandEdges.map(() => 0).concat(0);
  for (const [bucket, count] of Object.entries(histogram)) {
    const value = bucketValue(Number(bucket));
    const band = durationBandEdges.findIndex((edge) => value < edge);
    counts[band === -1 ? durationBandEdges.length : band]! += count;
  }
  return counts;
};
