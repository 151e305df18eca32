import type { Page, Response } from 'playwright-core';
import { checkAnswer } from '../contract.ts';

/**
 * The web app is a client of the API too: every API answer a page receives is checked against the contract as the
 * tests' own calls are (test/e2e/contract.ts). A browser event cannot fail the test by throwing, so breaches are kept
 * per page and `record` (which every browser test calls at each screen) asserts there are none.
 */
const breaches = new WeakMap<Page, string[]>();

const check = async (response: Response, found: string[]) => {
  const request = response.request();
  // A redirect has no body to read (a followed one is checked where it ends); a page that moved on before the body
  // arrived cannot show what it was, so that answer goes unchecked rather than misjudged.
  const redirect = response.status() >= 300 && response.status() < 400;
  const text = redirect ? '' : await response.text().catch(() => undefined);
  if (text === undefined) return;
  try {
    checkAnswer({
      method: request.method(),
      url: response.url(),
      status: response.status(),
      contentType: response.headers()['content-type'] ?? null,
      text,
    });
  } catch (error) {
    found.push((error as Error).message);
  }
};

export const watchContract = (page: Page): Page => {
  const found: string[] = [];
  breaches.set(page, found);
  page.on('response', (response) => void check(response, found));
  return page;
};

/** The breaches found since the last time they were taken: each fails one test, the one that was on the page. */
export const takeContractBreaches = (page: Page): string[] => breaches.get(page)?.splice(0) ?? [];
