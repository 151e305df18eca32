import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { routes } from '#http/routes.ts';
import { stepFunctions } from '#workflows/quote-to-order.ts';
import { bundling, esbuildOptions } from '../infra/bundling.ts';
import type { Benchmark, Sized } from './benchmark.ts';
import { median } from './samples.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** Quick mode bundles and imports one route and one step (test/infra's synth bundles every function). */
const sizes: Sized<{ importRuns: number; measured: (entries: Entry[]) => Entry[] }> = {
  full: { importRuns: 5, measured: (entries) => entries },
  quick: {
    importRuns: 1,
    measured: (entries) =>
      [entries.find((e) => e.kind === 'route'), entries.find((e) => e.kind === 'step')].filter((e) => e !== undefined),
  },
};
const TARGET_BYTES = 300 * 1024;
const TARGET_IMPORT_MS = 40;

/** What the Lambda runtime and the CDK app set before the module loads; the handlers read config lazily. */
const lambdaEnv = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  TABLE_NAME: 'quote-to-order',
  POWERTOOLS_SERVICE_NAME: 'quote-to-order',
  POWERTOOLS_LOG_LEVEL: 'WARN',
  POWERTOOLS_METRICS_NAMESPACE: 'QuoteToOrder',
};

/**
 * Times loading one file in a fresh node process, measured inside it so process start-up is not counted: wall time,
 * and the process's CPU time (user + system, every thread), which the other work on a shared machine inflates far
 * less — on an idle machine the two are close, as loading is single-threaded work.
 */
const importScript = [
  'const c = process.cpuUsage(), t = performance.now();',
  'await import(process.argv[1]);',
  'const u = process.cpuUsage(c);',
  'process.stdout.write(JSON.stringify({ wall: performance.now() - t, cpu: (u.user + u.system) / 1000 }));',
].join(' ');

interface ImportTime {
  wall: number;
  cpu: number;
}

const importTime = (file: string): ImportTime => {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', importScript, pathToFileURL(file).href], {
    env: { PATH: process.env.PATH, ...lambdaEnv },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`importing ${file} failed: ${run.stderr.slice(0, 500)}`);
  return JSON.parse(run.stdout) as ImportTime;
};

const medianImportTime = (file: string, runs: number): ImportTime => {
  const samples = Array.from({ length: runs }, () => importTime(file));
  return { wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)) };
};

interface Entry {
  kind: 'route' | 'step';
  name: string;
  handler: string;
  usedBy: string;
}

const entries = (): Entry[] => {
  const byHandler = new Map<string, Entry>();
  for (const route of routes) {
    const existing = byHandler.get(route.handler);
    if (existing) existing.usedBy += `, ${route.method} ${route.path}`;
    else
      byHandler.set(route.handler, {
        kind: 'route',
        name: route.handler.replace(/^.*\//, '').replace(/\.ts$/, ''),
        handler: route.handler,
        usedBy: `${route.method} ${route.path}`,
      });
  }
  for (const [key, spec] of Object.entries(stepFunctions)) {
    byHandler.set(spec.handler, {
      kind: 'step',
      name: spec.handler.replace(/^.*\//, '').replace(/\.ts$/, ''),
      handler: spec.handler,
      usedBy: key.replace(/FunctionArn$/, ''),
    });
  }
  return [...byHandler.values()];
};

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export const coldStart: Benchmark = {
  name: 'cold-start',
  title: 'Cold start: bundle size and fresh-process import time per function',
  async run({ mode, progress }) {
    const { importRuns, measured: chosen } = sizes[mode];
    const all = entries();
    const present = all.filter((e) => existsSync(resolve(root, e.handler)));
    const missing = all.filter((e) => !present.includes(e));
    const toMeasure = chosen(present);
    const outdir = mkdtempSync(join(tmpdir(), 'quote-to-order-bench-'));
    try {
      progress(`bundling ${toMeasure.length} handlers with esbuild`);
      const bundled = await build({
        ...esbuildOptions,
        entryPoints: Object.fromEntries(toMeasure.map((e) => [`${e.kind}-${e.name}`, resolve(root, e.handler)])),
        outdir,
        outExtension: { '.js': '.cjs' },
        metafile: true,
        logLevel: 'silent',
        absWorkingDir: root,
      });
      const emptyModule = join(outdir, 'empty.cjs');
      writeFileSync(emptyModule, 'module.exports = {};\n');
      progress(`importing the empty module ${importRuns}×`);
      const baseline = medianImportTime(emptyModule, importRuns);

      const measured = [];
      for (const [i, entry] of toMeasure.entries()) {
        const file = join(outdir, `${entry.kind}-${entry.name}.cjs`);
        const output = Object.values(bundled.metafile.outputs).find(
          (o) => o.entryPoint !== undefined && resolve(root, o.entryPoint) === resolve(root, entry.handler),
        );
        const bytes = readFileSync(file).byteLength;
        progress(`importing ${entry.kind} ${entry.name} ${importRuns}× (${i + 1}/${toMeasure.length})`);
        const imported = medianImportTime(file, importRuns);
        const inputs = Object.entries(output?.inputs ?? {})
          .map(([path, input]) => ({ path, bytes: input.bytesInOutput }))
          .sort((a, b) => b.bytes - a.bytes);
        const packages = new Map<string, number>();
        for (const input of inputs) {
          const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input.path)?.[1] ?? '(our code)';
          packages.set(pkg, (packages.get(pkg) ?? 0) + input.bytes);
        }
        const heaviest = [...packages].sort((a, b) => b[1] - a[1]).slice(0, 3);
        measured.push({
          ...entry,
          bytes,
          gzipBytes: gzipSync(readFileSync(file)).byteLength,
          importMs: imported.wall,
          overEmptyMs: imported.wall - baseline.wall,
          cpuMs: imported.cpu,
          cpuOverEmptyMs: imported.cpu - baseline.cpu,
          heaviest: heaviest.map(([pkg, b]) => ({ pkg, bytes: b })),
        });
      }
      measured.sort((a, b) => b.bytes - a.bytes);
      const over = measured.filter((m) => m.bytes > TARGET_BYTES);
      const largest = measured[0];
      const slow = measured.filter((m) => m.cpuOverEmptyMs > TARGET_IMPORT_MS);
      const slowest = [...measured].sort((a, b) => b.cpuOverEmptyMs - a.cpuOverEmptyMs)[0];
      return {
        name: 'cold-start',
        tables: [
          {
            title: this.title,
            columns: [
              'function',
              'kind',
              'bundle',
              'gzip',
              'import wall',
              'minus empty',
              'import CPU',
              'minus empty',
              'largest parts',
            ],
            rows: measured.map((m) => [
              m.name,
              m.kind,
              kb(m.bytes),
              kb(m.gzipBytes),
              `${m.importMs.toFixed(1)} ms`,
              `${m.overEmptyMs.toFixed(1)} ms`,
              `${m.cpuMs.toFixed(1)} ms`,
              `${m.cpuOverEmptyMs.toFixed(1)} ms`,
              m.heaviest.map((h) => `${h.pkg} ${kb(h.bytes)}`).join(', '),
            ]),
            notes: [
              `esbuild with infra/bundling.ts's options (${bundling.format}, minified, tree-shaken, AWS SDK bundled, source map beside it — left out of the size), as infra/function.ts bundles`,
              `import time: median of ${importRuns} fresh \`node\` ${process.version} processes (no --enable-source-maps: stacks are mapped when logged), measured around import() inside the process, wall and process CPU time; empty module ${baseline.wall.toFixed(2)} ms wall, ${baseline.cpu.toFixed(2)} ms CPU`,
              `load average ${loadavg()
                .map((l) => l.toFixed(1))
                .join(
                  ' / ',
                )}: wall time grows with the machine's other work, CPU time much less; the target is judged on CPU`,
              ...(missing.length > 0
                ? [`not bundled (handler file not written yet): ${missing.map((m) => m.handler).join(', ')}`]
                : []),
            ],
          },
        ],
        targets: [
          {
            target: 'every bundle ≤ 300 KB',
            measured: largest
              ? `largest ${largest.name} ${kb(largest.bytes)}; ${over.length} of ${measured.length} over${missing.length ? `; ${missing.length} not written yet` : ''}`
              : 'nothing to bundle',
            pass: measured.length > 0 && over.length === 0 && missing.length === 0,
          },
          {
            target: `every function imports in ≤ ${TARGET_IMPORT_MS} ms over the empty module (CPU time)`,
            measured: slowest
              ? `slowest ${slowest.name} ${slowest.cpuOverEmptyMs.toFixed(1)} ms (${slowest.overEmptyMs.toFixed(1)} ms wall); ${slow.length} of ${measured.length} over`
              : 'nothing imported',
            pass: measured.length > 0 && slow.length === 0 && missing.length === 0,
          },
        ],
        data: {
          emptyModuleImportMs: baseline.wall,
          emptyModuleCpuMs: baseline.cpu,
          importRuns,
          functions: measured,
          missing,
        },
      };
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  },
};
