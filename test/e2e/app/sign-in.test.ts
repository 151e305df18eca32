import { describe, expect } from 'vitest';
import { demoPassword } from '../../../local/seed/seed.ts';
import { useTestStack } from '../test-stack.ts';
import { appTest as it } from './app-test.ts';
import { heading, record, signIn } from './browser.ts';

describe('signing in to the buyer app (OIDC code + PKCE with the local provider)', () => {
  const stack = useTestStack('app-sign-in');

  it('a buyer opens a link into the app, signs in with email and password, lands on it, and signs out', async ({
    page,
  }) => {
    await page.goto(`${stack.urls.app}rfqs`);
    await expect.poll(() => heading(page).textContent()).toBe('Northwind Industrial');
    await record(page, 'signed-out');

    await page.getByRole('button', { name: 'Sign in' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent()).toBe('Sign in to quote-to-order');
    await page.getByLabel('Email').fill('dana@acme.example');
    await page.getByLabel('Password').fill('not the password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/do not match/);
    await record(page, 'sign-in-refused');

    await page.getByLabel('Password').fill(demoPassword);
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent()).toBe('My RFQs');
    expect(new URL(page.url()).pathname).toBe('/app/rfqs');
    await expect.poll(() => page.getByText('Dana').first().isVisible()).toBe(true);

    // The ID token is what the API accepts: the page loaded the company's (empty) list through it.
    await expect.poll(() => page.getByText(/No RFQs yet/).isVisible()).toBe(true);
    await record(page, 'my-rfqs-empty');

    // Signing out goes through the provider's `/logout?client_id&logout_uri`, Cognito's managed login's shape.
    const signOut = page.waitForRequest((request) => new URL(request.url()).pathname === '/oidc/logout');
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(Object.fromEntries(new URL((await signOut).url()).searchParams)).toEqual({
      client_id: stack.issuer.audience,
      logout_uri: stack.urls.app,
    });
    await expect.poll(() => heading(page).textContent()).toBe('Northwind Industrial');
    expect(new URL(page.url()).pathname).toBe('/app/');
    // Signed out at the provider too: signing in asks for the password again.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Sign in to quote-to-order');
  });

  it('signs in whatever the case of the email: Dana@Acme.Example is dana@acme.example', async ({ page }) => {
    await page.goto(stack.urls.app);
    await signIn(page, 'Dana@Acme.Example');
    await expect.poll(() => heading(page).textContent()).toMatch(/^Catalog prices for Acme/);
    // The provider signed in the one person there is: the token names the email as stored.
    const signedInAs = await page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:')) ?? '';
      return (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { profile?: { email?: string } }).profile?.email;
    });
    expect(signedInAs).toBe('dana@acme.example');
  });

  it.for([
    ['a rep', 'riley@northwind.example', 'My queue', '/app/queue'],
    ['a sales manager', 'taylor@northwind.example', 'Discount approvals', '/app/discounts'],
    ['a seller admin', 'ops@northwind.example', 'Products', '/app/admin/products'],
  ] as const)('%s signs in to the app and lands on their own start page', async ([, email, title, path], { page }) => {
    await page.goto(stack.urls.app);
    await signIn(page, email);
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe(title);
    expect(new URL(page.url()).pathname).toBe(path);
    expect(await page.getByRole('link', { name: title }).getAttribute('aria-current')).toBe('page');
  });
});
