import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';

/**
 * A bundle's stack trace in our sources, mapped when an error is logged instead of by `--enable-source-maps` at every
 * start: with that flag Node reads and parses each bundle's map as it loads it, a seventh of a function's cold start
 * (bench/cold-start.ts), for the rare 500 that logs a stack. Each bundle's map (`<file>.map`, which the build writes
 * beside it) is read once, on the first error that passes through it; a frame without a map stays as it is.
 */
const maps = new Map<string, SourceMap | undefined>();

const mapOf = (file: string): SourceMap | undefined => {
  if (!maps.has(file)) {
    let map: SourceMap | undefined;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = undefined;
    }
    maps.set(file, map);
  }
  return maps.get(file);
};

/** `/var/task/index.js:1:23456` in a frame: an absolute path to JavaScript, 1-based line and column. */
const bundledFrame = /(\/[^\s():]+\.[cm]?js):(\d+):(\d+)/g;

export const sourceMappedStack = (stack: string): string =>
  stack.replace(bundledFrame, (frame, file: string, line: string, column: string) => {
    const entry = mapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    return entry && 'originalSource' in entry
      ? `${entry.originalSource}:${entry.originalLine + 1}:${entry.originalColumn + 1}`
      : frame;
  });
