import { describe, expect } from 'vitest';
import type { User } from '../api.ts';
import { expectLinesSumToTotal, shownQuoteTable } from '../quote-sums.ts';
import { useTestStack } from '../test-stack.ts';
import { until } from '../until.ts';
import { appTest as it } from './app-test.ts';
import { heading, record, signIn } from './browser.ts';
import { stackApi } from './stack-api.ts';

/**
 * A company approver works from the app: the purchase waiting for them, with why they are asked, decided by keyboard;
 * their emailed link then says it was already decided, and the next level's approver finds it with the decision and
 * its comment. Seeded Acme: orders over $5,000 need a team lead (Sam or Priya), then finance (Morgan).
 */
const dana: User = { email: 'dana@acme.example', groups: ['buyer'], companyId: 'acme' };
const riley: User = { email: 'riley@northwind.example', groups: ['rep'] };
const morgan: User = { email: 'morgan@acme.example', groups: ['approver'], companyId: 'acme' };

describe('the approver inbox', () => {
  const stack = useTestStack('app-approvals');
  let rfqId: string;
  const { call } = stackApi(stack);
  const statusOf = async (rfqId: string, status: string) =>
    until(status, async () => ((await call('GET', `/rfqs/${rfqId}`, dana)).body.status === status ? true : undefined));

  it('an approver who signs in lands on what waits for them; the catalog is one click away', async ({ page }) => {
    await page.goto(stack.urls.app);
    await signIn(page, 'morgan@acme.example');
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Approvals waiting for you');
    expect(new URL(page.url()).pathname).toBe(new URL(`${stack.urls.app}approvals`).pathname);
    await expect.poll(() => page.getByText('Nothing waits for your approval.').isVisible()).toBe(true);
    await record(page, 'approver-landing');
    await page.getByRole('link', { name: 'Catalog' }).click();
    await expect.poll(() => heading(page).textContent()).toContain('Catalog');
  });

  it('an approver decides in the app, and the emailed link then says it was already decided', async ({ page }) => {
    const submitted = await call('POST', '/rfqs', dana, { lines: [{ sku: 'PKG-TAPE-48', quantity: 100 }] });
    expect(submitted.status).toBe(201);
    rfqId = submitted.body.rfqId;
    await until('the rep review', async () => {
      const { version } = (await call('GET', `/rfqs/${rfqId}`, riley)).body;
      const review = await call('POST', `/rfqs/${rfqId}/review`, riley, { decision: 'approve', quoteVersion: version });
      return review.status === 202 ? true : undefined;
    });
    await statusOf(rfqId, 'QUOTED');
    const po = `45${Date.now().toString().slice(-8)}`;
    const { version } = (await call('GET', `/rfqs/${rfqId}`, dana)).body;
    expect((await call('POST', `/rfqs/${rfqId}/accept`, dana, { poNumber: po, quoteVersion: version })).status).toBe(
      202,
    );
    await statusOf(rfqId, 'PENDING_APPROVAL');

    await page.goto(`${stack.urls.app}approvals`);
    await signIn(page, 'sam@acme.example');
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Approvals waiting for you');
    const purchase = page.getByRole('article', { name: new RegExp(`PO ${po}`) });
    await expect.poll(() => purchase.isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => purchase.getByText('Orders over $5,000').isVisible()).toBe(true);
    await expect.poll(() => purchase.getByText(/1 of 2/).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Approvals' }).getAttribute('aria-current')).toBe('page');
    await record(page, 'approvals-inbox');

    const comment = purchase.getByLabel(/Comment/);
    await comment.focus();
    await page.keyboard.type('Within the maintenance budget');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // The decision and the reloaded list are server round trips: on a loaded machine they take more than poll's 1 s.
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 30_000 })
      .toBe(`You approved PO ${po} for Acme Industrial Supply Co.`);
    await expect.poll(() => purchase.isVisible(), { timeout: 30_000 }).toBe(false);
    await record(page, 'approvals-decided');

    const [link] = await stack.inbox.linksFor('sam@acme.example', rfqId);
    await page.goto(link!);
    await expect
      .poll(() =>
        page
          .getByText(/already/i)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await record(page, 'approval-link-after-app-decision');

    const next = await until('the finance level', async () => {
      const tasks = (await call('GET', '/me/tasks', morgan)).body.items;
      return tasks.find((t: { rfqId: string }) => t.rfqId === rfqId);
    });
    expect(next.approval).toMatchObject({
      level: 2,
      earlier: [
        {
          level: 1,
          status: 'APPROVED',
          decisions: [{ approver: 'sam@acme.example', decision: 'approve', comment: 'Within the maintenance budget' }],
        },
      ],
    });
  });

  it('once finance approves, the buyer’s RFQ page is headed Order, tells the story in sentences and adds up', async ({
    page,
  }) => {
    const task = await until('the finance level', async () =>
      (await call('GET', '/me/tasks', morgan)).body.items.find((t: { rfqId: string }) => t.rfqId === rfqId),
    );
    const decided = await call('POST', `/rfqs/${rfqId}/approval`, morgan, {
      decision: 'approve',
      comment: 'Fine for Q1',
      quoteVersion: task.quoteVersion,
    });
    expect(decided.status).toBe(202);
    await statusOf(rfqId, 'ORDERED');

    await page.goto(`${stack.urls.app}rfqs/${rfqId}`);
    await signIn(page, 'dana@acme.example');
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toMatch(/^Order/);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect.poll(() => timeline.textContent()).toContain('You asked for a quote on 1 line.');
    const story = (await timeline.getByRole('listitem').allTextContents()).join('\n');
    expect(story).toContain('riley@northwind.example (sales rep) reviewed the quote and approved it.');
    expect(story).toMatch(/You accepted the quote with PO \d+\./);
    expect(story).toContain('Approved at level 1 by sam@acme.example.');
    expect(story).toContain('Within the maintenance budget');
    expect(story).toContain('The company’s approvers were asked to approve the purchase at level 2.');
    expect(story).toContain('Approved at level 2 by morgan@acme.example: the purchase is approved.');
    expect(story).toMatch(/Order ord_\w+ was placed for \$[\d,.]+\./);
    expect(story).not.toMatch(/\(system\)|quotes@|→/);
    expectLinesSumToTotal(
      'the ordered RFQ page',
      await shownQuoteTable(page.getByRole('region', { name: 'The quote' }).getByRole('table')),
    );
    await record(page, 'rfq-ordered-small');

    await page.getByRole('link', { name: /^ord_/ }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/^Order/);
    await expect.poll(() => page.getByRole('definition').allTextContents()).toContain('Net 30 days');
    expectLinesSumToTotal('the order page', await shownQuoteTable(page.getByRole('table')));
    await record(page, 'order-small');
  });
});
