import type { LocalStack } from '#local/stack.ts';
import type { BenchResult } from './report.ts';

/**
 * `full`: the sizes the targets are judged at (`npm run bench`). `quick`: tiny sizes that run in seconds, every code
 * path of the benchmark but no target judged — `npm test` runs it (test/e2e/benchmarks.test.ts) so a benchmark that
 * no longer runs fails CI instead of rotting until the next full run.
 */
export type BenchMode = 'full' | 'quick';

/** A benchmark's sizes for each mode, picked once per run. */
export type Sized<T> = Record<BenchMode, T>;

export interface BenchContext {
  mode: BenchMode;
  /** The local stack, started on first use and shared by every benchmark of the run. */
  stack(): Promise<LocalStack>;
  /** A progress line on stderr while the benchmark runs. */
  progress(message: string): void;
  /** Results of the benchmarks that already ran (the cost model reads the flow's). */
  results: ReadonlyMap<string, BenchResult>;
}

export interface Benchmark {
  name: string;
  title: string;
  /** Benchmarks that must run first (and run when this one is asked for alone). */
  after?: readonly string[];
  run(context: BenchContext): Promise<BenchResult>;
}
