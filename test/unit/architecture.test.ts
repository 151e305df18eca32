import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Which layer may import which, beside the domain-purity test, read from the import graph of `functions/` and
 * `workflows/` (every specifier resolved to the file or package it names, so `#http/x.ts`, `#functions/http/x.ts` and
 * `../http/x.ts` are one dependency). Type-only imports count too: a type is a dependency all the same. The layering
 * these rules hold, and why, is docs/architecture.md.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

type Graph = ReadonlyMap<string, readonly string[]>;

const sourcesUnder = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourcesUnder(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );

const specifiersOf = (file: string): string[] =>
  [
    ...readFileSync(join(root, file), 'utf8').matchAll(
      /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g,
    ),
  ].map((m) => m[1]!);

/** package.json's subpath imports, `#http/*` → `functions/http/`. */
const aliases = Object.entries<string>(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).imports).map(
  ([alias, path]) => [alias.replace(/\*$/, ''), normalize(path.replace(/\*$/, ''))] as const,
);

/** The file (from the root) or the package a specifier names. */
const resolved = (file: string, specifier: string): string => {
  if (specifier.startsWith('.')) return normalize(join(dirname(file), specifier));
  const alias = aliases.find(([prefix]) => specifier.startsWith(prefix));
  return alias ? join(alias[1], specifier.slice(alias[0].length)) : specifier;
};

const graphOf = (dirs: string[]): Graph =>
  new Map(
    dirs
      .flatMap(sourcesUnder)
      .map((file) => [file, specifiersOf(file).map((specifier) => resolved(file, specifier))] as const),
  );

/** `functions/steps/x.ts` → `functions/steps`; a file directly under `functions/` is a folder of its own. */
const folderOf = (file: string): string => file.split('/').slice(0, 2).join('/');

const within = (file: string, prefixes: readonly string[]): boolean =>
  prefixes.some((prefix) => file === prefix || file.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`));

/** Each import from a file under `from` of a file or package under `never`, as `file imports target`. */
const forbidden = (graph: Graph, from: string, never: readonly string[]): string[] =>
  [...graph]
    .filter(([file]) => within(file, [from]))
    .flatMap(([file, targets]) => targets.filter((t) => within(t, never)).map((t) => `${file} imports ${t}`));

/** Pairs of folders under `functions/` that import each other, each with one import either way. */
const folderCycles = (graph: Graph): string[] => {
  const edges = new Map<string, string>();
  for (const [file, targets] of graph)
    for (const target of targets)
      if (target.startsWith('functions/') && folderOf(file) !== folderOf(target))
        edges.set(`${folderOf(file)} → ${folderOf(target)}`, `${file} imports ${target}`);
  return [...edges]
    .filter(([pair]) => {
      const [from, to] = pair.split(' → ');
      return from! < to! && edges.has(`${to} → ${from}`);
    })
    .map(([pair, example]) => {
      const [from, to] = pair.split(' → ');
      return `${from} ↔ ${to}: ${example}; ${edges.get(`${to} → ${from}`)}`;
    });
};

/** What a module reaches through its imports (types included) that is an SDK or an SDK client. */
const adaptersReachedFrom = (graph: Graph, module: string): string[] => {
  const seen = new Set<string>([module]);
  const queue = [module];
  const reached: string[] = [];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const target of graph.get(file) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      if (within(target, sdk)) reached.push(`${module} reaches ${target} through ${file}`);
      else queue.push(target);
    }
  }
  return reached;
};

const sdk = ['@aws-sdk', '@aws-lambda-powertools', 'functions/clients'];
/** A port (`ports.ts`), or the set of ports a kind of handler is given (`deps.ts`): types, never the adapters. */
const isPort = (file: string): boolean => /\/(ports|deps)\.ts$/.test(file);

const rules: { from: string; never: string[]; why: string }[] = [
  {
    from: 'functions/application',
    never: ['functions/http', 'functions/steps', ...sdk],
    why: 'use cases throw domain errors and know nothing of HTTP, the workflow’s steps or an SDK',
  },
  {
    from: 'functions/pages',
    never: ['functions/store', 'functions/application', 'functions/config.ts', 'functions/email'],
    why: 'pages render what they are given: no store, use case, config or email',
  },
  { from: 'functions/email', never: ['functions/pages'], why: 'emails import no page' },
  {
    from: 'functions/rendering',
    never: ['functions/email', 'functions/pages', 'functions/store', 'functions/application'],
    why: 'what emails, pages and the PDF share imports none of them',
  },
  { from: 'workflows', never: ['functions/http'], why: 'the workflow’s typed side knows nothing of HTTP' },
  {
    from: 'functions/http',
    never: ['functions/steps', 'functions/mail-feedback', 'functions/streams'],
    why: 'handlers reach the workflow’s work through use cases, never through its steps',
  },
  {
    from: 'functions/steps',
    never: ['functions/http', 'functions/mail-feedback', 'functions/streams'],
    why: 'steps know nothing of the other entry points',
  },
];

describe('the layers import only what they may', () => {
  const graph = graphOf(['functions', 'workflows']);

  it('reads the graph it checks', () => {
    expect(graph.get('functions/http/http.ts')).toContain('functions/http/problem.ts');
    expect(resolved('functions/application/x.ts', '#http/problem.ts')).toBe('functions/http/problem.ts');
    expect(resolved('functions/application/x.ts', '../http/problem.ts')).toBe('functions/http/problem.ts');
    expect(resolved('functions/application/x.ts', '#functions/http/problem.ts')).toBe('functions/http/problem.ts');
  });

  it('catches a use case importing a step, two folders importing each other and an SDK behind a port', () => {
    const old: Graph = new Map([
      ['functions/application/buyer-decision.ts', ['functions/steps/reprice.ts', 'functions/workflow/client.ts']],
      ['functions/steps/open-wait.ts', ['functions/application/link-token.ts']],
      ['functions/workflow/ports.ts', ['functions/workflow/client.ts']],
      ['functions/workflow/client.ts', ['@aws-sdk/client-sfn']],
      ['functions/http/submit-rfq.ts', ['functions/http/problem.ts']],
    ]);
    expect(forbidden(old, 'functions/application', rules[0]!.never)).toEqual([
      'functions/application/buyer-decision.ts imports functions/steps/reprice.ts',
    ]);
    expect(folderCycles(old)).toEqual([
      'functions/application ↔ functions/steps: functions/application/buyer-decision.ts imports functions/steps/reprice.ts; functions/steps/open-wait.ts imports functions/application/link-token.ts',
    ]);
    expect(adaptersReachedFrom(old, 'functions/workflow/ports.ts')).toEqual([
      'functions/workflow/ports.ts reaches @aws-sdk/client-sfn through functions/workflow/client.ts',
    ]);
  });

  for (const { from, never, why } of rules) {
    it(`${why} (${from})`, () => {
      expect([...graph.keys()].some((file) => within(file, [from]))).toBe(true);
      expect(forbidden(graph, from, never)).toEqual([]);
    });
  }

  it('no two folders of functions/ import each other', () => {
    expect(folderCycles(graph)).toEqual([]);
  });

  const ports = [...graph.keys()].filter(isPort);
  it(`no SDK client is reachable from a port (${ports.length} ports)`, () => {
    expect(ports).toEqual(
      expect.arrayContaining(['functions/store/ports.ts', 'functions/workflow/ports.ts', 'functions/steps/deps.ts']),
    );
    expect(ports.flatMap((port) => adaptersReachedFrom(graph, port))).toEqual([]);
  });

  const useCases = [...graph.keys()].filter((file) => within(file, ['functions/application']));
  it(`no SDK client is reachable from a use case (${useCases.length} use cases): adapters are passed in`, () => {
    expect(useCases.flatMap((file) => adaptersReachedFrom(graph, file))).toEqual([]);
  });
});
