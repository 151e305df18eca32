import { describe, expect, it } from 'vitest';
import { benchmarks } from '../../bench/benchmarks.ts';
import type { BenchResult } from '../../bench/report.ts';
import { useTestStack } from './test-stack.ts';

/**
 * Every benchmark of `npm run bench`, in its order, in quick mode (tiny sizes, no target judged) on one stack: a
 * benchmark that no longer runs — a flow that waits for the wrong email, a route it calls that changed — fails CI here
 * instead of on the next full run. The figures are not judged; they only have to be numbers.
 */
describe('every benchmark runs in quick mode', () => {
  // The KPI benchmark times the rollups fed by the table's stream.
  const stack = useTestStack('benchmarks', { kpiStream: true });
  const results = new Map<string, BenchResult>();

  it.each(benchmarks.map((benchmark) => [benchmark.name, benchmark] as const))('%s', async (_, benchmark) => {
    const result = await benchmark.run({
      mode: 'quick',
      stack: async () => stack,
      progress: () => undefined,
      results,
    });
    results.set(benchmark.name, result);

    expect(result.tables.length).toBeGreaterThan(0);
    for (const table of result.tables) {
      expect(table.rows.length, table.title).toBeGreaterThan(0);
      const cells = table.rows.flat().map(String);
      expect(
        cells.filter((cell) => /NaN|Infinity/.test(cell)),
        table.title,
      ).toEqual([]);
    }
    for (const target of result.targets) expect(target.measured, target.target).not.toMatch(/NaN|Infinity/);
  });
});
