import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { demoPassword } from '../../../local/seed/seed.ts';
import type { User } from '../api.ts';
import { useTestStack } from '../test-stack.ts';
import { until } from '../until.ts';
import { appTest as it } from './app-test.ts';
import { heading, seriousViolations, signIn } from './browser.ts';
import { takeContractBreaches } from './page-contract.ts';
import { misfits } from './screen-fit.ts';
import { stackApi } from './stack-api.ts';

/**
 * Every screen of every role, on a phone (390 px) and a laptop (1366 px): nothing scrolls sideways, no tap target is
 * under 24 px, axe finds nothing serious — and each is photographed into test-artifacts/app/screens/ for a person to
 * look at. The RFQs behind the screens are put in each state through the API first: in review, quoted, waiting for a
 * discount decision, waiting for the company's approvers, ordered.
 */
const shots = fileURLToPath(new URL('../../../test-artifacts/app/screens/', import.meta.url));
const widths = [
  ['1366', { width: 1366, height: 900 }],
  ['390', { width: 390, height: 844 }],
] as const;

const dana: User = { email: 'dana@acme.example', groups: ['buyer'], companyId: 'acme' };
const riley: User = { email: 'riley@northwind.example', groups: ['rep'] };
const taylor: User = { email: 'taylor@northwind.example', groups: ['sales-manager'] };
const hardHat = 'Hard hat, type I, white, ratchet suspension';

type Rfqs = Record<'inReview' | 'quoted' | 'discount' | 'awaitingApproval' | 'ordered', string> & { orderId: string };
/** A screen: its name in the artifacts, its path under /app/, and its h1. */
type Screen = [name: string, path: string, title: string | RegExp];

/** The draft a buyer has on the New RFQ page: three lines, the longest SKU among them. */
const draft = {
  lines: [
    { id: 'l1', sku: 'ELE-CBL-C6-10', quantity: '12' },
    { id: 'l2', sku: 'SAF-HAT-WHT', quantity: '20' },
    { id: 'l3', sku: 'PKG-TAPE-48', quantity: '3' },
  ],
  note: 'For the Dayton warehouse',
  requestedDeliveryDate: '',
  idempotencyKey: 'every-screen-draft',
};

const roles: [role: string, email: string, screens: (r: Rfqs) => Screen[]][] = [
  [
    'buyer',
    dana.email,
    (r) => [
      ['catalog', '', /Catalog/],
      ['new-rfq', 'rfqs/new', 'New RFQ'],
      ['my-rfqs', 'rfqs', 'My RFQs'],
      ['rfq-in-review', `rfqs/${r.inReview}`, /Request for quote/],
      ['rfq-quoted', `rfqs/${r.quoted}`, /Your quote/],
      ['rfq-ordered', `rfqs/${r.ordered}`, /Request for quote|Order/],
      ['quote-pdf', `rfqs/${r.quoted}/pdf`, /Quote as a PDF/],
      ['my-orders', 'orders', 'My orders'],
      ['order', `orders/${r.orderId}`, /Order/],
    ],
  ],
  [
    'approver',
    'sam@acme.example',
    (r) => [
      ['approvals', 'approvals', 'Approvals waiting for you'],
      ['rfq-awaiting-approval', `rfqs/${r.awaitingApproval}`, /Request for quote/],
    ],
  ],
  [
    'buyer-admin',
    'chris@acme.example',
    () => [
      ['company-settings', 'company', 'Company settings'],
      ['dashboard', 'dashboard', /Dashboard/],
    ],
  ],
  [
    'rep',
    riley.email,
    (r) => [
      ['queue', 'queue', 'My queue'],
      ['review', `review/${r.inReview}`, /Review/],
      ['new-rfq-for-a-customer', 'rfqs/new', 'New RFQ for a customer'],
      ['customer-orders', 'orders', 'Orders'],
      ['customer-order', `orders/${r.orderId}`, /Order/],
      ['dashboard', 'dashboard', /Dashboard/],
    ],
  ],
  [
    'sales-manager',
    taylor.email,
    (r) => [
      ['discounts', 'discounts', 'Discount approvals'],
      ['discount-review', `review/${r.discount}`, /Discount on RFQ/],
    ],
  ],
  [
    'seller-admin',
    'ops@northwind.example',
    () => [
      ['products', 'admin/products', 'Products'],
      ['contracts', 'admin/contracts?company=acme', 'Contracts'],
      ['companies', 'admin/companies?company=acme', 'Companies'],
      ['dashboard', 'dashboard', /Dashboard/],
    ],
  ],
];

/** Waits until the page has loaded what it shows: its h1, and nothing marked busy. */
const settled = async (page: Page, title: string | RegExp) => {
  await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toMatch(title);
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 30_000 }).toBe(0);
};

/** Photographs the screen as it is at both widths and checks it: it fits, its targets are big enough, axe is clean. */
const look = async (page: Page, name: string) => {
  for (const [size, viewport] of widths) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(shots, `${name}-${size}.png`), fullPage: true });
    expect.soft(await misfits(page), `${name} at ${size}`).toEqual([]);
    // The header leaves the phone's screen to the page: two rows (three when a long menu wraps), not five.
    const header = await page.locator('header').first().boundingBox();
    expect.soft(header?.height ?? 0, `${name} at ${size}: the header's height`).toBeLessThanOrEqual(140);
    expect.soft(await seriousViolations(page), `${name} at ${size}`).toEqual([]);
  }
  expect.soft(takeContractBreaches(page), `the API answers ${name} received`).toEqual([]);
  await page.setViewportSize(widths[0][1]);
};

/** Signs in at the app's start and waits for the app (not the provider's page) to be there. */
const signedIn = async (page: Page, app: string, email: string) => {
  await page.goto(app);
  await signIn(page, email, demoPassword);
  await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible(), { timeout: 30_000 }).toBe(true);
};

describe('every screen of every role, on a phone and a laptop', { timeout: 600_000 }, () => {
  const stack = useTestStack('app-every-screen');
  const { call } = stackApi(stack);
  const rfqs = {} as Rfqs;

  const submit = async (lines: { sku: string; quantity: number }[]) =>
    (
      await call('POST', '/rfqs', dana, {
        lines,
        note: 'Restock for the Dayton warehouse, second dock',
        requestedDeliveryDate: '2027-03-01',
      })
    ).body.rfqId as string;
  const reviewed = (rfqId: string, body: object = {}) =>
    until(`the rep's review of ${rfqId}`, async () => {
      const { version } = (await call('GET', `/rfqs/${rfqId}`, riley)).body;
      const answer = await call('POST', `/rfqs/${rfqId}/review`, riley, {
        decision: 'approve',
        quoteVersion: version,
        ...body,
      });
      return answer.status === 202 ? true : undefined;
    });
  const reached = (rfqId: string, status: string) =>
    until(`${rfqId} ${status}`, async () => {
      const rfq = (await call('GET', `/rfqs/${rfqId}`, dana)).body;
      return rfq.status === status ? rfq : undefined;
    });
  const accepted = async (rfqId: string, poNumber: string) => {
    const { version } = await reached(rfqId, 'QUOTED');
    expect((await call('POST', `/rfqs/${rfqId}/accept`, dana, { poNumber, quoteVersion: version })).status).toBe(202);
  };

  it.beforeAll(async () => {
    const few = [
      { sku: 'ELE-CBL-C6-10', quantity: 12 },
      { sku: 'SAF-HAT-WHT', quantity: 20 },
      { sku: 'FAS-HCS-M8-50', quantity: 200 },
    ];
    [rfqs.inReview, rfqs.quoted, rfqs.discount, rfqs.awaitingApproval, rfqs.ordered] = await Promise.all([
      submit(few),
      submit(few),
      submit([{ sku: 'SAF-HAT-WHT', quantity: 20 }]),
      submit([{ sku: 'PKG-TAPE-48', quantity: 100 }]),
      submit(few),
    ]);
    await Promise.all([
      reviewed(rfqs.quoted),
      reviewed(rfqs.discount, {
        adjustments: [{ sku: 'SAF-HAT-WHT', unitPrice: 18_00 }],
        comment: 'Matching their other supplier for the opening order',
      }),
      reviewed(rfqs.awaitingApproval).then(() => accepted(rfqs.awaitingApproval, 'PO-ACME-2211')),
      reviewed(rfqs.ordered).then(() => accepted(rfqs.ordered, 'PO-ACME-2210')),
    ]);
    await reached(rfqs.awaitingApproval, 'PENDING_APPROVAL');
    rfqs.orderId = (await reached(rfqs.ordered, 'ORDERED')).orderId;
    await reached(rfqs.quoted, 'QUOTED');
    mkdirSync(shots, { recursive: true });
  });

  it.for(roles)('the %s’s screens', async ([role, email, screensOf], { page }) => {
    await signedIn(page, stack.urls.app, email);
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [`quote-to-order:rfq-draft:${email}`, JSON.stringify(draft)],
    );
    for (const [name, path, title] of screensOf(rfqs)) {
      await page.goto(`${stack.urls.app}${path}`);
      await settled(page, title);
      await look(page, `${role}-${name}`);
    }
  });

  it('the catalog adds the quantity typed, answers in the product’s row and counts the draft in the menu', async ({
    page,
  }) => {
    await signedIn(page, stack.urls.app, dana.email);
    await page.getByLabel('Search by SKU or name').fill('hard hat');
    const row = page.getByRole('row', { name: /Hard hat/ });
    await row.getByLabel(`Quantity of ${hardHat}`).fill('12');
    await row.getByRole('button', { name: `Add to RFQ: ${hardHat}` }).click();
    await expect.poll(() => row.getByRole('status').textContent()).toBe('Added 12 to your RFQ draft (1 line).');
    await expect
      .poll(() =>
        page
          .getByRole('navigation')
          .getByRole('link', { name: /New RFQ/ })
          .textContent(),
      )
      .toBe('New RFQ 1 line in the draft');
    await row.getByLabel(`Quantity of ${hardHat}`).fill('none');
    await row.getByRole('button', { name: `Add to RFQ: ${hardHat}` }).click();
    await expect.poll(() => row.getByRole('alert').textContent()).toMatch(/whole number/);
    await look(page, 'buyer-catalog-added');
    await page.getByRole('link', { name: /New RFQ/ }).click();
    await expect.poll(() => page.getByLabel('Quantity, line 1').inputValue()).toBe('12');
  });

  it('clearing the draft offers its lines back; once submitted, the RFQ shows what was asked and the estimate', async ({
    page,
  }) => {
    await signedIn(page, stack.urls.app, dana.email);
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [`quote-to-order:rfq-draft:${dana.email}`, JSON.stringify({ ...draft, idempotencyKey: 'asked-for' })],
    );
    await page.goto(`${stack.urls.app}rfqs/new`);
    await settled(page, 'New RFQ');
    const estimate = page.getByRole('row', { name: /Estimate at catalog prices/ }).locator('td.number');
    await expect.poll(() => estimate.textContent()).toBe('$1,071.25');

    await page.getByRole('button', { name: 'Clear all lines' }).click();
    await expect.poll(() => page.getByLabel(/SKU, line/).count()).toBe(0);
    const undo = page.getByRole('button', { name: 'Undo: bring back 3 lines' });
    await expect
      .poll(() => undo.evaluate((b) => b === (b.ownerDocument as { activeElement: unknown }).activeElement))
      .toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel(/SKU, line/).count()).toBe(3);
    await expect.poll(() => page.getByLabel('Note for the sales rep (optional)').inputValue()).toBe(draft.note);

    await page.getByLabel('Requested delivery date (optional)').fill('2027-04-15');
    await page.getByRole('button', { name: 'Submit the RFQ' }).click();
    await settled(page, /Request for quote/);
    const asked = page.getByRole('table', { name: /The lines you asked for/ });
    expect(await asked.getByRole('row').allTextContents()).toEqual([
      'ProductQuantityEstimate',
      'Cat6 patch cable, 10 ft, pack of 10ELE-CBL-C6-1012 pack$387.60',
      'Hard hat, type I, white, ratchet suspensionSAF-HAT-WHT20 each$430.00',
      'Packing tape 48 mm × 100 m, case of 36PKG-TAPE-483 case$253.65',
      "Estimate at catalog prices (the rep's quote may differ)$1,071.25",
    ]);
    expect(await page.getByText(`Your note: ${draft.note}`).isVisible()).toBe(true);
    expect(await page.getByText('Apr 15, 2027').isVisible()).toBe(true);
    await look(page, 'buyer-rfq-submitted');
  });

  it('accepting shows the order to check first, and warns of a PO number already on another order', async ({
    page,
  }) => {
    await signedIn(page, stack.urls.app, dana.email);
    await page.goto(`${stack.urls.app}rfqs/${rfqs.quoted}`);
    await settled(page, /Your quote/);
    // Another case of the PO the ordered RFQ went out under: the same PO to anyone's books.
    await page.getByLabel('Purchase order number').fill('po-acme-2210');
    await page.getByRole('button', { name: 'Review and accept' }).click();
    const review = page.getByRole('region', { name: 'Check the order before you accept' });
    await expect.poll(() => review.getByRole('alert').textContent()).toMatch(/already on another order/);
    expect(await review.getByRole('alert').getByRole('link', { name: rfqs.orderId }).isVisible()).toBe(true);
    expect(await review.getByRole('listitem').allTextContents()).toEqual(
      expect.arrayContaining(['12 pack · Cat6 patch cable, 10 ft, pack of 10$387.60']),
    );
    await expect.poll(() => review.textContent()).toMatch(/Total\s*\$[\d,.]+\s*Your PO number\s*po-acme-2210/);
    await look(page, 'buyer-accept-review-po-used');

    await review.getByRole('button', { name: 'Change the PO number' }).click();
    await page.getByLabel('Purchase order number').fill('PO-ACME-2299');
    await page.getByRole('button', { name: 'Review and accept' }).click();
    await expect.poll(() => review.locator('[aria-busy="true"]').count()).toBe(0);
    expect(await review.getByRole('alert').count()).toBe(0);
    await review.getByRole('button', { name: /^Accept the quote/ }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Accepted.' }).isVisible()).toBe(true);
    expect((await call('GET', `/rfqs/${rfqs.quoted}`, dana)).body.poNumber).toBe('PO-ACME-2299');
  });
});
