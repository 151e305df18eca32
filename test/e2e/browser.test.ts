import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local/stack.ts';

/**
 * A person in a real browser (Debian's chromium, headless): the rep opens the review link from the local inbox and
 * clicks Approve; the buyer opens the quote page, enters a PO number and accepts. Screenshots land in test-artifacts/.
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

interface InboxEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
}

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
  const linkInEmail = (to: string, rfqId: string, pattern: RegExp) =>
    until(`an email to ${to} about ${rfqId}`, async () => {
      const { emails } = (await (await fetch(`${stack.urls.ses}/store`)).json()) as { emails: InboxEmail[] };
      const mail = emails.find((m) => m.destination.to.some((a) => a.includes(to)) && m.subject.includes(rfqId));
      return pattern.exec(mail?.body.text ?? '')?.[1];
    });
  const reviewLink = (rfqId: string) => linkInEmail(riley.email, rfqId, /(http\S+\/approvals\/[A-Za-z0-9_-]{43})/);
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
    stack = await startLocalStack({
      reuse: { dynamoEndpoint: inject('dynamoEndpoint'), sesEndpoint: inject('sesEndpoint') },
      tableName: `browser-${randomUUID().slice(0, 8)}`,
    });
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

  it('the buyer follows the quote email to the quote page, signs in, and accepts with a PO number', async () => {
    const rfqId = await submit();
    const rep = await browser.newPage();
    await rep.goto(await reviewLink(rfqId));
    await rep.getByRole('button', { name: 'Approve' }).click();
    await reaches(rfqId, ['QUOTED']);
    await rep.close();

    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    const opened = await page.goto(await linkInEmail(dana.email, rfqId, /(http\S+\/rfqs\/\S+\/page)\b/));
    expect(opened?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(opened?.headers()['content-security-policy']).not.toContain('unsafe-inline');
    await page.getByLabel('Your access token').fill(await stack.tokenFor(dana));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#rfq-status').textContent()).toBe('quoted');
    expect(await page.locator('#lines tr').count()).toBe(2);
    await shoot(page, 'buyer-quote.png');

    await page.getByLabel('Purchase order number').fill('PO-BROWSER-1');
    await page.getByRole('button', { name: 'Accept the quote' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Accepted/);
    expect(await reaches(rfqId, ['ACCEPTED', 'PENDING_APPROVAL', 'APPROVED', 'ORDERED'])).not.toBe('QUOTED');
    expect((await api(`/rfqs/${rfqId}`, dana)).poNumber).toBe('PO-BROWSER-1');
    await shoot(page, 'buyer-quote-accepted.png');
    expect(refused).toEqual([]);
    await page.close();

    // A sign-in that returns with the token in the fragment: used once, then gone from the address bar.
    const token = await stack.tokenFor(dana);
    const again = await browser.newPage();
    await again.goto(`${stack.urls.api}/rfqs/${rfqId}/page#token=${token}`);
    await expect.poll(() => again.locator('#po-number').textContent()).toBe('PO-BROWSER-1');
    expect(again.url()).toBe(`${stack.urls.api}/rfqs/${rfqId}/page`);
    expect(await again.locator('#decide').isHidden()).toBe(true);
    await again.close();
  });
});
