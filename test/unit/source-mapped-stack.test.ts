import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceMappedStack } from '#http/source-mapped-stack.ts';
import { bundling } from '../../infra/bundling.ts';

const dir = mkdtempSync(join(tmpdir(), 'source-mapped-stack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A function bundled as the functions are (minified, its map beside it), whose error says where it was thrown. */
const bundledThrow = async (withMap: boolean): Promise<string> => {
  writeFileSync(
    join(dir, 'refuse.ts'),
    ['export const refuse = (what: string): never => {', "  throw new Error('no ' + what);", '};', ''].join('\n'),
  );
  const outfile = join(dir, withMap ? 'with-map.cjs' : 'without-map.cjs');
  await build({
    entryPoints: [join(dir, 'refuse.ts')],
    outfile,
    bundle: true,
    format: bundling.format,
    platform: 'node',
    minify: bundling.minify,
    sourcemap: withMap,
    sourcesContent: false,
    logLevel: 'silent',
  });
  const { refuse } = createRequire(import.meta.url)(outfile) as { refuse: (what: string) => never };
  try {
    refuse('stock');
  } catch (error) {
    return (error as Error).stack ?? '';
  }
  throw new Error('refuse returned');
};

describe('a logged stack trace', () => {
  it('points into the sources where the bundle has its map beside it', async () => {
    const stack = await bundledThrow(true);
    expect(stack).toMatch(/with-map\.cjs:\d+:\d+/);
    expect(sourceMappedStack(stack)).toMatch(/refuse\.ts:2:\d+/);
  });

  it('stays as it is where there is no map', async () => {
    const stack = await bundledThrow(false);
    expect(sourceMappedStack(stack)).toBe(stack);
  });
});
