import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { User } from '../api.ts';
import { useTestStack } from '../test-stack.ts';
import { until } from '../until.ts';
import { appTest as it } from './app-test.ts';
import { heading, record, signIn } from './browser.ts';
import { stackApi } from './stack-api.ts';

/**
 * A buyer company's own admin runs its settings in the app, by keyboard: adds an approver, adds a rule naming them,
 * previews which levels a $2,500.00 order would need — and the next RFQ's approval chain is the one they made.
 * Seeded Acme: Chris Park is its admin; its only rule asks for approval over $5,000.
 */
const dana: User = { email: 'dana@acme.example', groups: ['buyer'], companyId: 'acme' };
const riley: User = { email: 'riley@northwind.example', groups: ['rep'] };
const jordan = `jordan-${randomUUID().slice(0, 6)}@acme.example`;

/** Adds a rule over $2,000 naming one approver, by keyboard, and waits until the two rules are saved. */
const addRuleOver2000 = async (page: Page, name: string, approver: RegExp) => {
  const rules = page.getByRole('region', { name: 'Approval rules' });
  await rules.getByLabel('Rule name').focus();
  await page.keyboard.type(name);
  await rules.getByLabel('Value (USD)').focus();
  await page.keyboard.type('2000.00');
  await rules.getByLabel(approver).focus();
  await page.keyboard.press('Space');
  await rules.getByLabel('Rule name').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => rules.getByRole('status').textContent(), { timeout: 30_000 }).toBe('Saved 2 rules.');
};

/** Previews a $2,500.00 order's chain by keyboard: the one level it needs, as the preview words it. */
const previewOf2500 = async (page: Page): Promise<string | null> => {
  const preview = page.getByRole('region', { name: 'Preview the approval chain' });
  await preview.getByRole('button', { name: 'Preview' }).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => preview.getByText('An order of $2,500.00 needs 1 level:').isVisible(), { timeout: 30_000 })
    .toBe(true);
  return preview.getByRole('listitem').textContent();
};

describe('company settings', () => {
  const stack = useTestStack('app-company');
  const { call } = stackApi(stack);
  /** Chris, Acme's admin, signed in on Company settings: its people and roles, ready to edit. */
  const peopleOfAcme = async (page: Page) => {
    await page.goto(`${stack.urls.app}company`);
    await signIn(page, 'chris@acme.example');
    const people = page.getByRole('region', { name: 'People and roles' });
    await expect.poll(() => people.getByLabel('Name').isVisible(), { timeout: 30_000 }).toBe(true);
    return people;
  };

  it('a company admin adds an approver and a rule, previews it, and the next RFQ’s chain uses it', async ({ page }) => {
    await page.goto(`${stack.urls.app}company`);
    await signIn(page, 'chris@acme.example');
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toContain('Company settings');
    await expect
      .poll(() => page.getByText('morgan@acme.example', { exact: true }).first().isVisible(), { timeout: 30_000 })
      .toBe(true);
    expect(await page.getByRole('link', { name: 'Company settings' }).getAttribute('aria-current')).toBe('page');

    const people = page.getByRole('region', { name: 'People and roles' });
    await people.getByLabel('Name').focus();
    await page.keyboard.type('Jordan Reyes (site lead)');
    await page.keyboard.press('Tab');
    await page.keyboard.type(jordan);
    await page.keyboard.press('Enter');
    await expect.poll(() => people.getByRole('status').textContent(), { timeout: 30_000 }).toBe('Saved 6 people.');

    // Globex's buyer cannot be made Acme's: her sign-in account is Globex's. The answer names her; nothing is saved.
    await people.getByLabel('Name').fill('Lena Fischer');
    await people.getByLabel('Email').fill('lena@globex.example');
    await people.getByLabel('Email').press('Enter');
    await expect
      .poll(() => people.getByRole('status').textContent(), { timeout: 30_000 })
      .toBe(
        'Nothing was saved: a person listed already signs in elsewhere. Lena Fischer (lena@globex.example): already signs in for another company or for the seller; the seller’s admin can move them.',
      );
    await record(page, 'company-settings-person-refused');
    await people.getByLabel('Name').fill('');
    await people.getByLabel('Email').fill('');

    const rules = page.getByRole('region', { name: 'Approval rules' });
    await expect.poll(() => rules.getByLabel(/Jordan Reyes/).isVisible(), { timeout: 30_000 }).toBe(true);
    await addRuleOver2000(page, 'Site orders over $2,000', /Jordan Reyes/);
    await expect
      .poll(() => rules.getByText('when order total over $2,000.00').isVisible(), { timeout: 30_000 })
      .toBe(true);

    expect(await previewOf2500(page)).toBe('Any one of Jordan Reyes (site lead)because of Site orders over $2,000');
    await record(page, 'company-settings');

    // Dana's monthly budget: $3,000.00, set by keyboard; the order below spends $2,150.00 of it.
    const budgets = page.getByRole('region', { name: 'Budgets' });
    await budgets.getByRole('combobox', { name: 'For' }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await budgets.getByRole('combobox', { name: 'For' }).inputValue()).toBe(dana.email);
    await budgets.getByLabel('Limit (USD)').focus();
    await page.keyboard.type('3000.00');
    await page.keyboard.press('Enter');
    await expect.poll(() => budgets.getByRole('status').textContent(), { timeout: 30_000 }).toBe('Saved 1 budget.');
    await expect
      .poll(() => budgets.getByRole('cell', { name: 'Dana Whitfield (buyer)' }).first().isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);

    // The next RFQ: $2,150.00 of hard hats, over Jordan's $2,000 and under the $5,000 rule.
    const submitted = await call('POST', '/rfqs', dana, { lines: [{ sku: 'SAF-HAT-WHT', quantity: 100 }] });
    expect(submitted.status).toBe(201);
    const rfqId: string = submitted.body.rfqId;
    const review = await until('the rep review', async () =>
      (await call('GET', '/me/tasks', riley)).body.items.find((t: { rfqId: string }) => t.rfqId === rfqId),
    );
    expect(
      (await call('POST', `/rfqs/${rfqId}/review`, riley, { decision: 'approve', quoteVersion: review.quoteVersion }))
        .status,
    ).toBe(202);
    const quoted = await until('the quote', async () => {
      const rfq = (await call('GET', `/rfqs/${rfqId}`, dana)).body;
      return rfq.status === 'QUOTED' ? rfq : undefined;
    });
    expect(quoted.total).toBe(2_150_00);
    const accepted = await call('POST', `/rfqs/${rfqId}/accept`, dana, {
      poNumber: 'PO-SITE-1',
      quoteVersion: quoted.version,
    });
    expect(accepted.status).toBe(202);
    const pending = await until('the approval chain', async () => {
      const rfq = (await call('GET', `/rfqs/${rfqId}`, dana)).body;
      return rfq.status === 'PENDING_APPROVAL' ? rfq : undefined;
    });
    expect(pending.approvals).toMatchObject([{ level: 1, mode: 'any', approvers: [jordan] }]);

    // Jordan approves once the workflow has asked him (a moment after PENDING_APPROVAL: his task list says when); the
    // order is placed and the admin sees what Dana has left this month.
    const asJordan: User = { email: jordan, groups: ['approver'], companyId: 'acme' };
    await until('Jordan’s sign-off task', async () =>
      (await call('GET', '/me/tasks', asJordan)).body.items.find(
        (t: { rfqId: string; kind: string }) => t.rfqId === rfqId && t.kind === 'purchase-approval',
      ),
    );
    const approved = await call('POST', `/rfqs/${rfqId}/approval`, asJordan, {
      decision: 'approve',
      quoteVersion: pending.version,
    });
    expect(approved.status).toBe(202);
    await until('the order', async () => {
      const rfq = (await call('GET', `/rfqs/${rfqId}`, dana)).body;
      return rfq.status === 'ORDERED' ? rfq : undefined;
    });
    await page.reload();
    const left = page.getByRole('table', { name: 'Left this period' });
    await expect.poll(() => left.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await left.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      'Dana Whitfield (buyer)',
      expect.stringMatching(/^Period: \w+ \d{4}$|^\w+ \d{4}$/),
      expect.stringContaining('$3,000.00'),
      expect.stringContaining('$2,150.00'),
      expect.stringContaining('$850.00'),
    ]);
    await record(page, 'company-settings-budgets');
  }, 600_000);

  it('the seller’s admin edits any company’s rules with the same preview, and sees its budgets but not its spend', async ({
    page,
  }) => {
    await page.goto(`${stack.urls.app}admin/companies`);
    await signIn(page, 'ops@northwind.example');
    await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Companies');
    const company = page.getByRole('combobox', { name: 'Company' });
    await expect.poll(() => company.isVisible(), { timeout: 30_000 }).toBe(true);
    await company.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/company=acme$/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/company=globex$/);

    const rules = page.getByRole('region', { name: 'Approval rules' });
    await expect
      .poll(() => rules.getByRole('button', { name: 'Remove the rule Any electronics line' }).isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);
    await addRuleOver2000(page, 'Globex orders over $2,000', /Omar Haddad/);
    expect(await previewOf2500(page)).toBe('Any one of Omar Haddad (IT approver)because of Globex orders over $2,000');
    const budgets = page.getByRole('region', { name: 'Budgets' });
    expect(await budgets.getByText('No budgets').isVisible()).toBe(true);
    expect(await budgets.getByRole('table', { name: 'Left this period' }).count()).toBe(0);
    await record(page, 'admin-companies');
    const saved = await call('GET', '/companies/globex/approval-rules', {
      email: 'ops@northwind.example',
      groups: ['admin'],
    });
    expect(saved.body.rules.map((r: { name: string }) => r.name)).toEqual([
      'Any electronics line',
      'Globex orders over $2,000',
    ]);
  }, 600_000);

  it('a save over changes somebody else made meanwhile is refused with a sentence that says to reload (If-Match, 412)', async ({
    page,
  }) => {
    const people = await peopleOfAcme(page);

    // The seller's admin saves Acme's people while Chris has the page open.
    const ops: User = { email: 'ops@northwind.example', groups: ['admin'] };
    const { users } = (await call('GET', '/companies/acme', ops)).body;
    const kit = { email: `kit-${randomUUID().slice(0, 6)}@acme.example`, name: 'Kit', roles: ['buyer'] };
    expect((await call('PUT', '/companies/acme/users', ops, { users: [...users, kit] })).status).toBe(200);

    await people.getByLabel('Name').fill('Sam Okafor');
    await people.getByLabel('Email').fill(`sam-${randomUUID().slice(0, 6)}@acme.example`);
    await people.getByLabel('Email').press('Enter');
    await expect
      .poll(() => people.getByRole('status').textContent(), { timeout: 30_000 })
      .toContain('Somebody else saved this company since you opened it');
    // The way past it is in the answer and takes the focus (so it is in view on a phone, wherever the form was).
    const reload = people.getByRole('status').getByRole('button', { name: 'Load their changes' });
    await expect
      .poll(() => reload.evaluate((b) => b === (b.ownerDocument as { activeElement: unknown }).activeElement))
      .toBe(true);
    await record(page, 'company-settings-stale');
    const stored = (await call('GET', '/companies/acme', ops)).body.users.map((u: { email: string }) => u.email);
    expect(stored).toContain(kit.email);
    expect(stored.some((email: string) => email.startsWith('sam-'))).toBe(false);

    await page.keyboard.press('Enter');
    await expect
      .poll(() => people.getByRole('status').textContent())
      .toBe('Loaded the latest people and roles: make your change again.');
    // Said once the list on the page is the latest: it shows the person the other admin added.
    expect(await people.getByText(kit.email).isVisible()).toBe(true);
    await people.getByRole('button', { name: 'Add the person' }).click();
    await expect.poll(() => people.getByRole('status').textContent()).toMatch(/^Saved \d+ people\.$/);
    const saved = (await call('GET', '/companies/acme', ops)).body.users.map((u: { email: string }) => u.email);
    expect(saved).toContain(kit.email);
    expect(saved.some((email: string) => email.startsWith('sam-'))).toBe(true);
    await record(page, 'company-settings-stale-reloaded');
  });

  it('a company admin sends an invitation again to a newcomer who has not signed in; nobody who has is offered it', async ({
    page,
  }) => {
    const people = await peopleOfAcme(page);
    const ali = `ali-${randomUUID().slice(0, 6)}@acme.example`;
    await people.getByLabel('Name').fill('Ali Demir');
    await people.getByLabel('Email').fill(ali);
    await people.getByLabel('Email').press('Enter');
    await expect
      .poll(() => people.getByRole('status').textContent(), { timeout: 30_000 })
      .toMatch(/^Saved \d+ people\.$/);
    await until('the invitation', async () => (await stack.inbox.emailsTo(ali)).length === 1 || undefined);

    await people.getByRole('button', { name: 'Send the invitation again to Ali Demir' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => people.getByRole('status').textContent(), { timeout: 30_000 })
      .toBe(`Sent Ali Demir (${ali}) a new invitation.`);
    const mailed = await stack.inbox.emailsTo(ali);
    expect(mailed.map((m) => m.subject)).toEqual([
      'Your sign-in to order from Northwind Industrial',
      'Your sign-in to order from Northwind Industrial',
    ]);
    expect(mailed[1]?.text).toContain(`online, at ${stack.urls.app}`);
    await record(page, 'company-settings-invitation-sent');

    // Chris signed in to get here: there is no invitation of theirs to send again, so none is offered.
    expect(
      await people
        .getByRole('row', { name: /Ali Demir/ })
        .getByText('Invited, not signed in yet')
        .count(),
    ).toBe(1);
    expect(await people.getByRole('button', { name: /^Send the invitation again to Chris/ }).count()).toBe(0);
    expect(await people.getByRole('row', { name: /Chris/ }).getByText('Invited, not signed in yet').count()).toBe(0);
  });
});
