import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { User } from './api.ts';
import { appTest as it } from './app/app-test.ts';
import { stackApi } from './app/stack-api.ts';
import { contractFetch } from './contract.ts';
import { useTestStack } from './test-stack.ts';
import { until } from './until.ts';

/**
 * A person in a real browser (Debian's chromium, headless): the rep opens the review link from the local inbox and
 * clicks Approve; the buyer's quote email leads into the app, and so does the old quote page's URL. Screenshots land
 * in test-artifacts/.
 */
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const phone = { width: 414, height: 896 };

const dana: User = { email: 'dana@acme.example', groups: ['buyer'], companyId: 'acme' };
const riley: User = { email: 'riley@northwind.example', groups: ['rep'] };

describe('in a browser', () => {
  const stack = useTestStack('browser');
  const { call } = stackApi(stack);

  const statusOf = async (rfqId: string): Promise<string> => (await call('GET', `/rfqs/${rfqId}`, riley)).body.status;
  const reaches = (rfqId: string, statuses: string[]) =>
    until(`${rfqId} to reach ${statuses.join(' or ')}`, async () => {
      const status = await statusOf(rfqId);
      return statuses.includes(status) ? status : undefined;
    });
  const mailTo = (to: string, subject: string) =>
    until(`an email to ${to}: ${subject}`, async () =>
      (await stack.inbox.emailsTo(to)).find((m) => m.subject.includes(subject)),
    );
  const reviewLink = async (rfqId: string) =>
    stack.inbox.linksIn(await mailTo(riley.email, `Review quote ${rfqId}`))[0]!;
  const submit = async () => {
    const submitted = await call('POST', '/rfqs', dana, {
      lines: [
        { sku: 'SAF-HAT-WHT', quantity: 40 },
        { sku: 'PKG-BOX-1212', quantity: 60 },
      ],
    });
    const rfqId: string = submitted.body.rfqId;
    await reaches(rfqId, ['IN_REVIEW']);
    return rfqId;
  };
  const shoot = async (page: Page, name: string) => {
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, name), fullPage: true });
  };

  it('the rep opens the review link from the inbox, clicks Approve, and the quote goes to the buyer', async ({
    browser,
  }) => {
    const rfqId = await submit();
    const page = await browser.newPage({ viewport: phone });
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

  it('the quote email links into the app, and the old quote page URL sends the browser there too', async ({
    browser,
  }) => {
    const rfqId = await submit();
    const rep = await browser.newPage({ viewport: phone });
    await rep.goto(await reviewLink(rfqId));
    await rep.getByRole('button', { name: 'Approve' }).click();
    await reaches(rfqId, ['QUOTED']);
    await rep.close();

    const app = `${stack.urls.app}rfqs/${rfqId}`;
    const quote = await mailTo(dana.email, `Your quote ${rfqId}`);
    expect(/(http\S+\/app\/rfqs\/\S+?)\s/.exec(quote.text)?.[1]).toBe(app);
    const old = await contractFetch(`${stack.urls.api}/rfqs/${rfqId}/page`, { redirect: 'manual' });
    expect(old.status).toBe(302);
    expect(old.headers.get('location')).toBe(`/app/rfqs/${rfqId}`);
    const page = await browser.newPage({ viewport: phone });
    await page.goto(`${stack.urls.api}/rfqs/${rfqId}/page`);
    expect(page.url()).toBe(app);
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    await page.close();
  });
});
