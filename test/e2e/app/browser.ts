import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Email } from '../../../local/inbox.ts';
import { demoPassword } from '../../../local/seed/seed.ts';
import { takeContractBreaches, watchContract } from './page-contract.ts';

/**
 * Debian's Chromium driven as a buyer would: by role and label, waiting on what the page shows (Playwright's
 * auto-waiting and `expect.poll`), never on time. Each page is photographed at desktop and phone width into
 * test-artifacts/ and checked with axe-core.
 */
const artifacts = fileURLToPath(new URL('../../../test-artifacts/app/', import.meta.url));

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
  });

export const desktop = { width: 1280, height: 900 };
export const phone = { width: 390, height: 844 };

/**
 * A fresh person: their own context (cookies, storage), as axe needs, at desktop width; its API answers checked. Their
 * browser asks for US English unless told another language (`sv-SE`), so the app opens in a known one.
 */
export const newPage = async (browser: Browser, locale = 'en-US'): Promise<Page> =>
  watchContract(await (await browser.newContext({ viewport: desktop, locale })).newPage());

/**
 * Photographs the page as it is at desktop width and at 390 px, and checks it with axe at both: no serious or
 * critical violation; and every API answer the page received so far kept the contract. Leaves the page at desktop
 * width.
 */
export const record = async (page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> => {
  expect(takeContractBreaches(page), `the API answers ${name} received`).toEqual([]);
  mkdirSync(artifacts, { recursive: true });
  for (const [size, viewport] of [
    ['desktop', desktop],
    ['390', phone],
  ] as const) {
    await page.setViewportSize(viewport);
    // A 1,000-line quote is metres long: such pages are photographed a screen high (axe still checks all of it).
    await page.screenshot({
      path: join(artifacts, `${name}-${size}.png`),
      fullPage: options.fullPage ?? true,
      timeout: 120_000,
    });
    expect(await seriousViolations(page), `${name} at ${size}`).toEqual([]);
  }
  await page.setViewportSize(desktop);
};

/**
 * An email as its reader's mail client shows the HTML part, photographed and checked like a page (`record`, as
 * `email-<name>`): no style sheet, every link opening a new window, every image from an address any client can fetch
 * and loaded.
 */
export const photographMail = async (page: Page, app: string, email: Email, name: string): Promise<void> => {
  expect(email.html).not.toMatch(/<style/);
  for (const anchor of email.html.match(/<a [^>]*>/g) ?? []) expect(anchor).toContain('target="_blank"');
  // Served from the stack's own origin, as a fresh document with no CSP (content written into the last approval page
  // would inherit its CSP, which drops inline styles). From about:blank, Chromium would not load the logo from this
  // machine's address (private network access), and the photo showed a broken image where the reader sees the logo.
  const at = `${app}mail/${name}.html`;
  await page.route(at, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: email.html }));
  await page.goto(at);
  await page.unroute(at);
  const loaded = (img: unknown) => {
    const shown = img as { complete: boolean; naturalWidth: number };
    return shown.complete && shown.naturalWidth > 0;
  };
  for (const image of await page.locator('img').all()) {
    expect(await image.getAttribute('src'), 'an image every mail client can fetch').toMatch(/^https?:\/\//);
    await expect.poll(() => image.evaluate(loaded), { message: `${name}: its image loads` }).toBe(true);
  }
  await record(page, `email-${name}`);
};

/** axe-core's serious and critical violations on the page as it is now, each as a line naming the nodes. */
export const seriousViolations = async (page: Page): Promise<string[]> => {
  // Legacy mode runs axe in the page itself; the default opens a blank page per check to merge the results of
  // cross-origin frames, and no page of ours has a frame. Only violations are listed: passes are thousands of nodes.
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
};

/**
 * The local provider's sign-in page, by keyboard: the app's button, the email, the password (the seeded people's
 * unless given), Enter.
 */
export const signIn = async (page: Page, email: string, password = demoPassword): Promise<void> => {
  await page.getByRole('button', { name: 'Sign in' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.keyboard.press('Enter');
};

/** Types over a field's value by keyboard, as a person does: into the field, select all, type. */
export const retype = async (field: Locator, text: string): Promise<void> => {
  await field.focus();
  await field.page().keyboard.press('ControlOrMeta+A');
  await field.page().keyboard.type(text);
};

export const heading = (page: Page) => page.getByRole('heading', { level: 1 });
