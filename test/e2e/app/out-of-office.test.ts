import { describe, expect } from 'vitest';
import { useTestStack } from '../test-stack.ts';
import { appTest as it } from './app-test.ts';
import { heading, record, signIn } from './browser.ts';

/**
 * An approver going on holiday hands on their approvals from their own page, by keyboard: a refused delegate is named
 * beside its field, a saved one is shown with its window, and "I'm back" clears it. Seeded Acme: Morgan (finance)
 * hands on to Chris (the company's admin, who also approves).
 */
describe('out of office in the app', () => {
  const stack = useTestStack('app-ooo');
  const delegationOf = (email: string) =>
    stack.call('GET', '/me/delegation', { as: { email, groups: ['approver'], companyId: 'acme' } });

  it('sets and clears a delegation by keyboard, with the API’s reasons beside the fields', async ({ page }) => {
    await page.goto(`${stack.urls.app}approvals`);
    await signIn(page, 'morgan@acme.example');
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Approvals waiting for you');
    const panel = page.getByRole('region', { name: 'Out of office' });
    const email = panel.getByLabel('Colleague’s email');
    await expect.poll(() => email.isVisible(), { timeout: 30_000 }).toBe(true);

    // Dana buys; she approves nothing, so the API refuses her and the page says why, beside the field.
    await email.focus();
    await page.keyboard.type('dana@acme.example');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => panel.getByRole('alert').textContent(), { timeout: 30_000 })
      .toBe('Not saved: see the marked field.');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await panel.locator(`#${await email.getAttribute('aria-describedby')}`).textContent()).toBe(
      'must be an approver of Acme Industrial Supply Co.',
    );
    await record(page, 'out-of-office-refused');

    await email.fill('');
    await email.focus();
    await page.keyboard.type('chris@acme.example');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => panel.locator('p.notice').textContent(), { timeout: 30_000 })
      .toMatch(/^Saved: chris@acme\.example decides for you until /);
    await expect.poll(() => panel.getByText(/decisions that wait for you also go to/).isVisible()).toBe(true);
    const saved = await delegationOf('morgan@acme.example');
    expect(saved.body).toMatchObject({ personEmail: 'morgan@acme.example', delegateEmail: 'chris@acme.example' });
    await record(page, 'out-of-office-set');

    await panel.getByRole('button', { name: /I’m back/ }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => panel.locator('p.notice').textContent(), { timeout: 30_000 })
      .toBe('Your delegation is cleared: decisions come to you alone again.');
    await expect.poll(() => email.isVisible(), { timeout: 30_000 }).toBe(true);
    expect((await delegationOf('morgan@acme.example')).status).toBe(404);
  });
});
