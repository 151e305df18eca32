import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import type { LocalStack } from '#local/stack.ts';
import type { BenchContext, BenchMode } from './benchmark.ts';
import { benchmarks } from './benchmarks.ts';
import { type BenchResult, renderTable, renderTargets, type TargetCheck } from './report.ts';

/**
 * `npm run bench` runs every benchmark in order; `--only <name>` runs one (and what it needs first); `--quick` runs them
 * at tiny sizes in seconds and judges no target (what `npm test` runs). Progress goes to stderr, the tables to stdout,
 * everything a full run measured to bench/results.json.
 */
const { values } = parseArgs({
  options: { only: { type: 'string', multiple: true }, quick: { type: 'boolean', default: false } },
});
const mode: BenchMode = values.quick ? 'quick' : 'full';
const byName = new Map(benchmarks.map((b) => [b.name, b]));
for (const name of values.only ?? []) {
  if (!byName.has(name)) {
    console.error(`unknown benchmark "${name}"; choose from: ${[...byName.keys()].join(', ')}`);
    process.exit(2);
  }
}
const wanted = new Set<string>();
const want = (name: string) => {
  for (const before of byName.get(name)?.after ?? []) want(before);
  wanted.add(name);
};
for (const name of values.only ?? benchmarks.map((b) => b.name)) want(name);
const selected = benchmarks.filter((b) => wanted.has(b.name));

const runStarted = performance.now();
const clock = () => `${((performance.now() - runStarted) / 1000).toFixed(1).padStart(6)} s`;

let stack: Promise<LocalStack> | undefined;
const startStack = () => {
  // Imported on first use: the benchmarks that need no stack run without loading it.
  stack ??= import('#local/stack.ts').then(({ startLocalStack }) =>
    startLocalStack({
      log: (p) => {
        if (p.state === 'ready')
          console.error(
            `${clock()}  [stack] ${p.service} ready in ${Math.round(p.ms ?? 0)} ms${p.detail ? ` (${p.detail})` : ''}`,
          );
      },
    }),
  );
  return stack;
};

const results = new Map<string, BenchResult>();
const timings: Record<string, number> = {};
let failed = false;
/** Other work on the machine skews every latency here; the load average says how much there was. */
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const loadAtStart = load();
console.log(
  `quote-to-order benchmarks — ${new Date().toISOString()} — node ${process.version}, ${availableParallelism()} cpus (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadAtStart} (1/5/15 min)\n`,
);
try {
  for (const benchmark of selected) {
    const started = performance.now();
    const context: BenchContext = {
      mode,
      stack: startStack,
      progress: (message) => console.error(`${clock()}  [${benchmark.name}] ${message}`),
      results,
    };
    context.progress('starting');
    try {
      const result = await benchmark.run(context);
      results.set(benchmark.name, result);
      timings[benchmark.name] = (performance.now() - started) / 1000;
      console.log(`${result.tables.map(renderTable).join('\n\n')}\n`);
      context.progress(`done in ${timings[benchmark.name]?.toFixed(1)} s`);
    } catch (error) {
      failed = true;
      context.progress(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      console.log(`▸ ${benchmark.title}\n  FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
} finally {
  if (stack) await (await stack.catch(() => undefined))?.stop();
}

const targets: TargetCheck[] = mode === 'full' ? [...results.values()].flatMap((r) => r.targets) : [];
if (targets.length > 0) console.log(`${renderTargets(targets)}\n`);
if (mode === 'quick') console.log('quick mode: tiny sizes, no target judged\n');
const wallSeconds = (performance.now() - runStarted) / 1000;
console.log(
  `load average ${load()} at the end (1/5/15 min); wall time ${wallSeconds.toFixed(1)} s (${Object.entries(timings)
    .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
    .join(', ')})${mode === 'full' ? ' — details in bench/results.json' : ''}`,
);
if (mode === 'full')
  writeFileSync(
    new URL('./results.json', import.meta.url),
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        node: process.version,
        cpus: availableParallelism(),
        loadAverage: { atStart: loadAtStart, atEnd: load() },
        wallSeconds,
        timings,
        targets,
        results: Object.fromEntries([...results].map(([name, r]) => [name, { tables: r.tables, data: r.data }])),
      },
      null,
      2,
    )}\n`,
  );
process.exit(failed ? 1 : 0);
