import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { Role } from '#domain/company.ts';
import { bounceNoticeEmail } from '#email/bounce-notice.ts';
import { branded } from '#email/layout.ts';
import { brandOf, config } from '#functions/config.ts';
import type { Email } from '#local/inbox.ts';
import { pdfLines } from '../../pdf/read-pdf.ts';
import { expectLinesSumToTotal, shownPdfQuote, shownQuoteTable } from '../quote-sums.ts';
import { useTestStack } from '../test-stack.ts';
import { appTest as it } from './app-test.ts';
import { heading, newPage, photographMail, record } from './browser.ts';

/**
 * Every page where someone decides and every email the flow sends, as the person gets it, photographed at desktop
 * and 390 px (test-artifacts/app/) and checked with axe: Acme's buyer asks for a quote with a delivery date, a note and
 * a target price; the rep prices a line beyond their authority with a reason; the sales manager approves it; the
 * buyer asks for a revision and gets it; two team leads are asked and one decides (the other is told); finance sees
 * that decision; the order goes out. The emails are rendered from the local SES store in Chromium.
 */
const riley = { email: 'riley@northwind.example', groups: ['rep'] as Role[] };
const taylor = { email: 'taylor@northwind.example', groups: ['sales-manager'] as Role[] };
const dana = { email: 'dana@acme.example', groups: ['buyer'] as Role[], companyId: 'acme' };

describe('the decision pages and emails, as each decider sees them', { timeout: 600_000 }, () => {
  let page: Page;
  let rfqId: string;

  const api = async (
    path: string,
    as: typeof riley | typeof dana,
    init: { method?: string; body?: string; headers?: Record<string, string> } = {},
  ) => {
    const answer = await stack.call<Record<string, unknown>>(init.method ?? 'GET', path, {
      as,
      ...(init.body !== undefined && { raw: init.body }),
      headers: { 'content-type': 'application/json', ...init.headers },
    });
    return { status: answer.status, body: answer.body };
  };
  const statusOf = async () => (await api(`/rfqs/${rfqId}`, riley)).body.status;
  const versionOf = async () => (await api(`/rfqs/${rfqId}`, dana)).body.version as number;

  /** The newest email to `to` whose subject starts so and is about this RFQ (waits for it, never sleeps). */
  const mail = async (to: string, subject: string, nth = 1): Promise<Email> => {
    let found: Email | undefined;
    await expect
      .poll(
        async () => {
          const about = (await stack.inbox.emailsTo(to)).filter(
            (m) => m.subject.startsWith(subject) && `${m.subject}\n${m.text}`.includes(rfqId),
          );
          found = about.length >= nth ? about.at(-1) : undefined;
          return found !== undefined;
        },
        { timeout: 60_000, interval: 200 },
      )
      .toBe(true);
    return found!;
  };
  const linkIn = (email: Email): string => {
    const [link] = stack.inbox.linksIn(email);
    expect(link, email.subject).toBeDefined();
    return link!;
  };
  const photographEmail = (email: Email, name: string) => photographMail(page, stack.urls.app, email, name);

  /** The quote table of the page or email in view adds up as shown: its lines sum to its total, nothing between. */
  const expectQuoteAddsUp = async (surface: string) =>
    expectLinesSumToTotal(surface, await shownQuoteTable(page.getByRole('table').filter({ hasText: 'Line total' })));

  const stack = useTestStack('decision-pages');
  it.beforeAll(async ({ browser }) => {
    page = await newPage(browser);
  });

  it('the buyer is told the request arrived; the rep reviews it with the delivery date, note and target price', async () => {
    const created = await api('/rfqs', dana, {
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        lines: [
          { sku: 'FAS-HCS-M8-50', quantity: 300 },
          { sku: 'ELE-SCN-2D', quantity: 20, targetUnitPrice: 150_00 },
        ],
        note: 'Scanners for the new Dayton warehouse; bolts for the racking.',
        requestedDeliveryDate: '2027-01-15',
      }),
    });
    expect(created.status).toBe(201);
    rfqId = created.body.rfqId as string;
    await photographEmail(await mail(dana.email, 'We received your request'), 'rfq-received');
    // Every message wears the seller's logo, and the photo shows it as the reader sees it (loaded, not broken).
    expect(await page.getByRole('img').or(page.locator('img[alt=""]')).count()).toBe(1);

    const review = await mail(riley.email, 'Review quote');
    expect(review.text).toContain('Delivery wanted by: 2027-01-15');
    expect(review.text).toContain('the buyer hopes for $150.00');
    await photographEmail(review, 'rep-review');

    await page.goto(linkIn(review));
    await expect.poll(() => heading(page).textContent()).toContain(`Review quote ${rfqId}`);
    const text = await page.locator('main').textContent();
    expect(text).toContain('Delivery wanted by2027-01-15');
    expect(text).toContain('Acme Industrial Supply Co.');
    expect(text).toContain("the buyer's target: $150.00");
    await record(page, 'page-rep-review');

    // Below the rep's floor (172.00 − 10% = 154.80), with the reason the sales manager will read.
    await page.getByLabel(/ELE-SCN-2D/).fill('150.00');
    await page.getByLabel(/Comment/).fill('They have a written offer at $149 from another supplier; key account.');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Sent to the sales manager');
    await record(page, 'page-rep-review-sent-to-manager');
  });

  it('the sales manager sees which line is beyond authority, by how much, the margin and the rep’s reason', async () => {
    const request = await mail(taylor.email, 'Approve a discount');
    expect(request.text).toContain("The rep's reason: They have a written offer");
    await photographEmail(request, 'discount-approval');

    await page.goto(linkIn(request));
    await expect.poll(() => heading(page).textContent()).toContain('Approve a discount');
    const section = page.getByRole('region', { name: "Beyond the rep's authority" });
    const row = section.getByRole('row', { name: /ELE-SCN-2D/ });
    // Asked 150.00, floor 154.80: 4.80 below it, 96.00 on 20 units; cost 96.00, so a margin of 54.00 (36.0%).
    await expect
      .poll(() => row.textContent())
      .toMatch(/\$150\.00.*\$154\.80.*\$4\.80.*\$96\.00 on 20.*\$96\.00.*\$54\.00 \(36\.0%\)/);
    expect(await section.textContent()).toContain("The rep's reason: They have a written offer at $149");
    await record(page, 'page-discount-approval');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/Approved/);
  });

  it('the buyer gets the quote by email, with links into the app and to its PDF', async () => {
    const quote = await mail(dana.email, 'Your quote');
    expect(quote.text).toContain(`${stack.urls.app}rfqs/${rfqId}`);
    expect(quote.text).toContain(`${stack.urls.app}rfqs/${rfqId}/pdf`);
    expect(quote.text).not.toContain('Co..');
    await photographEmail(quote, 'quote-sent');
    await expectQuoteAddsUp('the quote email');
    expect(quote.text).toMatch(/Total: \$[\d,.]+\nYou save \$[\d,.]+ against list prices/);
  });

  it('a revision request reaches the rep’s review page and email', async () => {
    await expect.poll(statusOf, { timeout: 60_000 }).toBe('QUOTED');
    const revised = await api(`/rfqs/${rfqId}/revise`, dana, {
      method: 'POST',
      body: JSON.stringify({ comment: 'Could the bolts come down to $13.50 at 300?', quoteVersion: await versionOf() }),
    });
    expect(revised.status).toBe(202);
    const review = await mail(riley.email, 'Review quote', 2);
    expect(review.text).toContain('asked for a revised quote: Could the bolts come down');
    await photographEmail(review, 'rep-review-revision');
    await page.goto(linkIn(review));
    await expect.poll(() => page.locator('main').textContent()).toContain('asked for a revision');
    expect(await page.locator('main').textContent()).toContain('Could the bolts come down to $13.50 at 300?');
    await record(page, 'page-rep-review-revision');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/Approved|Sent to the sales manager/);
    // Kept prices may need the sales manager again; then Taylor approves once more.
    if ((await heading(page).textContent()) === 'Sent to the sales manager')
      await page.goto(linkIn(await mail(taylor.email, 'Approve a discount', 2)));
    if ((await heading(page).textContent())?.startsWith('Approve a discount'))
      await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(statusOf, { timeout: 60_000 }).toBe('QUOTED');
  });

  it('a team lead sees why they are asked and who else is; the other lead is told it was decided', async () => {
    const accepted = await api(`/rfqs/${rfqId}/accept`, dana, {
      method: 'POST',
      body: JSON.stringify({ poNumber: 'PO-ACME-7781', quoteVersion: await versionOf() }),
    });
    expect(accepted.status).toBe(202);
    const request = await mail('sam@acme.example', 'Approve purchase');
    expect(request.text).toContain('Orders over $5,000 (order total over $5,000.00)');
    expect(request.text).toContain('Also asked: priya@acme.example');
    expect(request.text).toContain('Supplier: Northwind Industrial');
    expect(request.text).toContain(`The quote from Northwind Industrial as a PDF: ${linkIn(request)}/quote.pdf`);
    await photographEmail(request, 'purchase-approval-level-1');
    await expectQuoteAddsUp('the purchase approval email');

    await page.goto(linkIn(request));
    const why = page.getByRole('region', { name: /Why you are asked — level 1 of 2/ });
    await expect.poll(() => why.textContent()).toContain('Orders over $5,000');
    expect(await why.textContent()).toContain('Also asked: priya@acme.example');
    expect(await page.locator('main').textContent()).not.toContain('riley@');
    await expectQuoteAddsUp('the purchase approval page');
    // Whose quote it is, and the supplier's document, which this link opens with no sign-in; it adds up too.
    expect(await page.getByRole('definition').allTextContents()).toContain('Northwind Industrial');
    const pdfLink = page.getByRole('link', { name: 'The quote from Northwind Industrial as a PDF' });
    const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const { lines } = await pdfLines(await pdf.body());
    expect(lines.join('\n')).toContain('Northwind Industrial');
    expectLinesSumToTotal('the PDF an approval link opens', shownPdfQuote(lines));
    await record(page, 'page-purchase-approval-level-1');
    await page.getByLabel(/Comment/).fill('Budgeted in the Dayton fit-out.');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/Approved/);

    const told = await mail('priya@acme.example', 'No longer needed');
    expect(told.subject).toContain('decided by sam@acme.example');
    await photographEmail(told, 'approval-no-longer-needed');
    await page.goto(linkIn(await mail('priya@acme.example', 'Approve purchase')));
    await expect.poll(() => heading(page).textContent()).toBe('This link is no longer valid');
    await record(page, 'page-approval-decided-by-other');
  });

  it('finance sees the first level’s decision and comment, approves, and buyer and rep get their order emails', async () => {
    const request = await mail('morgan@acme.example', 'Approve purchase');
    expect(request.text).toContain('Level 1: approved by sam@acme.example — “Budgeted in the Dayton fit-out.”');
    await photographEmail(request, 'purchase-approval-level-2');
    await page.goto(linkIn(request));
    const why = page.getByRole('region', { name: /level 2 of 2/ });
    await expect.poll(() => why.textContent()).toContain('approved by sam@acme.example');
    await record(page, 'page-purchase-approval-level-2');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => heading(page).textContent()).toMatch(/Approved/);
    // The last approval: the order it places, by number, and where to see it.
    const orderId = `ord_${rfqId.replace(/^rfq_/, '')}`;
    expect(await page.locator('main').textContent()).toContain(`order ${orderId} is placed`);
    const orderLink = page.getByRole('link', { name: `Open order ${orderId} in the app` });
    expect(await orderLink.getAttribute('href')).toBe(`${stack.urls.app}orders/${orderId}`);
    await record(page, 'page-approved-thank-you');

    await expect.poll(statusOf, { timeout: 60_000 }).toBe('ORDERED');
    const confirmed = await mail(dana.email, 'Order ');
    expect(confirmed.text).toContain('Payment terms: Net 30 days');
    await photographEmail(confirmed, 'order-confirmed-buyer');
    await expectQuoteAddsUp('the order confirmation email');
    const rep = await mail(riley.email, 'New order');
    expect(`${rep.subject}${rep.text}`).not.toMatch(/your purchase/i);
    await photographEmail(rep, 'order-placed-rep');
  });

  it('the rep and the company’s admin are told when an approver’s mail bounces: who, what they were asked, what happened', async () => {
    const notice = bounceNoticeEmail({
      to: [riley.email, 'chris@acme.example'],
      address: 'priya@acme.example',
      feedback: {
        kind: 'bounce',
        feedbackId: 'local-feedback',
        at: new Date().toISOString(),
        recipients: ['priya@acme.example'],
        bounceType: 'Permanent',
        subType: 'General',
        diagnostic:
          'smtp; 550 5.1.1 <priya@acme.example>: Recipient address rejected: User unknown in virtual mailbox table',
        subject: `Approve purchase ${rfqId} (PO 4711) for Acme Industrial Supply Co.`,
        messageId: 'local-message',
        sentAt: new Date().toISOString(),
      },
      rfqId,
      companyName: 'Acme Industrial Supply Co.',
      asks: [{ purpose: 'approval-level', level: 1, escalated: true }],
      suppressed: true,
      rfqUrl: `${stack.urls.app}rfqs/${rfqId}`,
    });
    // As it leaves: every message goes out in the seller's brand (email/branded-mailer.ts), the stack's configuration.
    await photographEmail({ messageId: 'notice', at: 0, ...branded(notice, brandOf(config())) }, 'bounce-notice');
  });
});
