import { test } from 'vitest';
import { launchChromium, newPage } from './browser.ts';

/**
 * The browser tests' `it`: Chromium for the worker (a forked worker runs one file, so in practice one per file, started
 * by the first test that asks for it) and `page`, a fresh person (their own context) per test, closed after it.
 * A file's stack is `useTestStack(name)`; a story told across tests takes its page from `browser` in `it.beforeAll`.
 */
export const appTest = test
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from its destructuring; none here
  .extend('browser', { scope: 'worker' }, async ({}, { onCleanup }) => {
    const browser = await launchChromium();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend('page', async ({ browser }, { onCleanup }) => {
    const page = await newPage(browser);
    onCleanup(() => page.context().close());
    return page;
  });
