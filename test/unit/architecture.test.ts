import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Which layer may import which, beside the domain-purity test: use cases (application) know nothing of HTTP, pages
 * render what they are given (no store, no use case, no config), the workflow's typed side knows nothing of HTTP, and
 * the domain imports only itself and zod. Type-only imports count too: a type is a dependency all the same.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

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

const rules: { layer: string; never: RegExp; why: string }[] = [
  { layer: 'functions/application', never: /^(#http\/|\.\.\/http\/)/, why: 'use cases never import #http' },
  {
    layer: 'functions/pages',
    never:
      /^(#store\/|\.\.\/store\/|#application\/|#functions\/application\/|\.\.\/application\/|#functions\/config\.ts|\.\.\/config\.ts)/,
    why: 'pages never import the store, use cases or config',
  },
  { layer: 'workflows', never: /^(#http\/|\.\.\/functions\/http\/)/, why: 'workflows never import #http' },
  { layer: 'functions/domain', never: /^(?!\.\/|zod$)/, why: 'the domain imports only itself and zod' },
  { layer: 'functions/email', never: /^(#functions\/pages\/|\.\.\/pages\/)/, why: 'emails never import pages' },
  {
    layer: 'functions/pages',
    never: /^(#email\/|#functions\/email\/|\.\.\/email\/)/,
    why: 'pages never import emails',
  },
  {
    layer: 'functions/rendering',
    never: /^(#email\/|#functions\/(email|pages)\/|\.\.\/(email|pages)\/)/,
    why: 'what emails, pages and the PDF share imports none of them',
  },
];

describe('the layers import only what they may', () => {
  it('catches an import it should', () => {
    expect('#http/problem.ts').toMatch(rules[0]!.never);
    expect('#functions/config.ts').toMatch(rules[1]!.never);
    expect('#store/ports.ts').toMatch(rules[3]!.never);
    expect('./money.ts').not.toMatch(rules[3]!.never);
    expect('#email/quote-summary.ts').toMatch(rules[5]!.never);
  });

  for (const { layer, never, why } of rules) {
    const files = sourcesUnder(layer);
    it(`${why} (${files.length} files)`, () => {
      expect(files.length).toBeGreaterThan(0);
      const offending = files.flatMap((file) =>
        specifiersOf(file)
          .filter((s) => never.test(s))
          .map((s) => `${relative(root, join(root, file))} imports ${s}`),
      );
      expect(offending).toEqual([]);
    });
  }
});
