import { describe, expect } from 'vitest';
import type { User } from '../api.ts';
import { useTestStack } from '../test-stack.ts';
import { until } from '../until.ts';
import { appTest as it } from './app-test.ts';
import { heading, record, signIn } from './browser.ts';
import { stackApi } from './stack-api.ts';

/**
 * A customer phones their order in: the rep submits the RFQ on the buyer's behalf from the app, by keyboard — one of
 * their accounts, one of its buyers, lines from the quick-order pad at that company's contract prices. The RFQ is the
 * buyer's (they see it in their list), its history says the rep submitted it for them, and it waits for the rep's
 * review like any other.
 */
const dana: User = { email: 'dana@acme.example', groups: ['buyer'], companyId: 'acme' };
const riley: User = { email: 'riley@northwind.example', groups: ['rep'] };

describe('a rep submits on a buyer’s behalf', () => {
  const stack = useTestStack('app-on-behalf');
  const { call } = stackApi(stack);

  it('the rep picks the account and the buyer, types the lines, submits, and reviews it next', async ({ page }) => {
    await page.goto(stack.urls.app);
    await signIn(page, riley.email);
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('My queue');
    await page.getByRole('link', { name: 'New RFQ for a customer' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('New RFQ for a customer');

    const customer = page.getByRole('combobox', { name: 'Customer' });
    await expect.poll(() => customer.isVisible(), { timeout: 30_000 }).toBe(true);
    await customer.focus();
    await page.keyboard.press('ArrowDown');
    expect(await customer.inputValue()).toBe('acme');
    const buyer = page.getByRole('combobox', { name: 'Buyer' });
    await expect.poll(() => buyer.isEnabled()).toBe(true);
    await buyer.focus();
    await page.keyboard.press('ArrowDown');
    expect(await buyer.inputValue()).toBe(dana.email);
    await expect
      .poll(() => page.getByText('Submitting for Dana Whitfield (buyer) at Acme Industrial Supply Co.').isVisible())
      .toBe(true);

    await page.getByLabel('SKU and quantity, one line each').focus();
    await page.keyboard.type('SAF-HAT-WHT, 20\nFAS-NUT-M8 150');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // Acme's contract prices, not list: hard hats $21.50 (list $24.90); 150 nuts reach the contract's tier from 100 at
    // $7.90 a unit (one nut alone would be list − 5% = $9.12).
    const lines = page.getByRole('table');
    await expect.poll(() => lines.getByText('$21.50').first().isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await lines.getByText('$7.90').first().isVisible()).toBe(true);
    expect(await lines.getByText('contract tier ≥ 100').isVisible()).toBe(true);
    expect(await lines.getByText('$1,185.00').first().isVisible()).toBe(true);
    await page.getByLabel('Note on the request (optional)').focus();
    await page.keyboard.type('Phoned in by Dana for the new site');
    await record(page, 'rep-new-rfq-for-buyer');

    const submit = page.getByRole('button', { name: 'Submit the RFQ' });
    await expect.poll(() => submit.isEnabled(), { timeout: 30_000 }).toBe(true);
    await submit.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toMatch(/^Review RFQ rfq_/);
    const rfqId = /review\/(rfq_[0-9a-f]+)/.exec(page.url())?.[1];
    expect(rfqId).toBeDefined();

    const rfq = (await call('GET', `/rfqs/${rfqId}`, dana)).body;
    expect(rfq).toMatchObject({
      companyId: 'acme',
      buyerEmail: dana.email,
      submittedBy: { email: riley.email, role: 'rep', onBehalfOf: dana.email },
    });
    expect(rfq.request.note).toBe('Phoned in by Dana for the new site');
    expect(rfq.history[0]).toMatchObject({
      action: 'submitted',
      actor: { email: riley.email, role: 'rep', onBehalfOf: dana.email },
    });
    const danas = (await call('GET', '/rfqs', dana)).body.items.map((r: { rfqId: string }) => r.rfqId);
    expect(danas).toContain(rfqId);
    await until('the rep review', async () =>
      (await call('GET', '/me/tasks', riley)).body.items.find((t: { rfqId: string }) => t.rfqId === rfqId),
    );
    await page.reload();
    await expect
      .poll(() => page.getByText('Phoned in by Dana for the new site').first().isVisible(), { timeout: 30_000 })
      .toBe(true);
    // The note is the rep's, typed for the buyer: the review says so instead of calling it the buyer's.
    expect(await page.getByText(`Note from ${riley.email}`).isVisible()).toBe(true);
    expect(await page.getByText(`${riley.email}, for the buyer`).isVisible()).toBe(true);
    expect(await page.getByText('Buyer’s note').count()).toBe(0);
    await record(page, 'rep-review-of-own-submission');
  }, 600_000);
});
