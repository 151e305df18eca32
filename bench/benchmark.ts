import type { LocalStack } from '#local/stack.ts';
import type { BenchResult } from './report.ts';

export interface BenchContext {
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
