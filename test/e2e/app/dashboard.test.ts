import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { User } from '../api.ts';
import { useTestStack } from '../test-stack.ts';
import { appTest as it } from './app-test.ts';
import { heading, newPage, record, signIn } from './browser.ts';

/**
 * A company's admin reads their company's numbers: the stack seeds a year of history as `npm start` does, and the
 * dashboard shows exactly what GET /kpis answers — the figures, the charts' own numbers, the CSV.
 */
const chris: User = { email: 'chris@acme.example', groups: ['admin', 'approver'], companyId: 'acme' };

interface Report {
  groups: { key: string; rfqs: number; ordered: number; orderValue: number; timeToQuote: { bands: number[] } }[];
}

describe('the KPI dashboard', () => {
  let page: Page;
  let seeded!: () => void;
  const historySeeded = new Promise<void>((resolve) => {
    seeded = resolve;
  });
  const stack = useTestStack('app-kpis', {
    kpiHistory: true,
    log: (progress) => {
      if (progress.service === 'KPI history' && progress.state === 'ready') seeded();
    },
  });

  const kpis = async (query: string): Promise<Report> => {
    const answer = await stack.call<Report>('GET', `/kpis?${query}`, { as: chris });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const sum = (report: Report, field: 'rfqs' | 'ordered') => report.groups.reduce((n, g) => n + g[field], 0);

  it.beforeAll(async ({ browser }) => {
    page = await newPage(browser);
    await historySeeded;
  }, 180_000);

  it('shows a company admin their year: the same figures as GET /kpis, charts with their numbers, by keyboard', async () => {
    const year = await kpis('companyId=acme&groupBy=month');
    const rfqs = sum(year, 'rfqs');
    expect(rfqs).toBeGreaterThan(0);

    await page.goto(stack.urls.app);
    await signIn(page, chris.email);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/Dashboard/);
    const figure = (name: string) =>
      page
        .locator('dl.key-figures div')
        .filter({ has: page.getByRole('term').getByText(name, { exact: true }) })
        .getByRole('definition');
    await expect
      .poll(() => figure('RFQs received').textContent(), { timeout: 30_000 })
      .toBe(rfqs.toLocaleString('en-US'));
    await expect.poll(() => figure('Orders').textContent()).toBe(sum(year, 'ordered').toLocaleString('en-US'));
    await expect.poll(() => page.locator('figure.chart canvas').count()).toBe(3);

    // The chart's own numbers: one row per month, as the API grouped them.
    const months = page.getByRole('region', { name: 'Order value by month' });
    await months.getByText('The numbers').click();
    await expect.poll(() => months.locator('tbody tr').count()).toBe(year.groups.length);
    await record(page, 'dashboard-company-admin');

    const quarter = await kpis(
      `companyId=acme&groupBy=month&from=${firstOfMonthsBack(2)}&to=${new Date().toISOString().slice(0, 10)}`,
    );
    await page.getByLabel('Period').focus();
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => figure('RFQs received').textContent(), { timeout: 30_000 })
      .toBe(sum(quarter, 'rfqs').toLocaleString('en-US'));
    await record(page, 'dashboard-company-admin-quarter');
  });

  it('downloads the same months as CSV', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the months as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^kpis-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await (await file.createReadStream()).toArray();
    const lines = Buffer.concat(text).toString('utf8').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^key,rfqs,/);
    expect(lines.length - 1).toBeGreaterThan(0);
  });
});

const firstOfMonthsBack = (months: number): string => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1)).toISOString().slice(0, 10);
};
