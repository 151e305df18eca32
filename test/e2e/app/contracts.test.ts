import { describe, expect } from 'vitest';
import { products } from '../../../local/seed/catalog.ts';
import type { User } from '../api.ts';
import { useTestStack } from '../test-stack.ts';
import { appTest as it } from './app-test.ts';
import { heading, record, retype, signIn } from './browser.ts';
import { csvFile, csvText } from './csv.ts';
import { stackApi } from './stack-api.ts';

/**
 * The seller's admin keeps each customer's contract in the app: imports a 500-line price list for Acme in which two
 * rows are bad — each reported by its row, field and reason, one fixed in place and one dropped — saves it, edits one
 * SKU's price by keyboard, and Acme's catalog then prices by the new contract.
 */
const ops: User = { email: 'ops@northwind.example', groups: ['admin'] };
const dana: User = { email: 'dana@acme.example', groups: ['buyer'], companyId: 'acme' };

const stack = useTestStack('app-contracts');
const { call } = stackApi(stack);

/** Every seeded SKU (25) with its contract price and 19 volume tiers: 500 data rows, file rows 2–501. */
const basePrice = (k: number) => 50 + k;
const aPriceList = (): string => {
  const rows = ['sku,minQty,unitPrice'];
  products.forEach((product, k) => {
    for (let j = 0; j < 20; j++) {
      const minQty = j === 0 ? '' : String(j * 10);
      const price = (basePrice(k) - j * 0.1).toFixed(2);
      rows.push(`${product.sku},${minQty},${price}`);
    }
  });
  // Row 57 (SKU 2, tier 15): a letter O for a zero. Row 312 (SKU 15, tier 10): a quantity of 0.
  rows[56] = rows[56]!.replace(/,50\.50$/, ',5O.50');
  rows[311] = rows[311]!.replace(/,100,/, ',0,');
  return csvText(rows);
};

describe('the seller admin’s contracts', () => {
  it('an admin imports a 500-line price list, fixes one bad row and drops the other, and the catalog prices by it', async ({
    page,
  }) => {
    const csv = aPriceList();
    expect(csv.trim().split('\n')).toHaveLength(501);
    expect(csv.split('\n')[56]).toBe(`${products[2]!.sku},150,5O.50`);
    expect(csv.split('\n')[311]).toBe(`${products[15]!.sku},0,64.00`);

    await page.goto(`${stack.urls.app}admin/contracts`);
    await signIn(page, ops.email);
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Contracts');
    expect(await page.getByRole('link', { name: 'Contracts' }).getAttribute('aria-current')).toBe('page');
    const company = page.getByRole('combobox', { name: 'Company' });
    await expect.poll(() => company.isVisible(), { timeout: 30_000 }).toBe(true);
    await company.focus();
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.getByRole('button', { name: 'Edit SAF-HAT-WHT' }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    expect(page.url()).toMatch(/admin\/contracts\?company=acme$/);
    await record(page, 'admin-contracts');

    await page.getByLabel(/CSV file/).setInputFiles(csvFile('acme-prices.csv', csv));
    const imports = page.getByRole('region', { name: 'Import a price list' });
    await expect
      .poll(() => imports.getByRole('status').textContent(), { timeout: 30_000 })
      .toBe('Read 500 rows from acme-prices.csv; 2 rows need fixing before saving, listed below.');
    const toFix = imports.getByRole('table', { name: 'Rows to fix' }).getByRole('row');
    expect(await toFix.count()).toBe(3);
    expect(await toFix.nth(1).getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['57', products[2]!.sku, 'unitPrice', '“5O.50” is not a price in USD, like 12.50']),
    );
    expect(await toFix.nth(2).getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['312', products[15]!.sku, 'minQty', '“0” is not a whole quantity of 1 or more']),
    );
    expect(await imports.getByRole('button', { name: /^Save the price list/ }).isDisabled()).toBe(true);
    await record(page, 'admin-contracts-import-problems');

    const fix = imports.getByLabel('unitPrice of row 57');
    await retype(fix, '50.50');
    await page.keyboard.press('Enter');
    await expect.poll(() => toFix.count(), { timeout: 30_000 }).toBe(2);
    await imports.getByRole('button', { name: 'Drop row 312' }).focus();
    await page.keyboard.press('Enter');
    const saveList = imports.getByRole('button', { name: 'Save the price list (499 rows, 25 SKUs)' });
    await expect.poll(() => saveList.isEnabled(), { timeout: 30_000 }).toBe(true);
    await saveList.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => imports.getByRole('status').textContent(), { timeout: 60_000 })
      .toBe('Saved 499 rows from acme-prices.csv: 25 SKUs now have contract prices.');
    const prices = page.getByRole('region', { name: /^Prices/ });
    await expect.poll(() => prices.getByRole('row').count(), { timeout: 30_000 }).toBe(26);
    expect(await prices.getByRole('row', { name: /SAF-HAT-WHT/ }).textContent()).toContain('$57.00');
    await record(page, 'admin-contracts-imported', { fullPage: false });

    // One SKU edited by keyboard: the hard hat's contract price up to $58.00, its tiers kept.
    await prices.getByRole('button', { name: 'Edit SAF-HAT-WHT' }).focus();
    await page.keyboard.press('Enter');
    const unitPrice = prices.getByLabel('Contract price (USD)');
    await expect.poll(() => unitPrice.inputValue()).toBe('57.00');
    await retype(unitPrice, '58.00');
    await record(page, 'admin-contracts-edit', { fullPage: false });
    await page.keyboard.press('Enter');
    await expect.poll(() => prices.getByRole('status').textContent(), { timeout: 30_000 }).toBe('Saved SAF-HAT-WHT.');

    const contract = (await call('GET', '/companies/acme/contract', ops)).body;
    expect(contract.prices).toHaveLength(25);
    expect(contract.prices.find((p: { sku: string }) => p.sku === products[2]!.sku).tiers).toContainEqual({
      minQty: 150,
      unitPrice: 50_50,
    });
    expect(contract.prices.find((p: { sku: string }) => p.sku === products[15]!.sku).tiers).toHaveLength(18);
    const catalog = await call('GET', '/catalog?skus=SAF-HAT-WHT,FAS-NUT-M8', dana);
    expect(catalog.status).toBe(200);
    const bySku = Object.fromEntries(catalog.body.items.map((i: { sku: string }) => [i.sku, i]));
    expect(bySku['SAF-HAT-WHT']).toMatchObject({ yourPrice: 58_00 });
    expect(bySku['SAF-HAT-WHT'].tiers).toHaveLength(19);
    expect(bySku['FAS-NUT-M8']).toMatchObject({ yourPrice: 51_00 });
  }, 600_000);
});
