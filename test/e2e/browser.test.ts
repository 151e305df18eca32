import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Inbox, openInbox } from '../../local/inbox.ts';
import type { LocalStack } from '../../local/stack.ts';
import { startTestStack } from './test-stack.ts';

/**
 * A person in a real browser (Debian's chromium, headless): the rep opens the review link from the local inbox and
 * clicks Approve; the buyer's quote email leads into the app, and so does the old quote page's URL. Screenshots land
 * in test-artifacts/.
 */
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

const dana = { email: 'dana@acme.example', groups: ['buyer' as const], companyId: 'acme' };
const riley = { email: 'riley@northwind.example', groups: ['rep' as const] };

const until = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('in a browser', () => {
  let stack: LocalStack;
  let browser: BrowserContext;
  let profile: string;
  let inbox: Inbox;

  const api = async (path: string, as: object, init: RequestInit = {}) => {
    const token = await stack.tokenFor(as as Parameters<LocalStack['tokenFor']>[0]);
    const response = await fetch(`${stack.urls.api}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
    return (await response.json()) as { rfqId: string; status: string; poNumber?: string | null };
  };
  const statusOf = async (rfqId: string) => (await api(`/rfqs/${rfqId}`, riley)).status;
  const reaches = (rfqId: string, statuses: string[]) =>
    until(`${rfqId} to reach ${statuses.join(' or ')}`, async () => {
      const status = await statusOf(rfqId);
      return statuses.includes(status) ? status : undefined;
    });
  const mailTo = (to: string, subject: string) =>
    until(`an email to ${to}: ${subject}`, async () =>
      (await inbox.emailsTo(to)).find((m) => m.subject.includes(subject)),
    );
  const reviewLink = async (rfqId: string) => inbox.linksIn(await mailTo(riley.email, `Review quote ${rfqId}`))[0]!;
  const submit = async () => {
    const { rfqId } = await api('/rfqs', dana, {
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        lines: [
          { sku: 'SAF-HAT-WHT', quantity: 40 },
          { sku: 'PKG-BOX-1212', quantity: 60 },
        ],
      }),
    });
    await reaches(rfqId, ['IN_REVIEW']);
    return rfqId;
  };
  const shoot = async (page: Page, name: string) => {
    await page.screenshot({ path: join(artifacts, name), fullPage: true });
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'q2o-chromium-'));
    stack = await startTestStack('browser');
    inbox = openInbox(stack.urls.ses, { linksTo: stack.urls.api });
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: chromiumArgs,
      viewport: { width: 414, height: 896 },
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('the rep opens the review link from the inbox, clicks Approve, and the quote goes to the buyer', async () => {
    const rfqId = await submit();
    const page = await browser.newPage();
    const opened = await page.goto(await reviewLink(rfqId));
    expect(opened?.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(rfqId);
    expect(await page.locator('meta[name=viewport]').count()).toBe(1);
    expect(await statusOf(rfqId)).toBe('IN_REVIEW');
    await shoot(page, 'rep-review-link.png');

    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Approved/);
    await shoot(page, 'rep-review-approved.png');
    expect(await reaches(rfqId, ['QUOTED'])).toBe('QUOTED');
    await page.close();
  });

  it('the quote email links into the app, and the old quote page URL sends the browser there too', async () => {
    const rfqId = await submit();
    const rep = await browser.newPage();
    await rep.goto(await reviewLink(rfqId));
    await rep.getByRole('button', { name: 'Approve' }).click();
    await reaches(rfqId, ['QUOTED']);
    await rep.close();

    const app = `${stack.urls.app}rfqs/${rfqId}`;
    const quote = await mailTo(dana.email, `Your quote ${rfqId}`);
    expect(/(http\S+\/app\/rfqs\/\S+?)\s/.exec(quote.text)?.[1]).toBe(app);
    const old = await fetch(`${stack.urls.api}/rfqs/${rfqId}/page`, { redirect: 'manual' });
    expect(old.status).toBe(302);
    expect(old.headers.get('location')).toBe(`/app/rfqs/${rfqId}`);
    const page = await browser.newPage();
    await page.goto(`${stack.urls.api}/rfqs/${rfqId}/page`);
    expect(page.url()).toBe(app);
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    await page.close();
  });
});
