import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import type { User } from '../api.ts';
import { useTestStack } from '../test-stack.ts';
import { appTest as it } from './app-test.ts';
import { heading, record, retype, signIn } from './browser.ts';
import { csvFile, csvText } from './csv.ts';
import { stackApi } from './stack-api.ts';

/**
 * The seller's admin keeps the catalog in the app: finds a product and edits its cost by keyboard, and imports a
 * 500-line price list in which two rows are refused by the API — each reported by its row, the other 498 saved.
 */
const ops: User = { email: 'ops@northwind.example', groups: ['admin'] };
const run = randomUUID().slice(0, 6).toUpperCase();

const stack = useTestStack('app-products');
const { call } = stackApi(stack);

/** 500 data rows (file rows 2–501); rows 121 and 378 are bad the way a spreadsheet export goes bad. */
const aPriceList = (): string => {
  const rows = ['sku,name,unit,listPrice,currency,cost,category,active'];
  for (let n = 1; n <= 500; n++) {
    const sku = n === 120 ? 'NOT A SKU' : `IMP-${run}-${n}`;
    const currency = n === 377 ? 'DOLLARS' : 'USD';
    rows.push(`${sku},"Imported part ${n}, zinc",each,${n}.50,${currency},${Math.ceil(n / 2)}.25,imported,yes`);
  }
  return csvText(rows);
};

describe('the seller admin’s products', () => {
  it('an admin finds a product, edits its cost, and imports a 500-line price list with 2 bad rows reported', async ({
    page,
  }) => {
    await page.goto(stack.urls.app);
    await signIn(page, ops.email);
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Products');
    await expect.poll(() => page.getByRole('button', { name: /^Edit / }).count(), { timeout: 30_000 }).toBe(25);
    await record(page, 'admin-products');

    await page.getByLabel('Find by SKU or name').focus();
    await page.keyboard.type('hard hat');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('row').count(), { timeout: 30_000 }).toBe(2);
    await page.getByRole('button', { name: 'Edit SAF-HAT-WHT' }).focus();
    await page.keyboard.press('Enter');
    const cost = page.getByLabel('Cost (USD)');
    await expect.poll(() => cost.inputValue()).toBe('11.20');
    await retype(cost, '11.45');
    await record(page, 'admin-product-edit');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 30_000 })
      .toBe('Saved SAF-HAT-WHT.');
    const saved = await call('GET', '/products?q=SAF-HAT-WHT', ops);
    expect(saved.body.items).toMatchObject([{ sku: 'SAF-HAT-WHT', cost: 11_45, listPrice: 24_90, active: true }]);

    await page.getByLabel(/CSV file/).setInputFiles(csvFile('price-list.csv', aPriceList()));
    const report = page.getByText(/^Saved \d+ of 500 products/);
    await expect.poll(() => report.isVisible(), { timeout: 480_000 }).toBe(true);
    expect(await report.textContent()).toBe(
      'Saved 498 of 500 products from price-list.csv; 2 rows have problems, listed below.',
    );
    const refused = page.getByRole('table', { name: 'Rows not saved' });
    const rows = refused.getByRole('row');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toMatch(/^121NOT A SKU.*sku/);
    expect(await rows.nth(2).textContent()).toMatch(new RegExp(`^378IMP-${run}-377.*currency`));
    await record(page, 'admin-products-imported');

    const imported = await call('GET', `/products?q=imp-${run.toLowerCase()}-49&limit=100`, ops);
    expect(imported.body.items.map((p: { sku: string }) => p.sku)).toEqual([
      `IMP-${run}-49`,
      `IMP-${run}-490`,
      `IMP-${run}-491`,
      `IMP-${run}-492`,
      `IMP-${run}-493`,
      `IMP-${run}-494`,
      `IMP-${run}-495`,
      `IMP-${run}-496`,
      `IMP-${run}-497`,
      `IMP-${run}-498`,
      `IMP-${run}-499`,
    ]);
    expect(imported.body.items[0]).toMatchObject({ listPrice: 49_50, cost: 25_25, category: 'imported', active: true });
    const missing = await call('GET', `/products?q=imp-${run.toLowerCase()}-377`, ops);
    expect(missing.body.items).toEqual([]);
    // 500 saves, six at a time, on a loaded 2-core machine: minutes, not the default 90 s.
  }, 600_000);
});

describe('the seller admin’s integrations', () => {
  it('an admin makes an integration for the ERP, sees its secret once, rotates it and deletes it, by keyboard', async ({
    page,
  }) => {
    await page.goto(`${stack.urls.app}admin/integrations`);
    await signIn(page, ops.email);
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Integrations');
    // npm start's Demo ERP is listed, without its secret.
    await expect.poll(() => page.getByRole('cell', { name: /^Demo ERP/ }).count(), { timeout: 30_000 }).toBe(1);

    await page.getByLabel('Name').focus();
    await page.keyboard.type('SAP S/4 production');
    await page.getByRole('checkbox', { name: /Write products/ }).check();
    await page.getByRole('button', { name: 'Create integration' }).press('Enter');
    const secret = page.getByRole('region', { name: 'Credentials for SAP S/4 production' });
    await expect.poll(() => secret.isVisible(), { timeout: 30_000 }).toBe(true);
    const listed = await call('GET', '/integrations', ops);
    const made = listed.body.items.find((i: { name: string }) => i.name === 'SAP S/4 production');
    expect(made.scopes).toEqual(['orders.read', 'catalog.write']);
    expect(await secret.textContent()).toContain(made.clientId);
    expect(await secret.textContent()).toContain('quote-to-order/orders.read quote-to-order/catalog.write');
    await record(page, 'admin-integration-secret');
    await secret.getByRole('button', { name: 'I have copied it' }).press('Enter');
    await expect.poll(() => secret.count()).toBe(0);
    await record(page, 'admin-integrations');

    await page.getByRole('button', { name: 'Rotate secret of SAP S/4 production' }).press('Enter');
    await page.getByRole('button', { name: 'Yes, rotate the secret of SAP S/4 production' }).press('Enter');
    await expect.poll(() => secret.isVisible(), { timeout: 30_000 }).toBe(true);
    const rotated = (await call('GET', '/integrations', ops)).body.items.find(
      (i: { integrationId: string }) => i.integrationId === made.integrationId,
    );
    expect(rotated.clientId).not.toBe(made.clientId);
    expect(await secret.textContent()).toContain(rotated.clientId);

    await page.getByRole('button', { name: 'Delete SAP S/4 production' }).press('Enter');
    await record(page, 'admin-integration-delete');
    await page.getByRole('button', { name: 'Yes, delete SAP S/4 production' }).press('Enter');
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 30_000 })
      .toBe('Deleted SAP S/4 production: its tokens no longer work.');
    const after = (await call('GET', '/integrations', ops)).body.items;
    expect(after.map((i: { name: string }) => i.name)).toEqual(['Demo ERP']);
  });
});
