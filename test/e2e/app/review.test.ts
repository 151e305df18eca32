import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { User } from '../api.ts';
import { useTestStack } from '../test-stack.ts';
import { until } from '../until.ts';
import { appTest as it } from './app-test.ts';
import { heading, record, retype, signIn } from './browser.ts';
import { stackApi } from './stack-api.ts';

/**
 * Seller staff work from the app: the rep finds an RFQ in their queue and approves it with an adjusted price; a sales
 * manager finds a discount beyond the rep's authority, sees by how much and why, and approves it — each by keyboard,
 * each waiting for the workflow's task (GET /me/tasks), never for time. Seeded Acme contract: hard hats at $21.50,
 * so the rep alone may go down to $19.35 (10%); cost $11.20.
 */
const dana: User = { email: 'dana@acme.example', groups: ['buyer'], companyId: 'acme' };
const riley: User = { email: 'riley@northwind.example', groups: ['rep'] };
const taylor: User = { email: 'taylor@northwind.example', groups: ['sales-manager'] };
const hardHat = 'Hard hat, type I, white, ratchet suspension';

/** Writes the comment and sends the decision by keyboard: the approve button follows the comment field. */
const sendWithComment = async (page: Page, comment: string) => {
  await page.getByLabel(/^Comment/).focus();
  await page.keyboard.type(comment);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
};

describe('the review screen', () => {
  const stack = useTestStack('app-review');
  const { call } = stackApi(stack);

  const submit = async (lines: { sku: string; quantity: number }[]): Promise<string> => {
    const submitted = await call('POST', '/rfqs', dana, { lines, note: 'For the new site crew' });
    expect(submitted.status).toBe(201);
    return submitted.body.rfqId;
  };
  const taskOf = (who: User, rfqId: string, kind: string) =>
    until(`${who.email}'s ${kind}`, async () =>
      (await call('GET', '/me/tasks', who)).body.items.find(
        (t: { rfqId: string; kind: string }) => t.rfqId === rfqId && t.kind === kind,
      ),
    );
  const rfqWhen = (rfqId: string, status: string) =>
    until(status, async () => {
      const rfq = (await call('GET', `/rfqs/${rfqId}`, riley)).body;
      return rfq.status === status ? rfq : undefined;
    });

  // Sign-in, four server round trips, a decision through the workflow and two pages photographed with axe twice each:
  // minutes on a loaded 2-core machine, not vitest's default.
  it('a rep reviews from the queue: the lines with cost, margin and authority, a price, a quantity and a product changed, approved', async ({
    page,
  }) => {
    const rfqId = await submit([
      { sku: 'SAF-HAT-WHT', quantity: 20 },
      { sku: 'SAF-GLV-NIT-L', quantity: 50 },
    ]);
    await taskOf(riley, rfqId, 'review');

    await page.goto(stack.urls.app);
    await signIn(page, riley.email);
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('My queue');
    const open = page.getByRole('link', { name: `Review ${rfqId}` });
    await expect.poll(() => open.isVisible(), { timeout: 30_000 }).toBe(true);
    await record(page, 'rep-queue');

    await open.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toContain(`Review RFQ ${rfqId}`);
    const price = page.getByLabel(`Unit price of ${hardHat}`);
    await expect.poll(() => price.inputValue(), { timeout: 30_000 }).toBe('21.50');
    // The review page's own sentence: the floor the rep may go to alone, and the cost nobody goes below.
    await expect
      .poll(() => page.getByText('Down to $19.35 on your own (10% off contract $21.50)', { exact: false }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText('$10.30 (47.9%)').isVisible()).toBe(true);
    const thread = page.getByRole('region', { name: 'Thread' });
    await thread.getByLabel('Write in the thread').focus();
    await page.keyboard.type('Check stock of large gloves before quoting the next one');
    await thread.getByLabel('Who reads it').selectOption('seller');
    await thread.getByRole('button', { name: 'Post' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => thread.getByRole('status').textContent(), { timeout: 30_000 })
      .toBe('Your note was added for the seller’s staff.');
    await expect
      .poll(() => thread.getByRole('listitem').filter({ hasText: 'seller note, not shown to the buyer' }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await record(page, 'rep-review');

    await retype(price, '19.90');
    await retype(page.getByLabel('Quantity of Nitrile gloves, large, box of 100'), '60');
    await page.getByLabel('SKU').focus();
    await page.keyboard.type('PKG-BOX-1212');
    await retype(page.getByLabel('Quantity', { exact: true }), '40');
    await record(page, 'rep-review-edited');
    await sendWithComment(page, 'Fleet price for the new site');
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 30_000 })
      .toBe(`You approved RFQ ${rfqId} with 1 adjusted price(s), 1 changed line(s), PKG-BOX-1212 added.`);

    const quoted = await rfqWhen(rfqId, 'QUOTED');
    expect(quoted.lines.find((l: { sku: string }) => l.sku === 'SAF-HAT-WHT')).toMatchObject({
      unitPrice: 19_90,
      adjustedBy: riley.email,
    });
    expect(quoted.lines.find((l: { sku: string }) => l.sku === 'SAF-GLV-NIT-L')).toMatchObject({ quantity: 60 });
    expect(quoted.lines.find((l: { sku: string }) => l.sku === 'PKG-BOX-1212')).toMatchObject({ quantity: 40 });
    await page.reload();
    await expect
      .poll(() => page.getByText('Nothing waits for your decision').isVisible(), { timeout: 30_000 })
      .toBe(true);
    await expect
      .poll(() => page.getByText('Check stock of large gloves before quoting the next one').isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);
    await record(page, 'rep-review-decided');

    await page.getByRole('link', { name: 'My queue' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(/To review \(/).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByRole('link', { name: `Review ${rfqId}` }).count()).toBe(0);
  }, 600_000);

  it('a sales manager sees which lines exceed the rep’s authority, by how much and why, and approves', async ({
    page,
  }) => {
    const rfqId = await submit([{ sku: 'SAF-HAT-WHT', quantity: 20 }]);
    const { quoteVersion } = await taskOf(riley, rfqId, 'review');
    const proposed = await call('POST', `/rfqs/${rfqId}/review`, riley, {
      decision: 'approve',
      quoteVersion,
      adjustments: [{ sku: 'SAF-HAT-WHT', unitPrice: 18_00 }],
      comment: 'Matching their other supplier for the opening order',
    });
    expect(proposed.status).toBe(202);
    await taskOf(taylor, rfqId, 'discount-approval');

    await page.goto(stack.urls.app);
    await signIn(page, taylor.email);
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Discount approvals');
    const open = page.getByRole('link', { name: `Decide on ${rfqId}` });
    await expect.poll(() => open.isVisible(), { timeout: 30_000 }).toBe(true);
    await record(page, 'discount-approvals');

    await open.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toContain(`Discount on RFQ ${rfqId}`);
    const beyond = page.getByRole('region', { name: 'Beyond the rep’s authority' });
    await expect
      .poll(() => beyond.getByText('Matching their other supplier for the opening order').isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);
    // $19.35 floor − $18.00 asked = $1.35 a unit, $27.00 on 20; margin $18.00 − $11.20 = $6.80.
    expect(await beyond.getByText('$1.35 a unit').isVisible()).toBe(true);
    expect(await beyond.getByText('$27.00 on 20 each').isVisible()).toBe(true);
    expect(await beyond.getByText('$6.80 (37.8%)').isVisible()).toBe(true);
    expect(await page.getByLabel(`Unit price of ${hardHat}`).count()).toBe(0);
    // The line's authority sentence speaks to the manager about the rep, not to the manager as if they were the rep.
    expect(
      await page
        .getByText('Rep may go down to $19.35 alone (10% off contract $21.50); below that needs your approval')
        .isVisible(),
    ).toBe(true);
    expect(await page.getByText('on your own', { exact: false }).count()).toBe(0);
    await record(page, 'discount-review');

    await sendWithComment(page, 'Once, for the opening order');
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 30_000 })
      .toBe(`You approved the discount on RFQ ${rfqId}.`);
    const quoted = await rfqWhen(rfqId, 'QUOTED');
    expect(quoted.lines[0]).toMatchObject({ unitPrice: 18_00 });
  }, 600_000);
});
