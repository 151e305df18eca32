import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const domain = join(root, 'functions', 'domain');

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourcesUnder(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );

/** Every module specifier a file names: static imports, re-exports, dynamic imports and require calls. */
const specifiersOf = (source: string): string[] =>
  [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );

const files = sourcesUnder(domain);

describe('the domain stays pure', () => {
  it('finds the domain sources to check', () => {
    expect(files.map((f) => relative(domain, f))).toEqual(
      expect.arrayContaining(['money.ts', 'pricing.ts', 'approval-chain.ts']),
    );
  });

  it('catches every way of naming a module', () => {
    const sample = `import a from '@aws-sdk/x';\nexport { b } from "aws-lambda";\nconst c = await import('@aws-sdk/y');\nimport 'aws-xray-sdk';`;
    expect(specifiersOf(sample)).toEqual(['@aws-sdk/x', 'aws-lambda', '@aws-sdk/y', 'aws-xray-sdk']);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s imports no AWS package', (_, file) => {
    const aws = specifiersOf(readFileSync(file, 'utf8')).filter((s) =>
      /^(@aws-sdk\/|@aws-lambda-powertools\/|aws-)/.test(s),
    );
    expect(aws).toEqual([]);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s reaches no adapter (store, http, steps, email)', (_, file) => {
    const adapters = specifiersOf(readFileSync(file, 'utf8')).filter(
      (s) => /^#(store|http|steps|email|functions|workflows|local)\//.test(s) || s.startsWith('../'),
    );
    expect(adapters).toEqual([]);
  });
});
