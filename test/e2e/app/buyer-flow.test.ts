import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { Role } from '#domain/company.ts';
import { formatMoney } from '#domain/money-format.ts';
import { products } from '../../../local/seed/catalog.ts';
import { pdfLines } from '../../pdf/read-pdf.ts';
import { expectLinesSumToTotal, shownQuoteTable } from '../quote-sums.ts';
import { useTestStack } from '../test-stack.ts';
import { appTest as it } from './app-test.ts';
import { heading, newPage, record, signIn } from './browser.ts';
import { aCsv } from './csv.ts';

/**
 * Dana, a buyer at Acme, in the app: the catalog at Acme's prices, a 1,000-line CSV with three bad lines fixed in
 * place, My RFQs, the quote once the rep approved it, and acceptance with a PO. Every page is photographed at
 * desktop and 390 px and checked with axe; the RFQ is built and accepted by keyboard.
 */
const screenHigh = { fullPage: false };
type Person = { email: string; groups: Role[]; companyId?: string };
const riley: Person = { email: 'riley@northwind.example', groups: ['rep'] };
/** Acme's approvers for orders over $5,000: a team lead (either one), then finance. */
const sam: Person = { email: 'sam@acme.example', groups: ['approver'], companyId: 'acme' };
const morgan: Person = { email: 'morgan@acme.example', groups: ['approver'], companyId: 'acme' };

describe("a buyer's day in the app", { timeout: 600_000 }, () => {
  let page: Page;
  let rfqId: string;

  /** The few fields this test reads: an RFQ's status, total and order, or a task list. */
  type Answer = {
    status: string;
    total: number;
    version: number;
    lines: { sku: string; unitPrice: number }[];
    orderId: string | null;
    items: { kind: string; rfqId: string; quoteVersion: number }[];
  };
  const api = async (path: string, init: { method?: string; body?: string } = {}, as: Person = riley) => {
    const answer = await stack.call<Answer>(init.method ?? 'GET', path, {
      as,
      ...(init.body !== undefined && { raw: init.body }),
      headers: { 'content-type': 'application/json' },
    });
    return { status: answer.status, body: answer.body };
  };
  const statusOf = async () => (await api(`/rfqs/${rfqId}`)).body.status;
  /** The rep's review task for this RFQ, once the workflow has asked the rep (a moment after IN_REVIEW). */
  const reviewTask = async (): Promise<{ quoteVersion: number } | undefined> =>
    (await api('/me/tasks')).body.items.find((task) => task.kind === 'review' && task.rfqId === rfqId);
  const stack = useTestStack('app-flow');
  it.beforeAll(async ({ browser }) => {
    page = await newPage(browser);
  });

  it('signs in and searches the catalog at Acme’s prices', async () => {
    await page.goto(stack.urls.app);
    await signIn(page, 'dana@acme.example');
    await expect.poll(() => heading(page).textContent()).toContain('Catalog');
    await expect.poll(() => heading(page).textContent()).toContain('Acme Industrial Supply Co.');
    await record(page, 'catalog');

    await page.getByLabel('Search by SKU or name').fill('hard hat');
    const row = page.getByRole('row', { name: /Hard hat/ });
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    // The contract's price, not the list price, with its basis.
    await expect.poll(() => row.textContent()).toMatch(/\$21\.50.*contract price.*\$24\.90/);
    await page.getByLabel('Category').selectOption('safety');
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('safety');
    await record(page, 'catalog-search');
    await page.getByRole('button', { name: 'Add to RFQ: Hard hat, type I, white, ratchet suspension' }).click();
    await expect.poll(() => row.getByRole('status').textContent()).toBe('Added 1 to your RFQ draft (1 line).');
  });

  it('uploads a 1,000-line CSV, sees its three bad lines, fixes them by keyboard and submits', async () => {
    await page.getByRole('link', { name: 'New RFQ' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('New RFQ');
    // The hard hat from the catalog is in the draft; the CSV replaces it.
    await expect.poll(() => page.getByLabel('SKU, line 1').inputValue()).toBe('SAF-HAT-WHT');
    await page.getByRole('button', { name: 'Remove line 1' }).click();

    const skus = products.filter((p) => p.active).map((p) => p.sku);
    const csv = aCsv(skus, { 17: ['NOPE-404', '3'], 250: [skus[0]!, 'ten'], 999: [skus[1]!, '0'] });
    await page
      .getByLabel(/CSV file/)
      .setInputFiles({ name: 'acme-march.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Added 1,000 lines from acme-march.csv.');
    const problems = page.getByRole('alert').filter({ hasText: 'fixing' });
    await expect.poll(() => problems.textContent(), { timeout: 30_000 }).toMatch(/3 lines need fixing/);
    expect(await problems.getByRole('link').allTextContents()).toEqual([
      'Line 17: NOPE-404 is not in the catalog',
      'Line 250: quantity “ten” is not a whole number from 1 to 1,000,000',
      'Line 999: quantity “0” is not a whole number from 1 to 1,000,000',
    ]);
    expect(await page.getByRole('button', { name: 'Submit the RFQ' }).isDisabled()).toBe(true);
    await page.getByLabel('Show only the lines that need fixing').check();
    await record(page, 'new-rfq-bad-lines');

    // Each problem's link takes the focus to its field; typing and Tab fix it.
    await problems.getByRole('link', { name: /Line 17/ }).click();
    await expect
      .poll(() =>
        page.evaluate(() =>
          (
            globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }
          ).document.activeElement?.getAttribute('aria-label'),
        ),
      )
      .toBe('SKU, line 17');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(skus[2]!);
    await page.keyboard.press('Tab');
    await problems.getByRole('link', { name: /Line 250/ }).click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    await problems.getByRole('link', { name: /Line 999/ }).click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await expect.poll(() => problems.count()).toBe(0);
    await page.getByLabel('Note for the sales rep (optional)').fill('March restock for the Dayton warehouse');

    // The draft survives a reload.
    await page.reload();
    await expect.poll(() => page.getByLabel('Quantity, line 250').inputValue()).toBe('10');
    await expect.poll(() => page.getByRole('button', { name: 'Submit the RFQ' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Submit the RFQ' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toMatch(/Request for quote|Your quote/);
    rfqId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(rfqId).toMatch(/^rfq_/);
    await record(page, 'rfq-submitted', screenHigh);
  });

  it('finds the RFQ in My RFQs', async () => {
    await page.getByRole('link', { name: 'My RFQs' }).click();
    await expect.poll(() => page.getByRole('link', { name: rfqId }).isVisible()).toBe(true);
    await record(page, 'my-rfqs');
    await page.getByLabel('Status').selectOption('ORDERED');
    await expect.poll(() => page.getByText('No RFQs with the status').isVisible()).toBe(true);
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('link', { name: rfqId }).click();
    await expect.poll(() => page.getByText(rfqId).first().isVisible()).toBe(true);
  });

  it('sees the quote once the rep approves it, asks for a revision, sees what changed, and accepts with a PO by keyboard', async () => {
    await expect.poll(reviewTask, { timeout: 60_000 }).toBeDefined();
    const task = await reviewTask();
    const reviewed = await api(`/rfqs/${rfqId}/review`, {
      method: 'POST',
      body: JSON.stringify({ decision: 'approve', quoteVersion: task?.quoteVersion }),
    });
    expect(reviewed.status).toBe(202);
    await expect.poll(() => heading(page).textContent(), { timeout: 60_000 }).toMatch(/Your quote/);
    await record(page, 'rfq-quoted', screenHigh);
    const quoteTable = page.getByRole('region', { name: 'The quote' }).getByRole('table');
    expectLinesSumToTotal('the quote page', await shownQuoteTable(quoteTable));
    const saving = page.getByText(/^You save \$[\d,.]+ against list prices$/);
    expect(await saving.isVisible()).toBe(true);
    // The rep's review, in words with its outcome; the system's pricing without its mail address.
    const timeline = page.getByRole('region', { name: 'Timeline' });
    expect(await timeline.textContent()).toContain(
      'riley@northwind.example (sales rep) reviewed the quote and approved it.',
    );
    expect(await timeline.textContent()).not.toMatch(/\(system\)|quotes@/);

    // A revision asked in the app, a lower price on the first line from the rep, and the buyer sees what changed.
    const before = (await api(`/rfqs/${rfqId}`)).body;
    const first = before.lines[0]!;
    await page.getByLabel('What should change?').focus();
    await page.keyboard.type('Could the first line come down a little? We order it every month.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Revision requested.' }).isVisible()).toBe(true);
    const revisionTask = async () => {
      const task = await reviewTask();
      return task && task.quoteVersion > before.version ? task : undefined;
    };
    await expect.poll(revisionTask, { timeout: 60_000 }).toBeDefined();
    const lower = Math.round(first.unitPrice * 0.97);
    const revised = await api(`/rfqs/${rfqId}/review`, {
      method: 'POST',
      body: JSON.stringify({
        decision: 'approve',
        quoteVersion: (await revisionTask())?.quoteVersion,
        adjustments: [{ sku: first.sku, unitPrice: lower }],
      }),
    });
    expect(revised.status).toBe(202);
    await expect.poll(statusOf, { timeout: 60_000 }).toBe('QUOTED');
    await page.reload();
    const changes = page.getByRole('region', { name: /What changed in version/ });
    await expect.poll(() => changes.textContent(), { timeout: 60_000 }).toContain(first.sku);
    const dollars = (minor: number) => `$${(minor / 100).toFixed(2)}`;
    expect(await changes.textContent()).toContain(`Unit price: ${dollars(first.unitPrice)} → ${dollars(lower)}`);
    await record(page, 'rfq-revised', screenHigh);

    await page.getByLabel('Purchase order number').focus();
    await page.keyboard.type('PO-ACME-0042');
    await page.keyboard.press('Enter');
    // Accepting cannot be undone: a review of what it orders comes first, its button accepts.
    const review = page.getByRole('region', { name: 'Check the order before you accept' });
    await expect.poll(() => review.textContent()).toMatch(/Your PO number\s*PO-ACME-0042/);
    await review.getByRole('button', { name: /^Accept the quote/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Accepted.' }).isVisible()).toBe(true);
    await expect.poll(statusOf, { timeout: 60_000 }).not.toBe('QUOTED');
    expect((await api(`/rfqs/${rfqId}`)).body).toMatchObject({ poNumber: 'PO-ACME-0042' });
  });

  it('watches the approval progress while Acme’s approvers decide, then opens the order', async () => {
    // The 1,000-line quote is over $5,000: a team lead, then finance. Each decides in their app (the same API).
    for (const [approver, level] of [
      [sam, 1],
      [morgan, 2],
    ] as const) {
      const task = async () =>
        (await api('/me/tasks', {}, approver)).body.items.find(
          (t) => t.kind === 'purchase-approval' && t.rfqId === rfqId,
        );
      await expect.poll(task, { timeout: 60_000 }).toBeDefined();
      if (level === 1) {
        await expect
          .poll(() => page.getByRole('region', { name: 'Approval progress' }).textContent(), { timeout: 30_000 })
          .toMatch(
            /0 of 2 levels approved[\s\S]*Level 1: waiting for a decision[\s\S]*Waiting for any one of sam@acme\.example, priya@acme\.example[\s\S]*Level 2: not asked yet/,
          );
        await record(page, 'rfq-approval-progress', screenHigh);
      }
      const decided = await api(
        `/rfqs/${rfqId}/approval`,
        {
          method: 'POST',
          body: JSON.stringify({
            decision: 'approve',
            comment: level === 1 ? 'Planned restock' : 'Within the quarter’s plan',
            quoteVersion: (await task())?.quoteVersion,
          }),
        },
        approver,
      );
      expect(decided.status).toBe(202);
      if (level === 1) {
        // Who decided, with their words, and who the purchase waits for now.
        await expect
          .poll(() => page.getByRole('region', { name: 'Approval progress' }).textContent(), { timeout: 30_000 })
          .toMatch(
            /1 of 2 levels approved[\s\S]*Level 1: approved[\s\S]*sam@acme\.example approved on .*: “Planned restock”[\s\S]*Level 2: waiting for a decision[\s\S]*Waiting for any one of morgan@acme\.example/,
          );
        await record(page, 'rfq-approval-progress-level-2', screenHigh);
      }
    }
    await expect.poll(() => heading(page).textContent(), { timeout: 60_000 }).toMatch(/Request for quote|Order/);
    await expect
      .poll(() => page.getByRole('region', { name: 'Approval progress' }).textContent(), { timeout: 60_000 })
      .toContain('2 of 2 levels approved');
    await expect.poll(statusOf, { timeout: 60_000 }).toBe('ORDERED');
    const { orderId } = (await api(`/rfqs/${rfqId}`)).body;
    await expect.poll(() => page.getByRole('link', { name: orderId! }).isVisible(), { timeout: 30_000 }).toBe(true);
    await record(page, 'rfq-ordered', screenHigh);
    expect(await heading(page).textContent()).toMatch(/^Order/);
    await page.getByRole('link', { name: orderId! }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent()).toContain('Order');
    await record(page, 'order', screenHigh);
    expect(await page.getByRole('definition').allTextContents()).toContain('Net 30 days');
    expectLinesSumToTotal('the order page', await shownQuoteTable(page.getByRole('table')));
    await page.goBack();
    await expect.poll(() => page.getByText(rfqId).first().isVisible()).toBe(true);
  });

  it('downloads the quote as a PDF whose total is the quote’s', async () => {
    const button = page.getByRole('button', { name: 'Download the quote (PDF)' });
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`quote-${rfqId}.pdf`);
    const { lines } = await pdfLines(readFileSync((await download.path())!));
    const { total } = (await api(`/rfqs/${rfqId}`)).body;
    expect(lines).toContain(`Total ${formatMoney(total, 'USD')}`);
    expect(lines.join('\n')).toContain('Your PO number PO-ACME-0042');

    // The quote email's PDF link leads to the app's PDF page, which offers the same file.
    await page.goto(`${stack.urls.app}rfqs/${rfqId}/pdf`);
    await expect.poll(() => heading(page).textContent()).toContain('Quote as a PDF');
    await expect.poll(() => page.getByRole('link', { name: 'Download the quote (PDF)' }).isVisible()).toBe(true);
    await record(page, 'quote-pdf');
  });
});
