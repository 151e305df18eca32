import { describe, expect, it } from 'vitest';
import type { LinkAnswer } from '#application/link-answer.ts';
import type { Brand } from '#domain/brand.ts';
import type { StandInEnded } from '#domain/delegation.ts';
import { renderLinkPage } from '#functions/pages/approval-page.ts';
import { approvalLinkView } from '#http/approval-link-view.ts';
import type { ApprovalLink } from '#store/ports.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';

const quote = aQuote()
  .withLine('W-1', 2, 12_50, {
    name: 'Widget "deluxe" <script>alert(1)</script>',
    cost: 7_00,
    adjustedBy: 'rep@seller.example',
  })
  .build();
const rfq = anRfq().withStatus('IN_REVIEW').withQuote(quote).build();
const link: ApprovalLink = {
  tokenHash: 'f'.repeat(64),
  rfqId: rfq.rfqId,
  quoteVersion: 1,
  purpose: 'rep-review',
  waitId: 'w1',
  approver: 'rep@seller.example',
  taskToken: 'SECRET-TASK-TOKEN',
  status: 'PENDING',
  createdAt: '2026-11-23T10:00:00.000Z',
  expiresAt: '2026-11-25T10:00:00.000Z',
};
const post = (text: string, visibility: 'shared' | 'seller', author = 'rep@seller.example') => ({
  commentId: `c-${text}`,
  rfqId: rfq.rfqId,
  at: '2026-11-23T11:00:00.000Z',
  author,
  role: author.endsWith('@seller.example') ? ('rep' as const) : ('buyer' as const),
  visibility,
  text,
  quoteVersion: 1,
});
const thread = [
  post('Can you do better on widgets?', 'shared', 'buyer@acme.example'),
  post('SELLER-ONLY margin is thin', 'seller'),
];
const context = { companyName: 'Acme & Sons', rules: [], budget: [], thread };
const open: LinkAnswer = { kind: 'open', status: 200, link, rfq, quote, context };
const site = {
  maxRepDiscountPercent: 10,
  sellerName: 'Northwind Industrial',
  publicBaseUrl: 'https://q.example.com',
  token: 'tok',
};
const view = (answer: LinkAnswer) => approvalLinkView(answer, site);
const brand = { sellerName: 'Northwind <Industrial>', color: '#0b5e3c' };
const pageOf = (answer: LinkAnswer, as: Brand = brand) => renderLinkPage(view(answer), as);

describe('the approval page', () => {
  it('escapes everything it echoes and runs no script', () => {
    const page = pageOf(open);
    expect(page.html).not.toContain('<script>');
    expect(page.html).toContain('Widget &quot;deluxe&quot; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.html).toContain('name="price:W-1"');
    expect(page.html).toContain('value="12.50"');
  });

  it('wears the seller’s brand: their name (escaped), colour and logo, whose origin alone the CSP lets in', () => {
    const plain = pageOf(open);
    expect(plain.html).toContain('<header class="brand">Northwind &lt;Industrial&gt;</header>');
    expect(plain.html).toContain(':root{--brand:#0b5e3c}');
    expect(plain.headers['content-security-policy']).not.toContain('img-src');
    const logo = pageOf(open, { ...brand, logoUrl: 'https://cdn.example.com/logo.svg?v=2' });
    expect(logo.html).toContain('<img src="https://cdn.example.com/logo.svg?v=2" alt="" width="32" height="32">');
    expect(logo.headers['content-security-policy']).toContain('img-src https://cdn.example.com;');
    expect(pageOf({ kind: 'unknown', status: 404 }).html).toContain('Northwind &lt;Industrial&gt;');
  });

  it('never shows the task token, in the page or its JSON', () => {
    expect(pageOf(open).html).not.toContain('SECRET-TASK-TOKEN');
    expect(JSON.stringify(view(open))).not.toContain('SECRET-TASK-TOKEN');
  });

  it('is uncacheable, sends no referrer, and allows only its own nonce-tagged stylesheet', () => {
    const first = pageOf(open);
    const second = pageOf(open);
    expect(first.headers).toMatchObject({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    const nonce = /'nonce-([^']+)'/.exec(first.headers['content-security-policy'] ?? '')?.[1];
    expect(nonce).toBeDefined();
    expect(first.html).toContain(`<style nonce="${nonce}">`);
    expect(second.headers['content-security-policy']).not.toBe(first.headers['content-security-policy']);
  });

  it('labels every field and offers both decisions as buttons of one form', () => {
    const { html } = pageOf(open);
    const inputs = [...html.matchAll(/<(?:input|textarea)[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
    for (const id of inputs) expect(html).toContain(`<label for="${id}">`);
    expect(html).toContain('<button class="approve" type="submit" name="decision" value="approve">');
    expect(html).toContain('<button class="reject" type="submit" name="decision" value="reject">');
  });

  it('shows no price fields to an approver, who only approves or rejects', () => {
    const approver: LinkAnswer = { ...open, link: { ...link, purpose: 'approval-level', level: 1 } };
    expect(pageOf(approver).html).not.toContain('name="price:');
  });

  it('answers each dead link with its own status and says nothing changed', () => {
    const cases: [LinkAnswer, number][] = [
      [{ kind: 'used', status: 409 }, 409],
      [{ kind: 'revoked', status: 409, why: { reason: 'timed-out' } }, 409],
      [{ kind: 'gone', status: 409 }, 409],
      [{ kind: 'sending', status: 409 }, 409],
      [{ kind: 'expired', status: 410 }, 410],
      [{ kind: 'unknown', status: 404 }, 404],
    ];
    for (const [answer, status] of cases) {
      const page = pageOf(answer);
      expect(page.status).toBe(status);
      expect(page.html).toContain('Nothing changed.');
    }
  });

  it('shows a company approver (buyer side) no seller field, in the page or its JSON', () => {
    const approver: LinkAnswer = {
      ...open,
      link: { ...link, purpose: 'approval-level', level: 1, approver: 'al@acme.example' },
    };
    const json = JSON.stringify(view(approver));
    for (const field of ['cost', 'margin', 'adjustedBy', 'floor', 'maxRepDiscountPercent'])
      expect(json).not.toContain(`"${field}"`);
    expect(pageOf(approver).html).not.toContain('rep@seller.example');
    expect(JSON.stringify(view(open))).toContain('"cost":700');
  });

  it('shows the conversation to each side as the policy lets it read: a seller note only to seller staff', () => {
    const approver: LinkAnswer = {
      ...open,
      link: { ...link, purpose: 'approval-level', level: 1, approver: 'al@acme.example' },
    };
    expect(pageOf(approver).html).toContain('Can you do better on widgets?');
    expect(pageOf(approver).html).not.toContain('SELLER-ONLY');
    expect(JSON.stringify(view(approver))).not.toContain('SELLER-ONLY');
    expect(pageOf(open).html).toContain('SELLER-ONLY margin is thin');
    expect(pageOf(open).html).toContain('seller note, never shown to the buyer');
  });

  it('names the supplier to a company approver and offers the quote as a PDF their link opens', () => {
    const approver: LinkAnswer = {
      ...open,
      link: { ...link, purpose: 'approval-level', level: 1, approver: 'al@acme.example' },
    };
    const { html } = pageOf(approver);
    expect(html).toMatch(/<dt>Supplier<\/dt><dd>Northwind Industrial<\/dd>/);
    expect(html).toContain(
      '<a href="https://q.example.com/approvals/tok/quote.pdf">The quote from Northwind Industrial as a PDF</a>',
    );
    expect(view(approver)).toMatchObject({ quotePdfUrl: 'https://q.example.com/approvals/tok/quote.pdf' });
    // The seller's own review link is about a quote not sent yet: no document.
    expect(pageOf(open).html).not.toContain('quote.pdf');
  });

  it('tells the approver whose approval was the last that the order is placed, with its number and a link', () => {
    const last: LinkAnswer = {
      kind: 'decided',
      status: 200,
      link: { ...link, purpose: 'approval-level', level: 2, approver: 'fin@acme.example' },
      rfq,
      decision: 'approve',
      orderId: 'ord_1',
    };
    const { html } = pageOf(last);
    expect(html).toContain('order <strong>ord_1</strong> is placed');
    expect(html).toContain('<a href="https://q.example.com/app/orders/ord_1">Open order ord_1 in the app</a>');
    expect(html).not.toContain('You can close this page');
  });

  it('shows the holder of a used or dead link the order its request became, with a link to it', () => {
    const order = '<a href="https://q.example.com/app/orders/ord_1">Open order ord_1 in the app</a>';
    const usedLink = pageOf({ kind: 'used', status: 409, orderId: 'ord_1' });
    expect(usedLink.status).toBe(409);
    expect(usedLink.html).toContain('This link was already used');
    expect(usedLink.html).toContain('became order <strong>ord_1</strong>');
    expect(usedLink.html).toContain(order);
    expect(view({ kind: 'used', status: 409, orderId: 'ord_1' })).toMatchObject({
      outcome: 'used',
      order: { orderId: 'ord_1', url: 'https://q.example.com/app/orders/ord_1' },
    });
    const otherLead = pageOf({
      kind: 'revoked',
      status: 409,
      why: { reason: 'closed', status: 'ORDERED' },
      orderId: 'ord_1',
    });
    expect(otherLead.html).toContain(order);
    expect(otherLead.html).not.toContain('(ORDERED)');
    // Before there is an order, a used link says only that it was used.
    expect(pageOf({ kind: 'used', status: 409 }).html).not.toContain('became order');
  });

  it('tells a rep whose prices went beyond authority that the quote went to the sales manager', () => {
    const decided: LinkAnswer = { kind: 'decided', status: 200, link, rfq, decision: 'approve', sentToManager: true };
    const { html } = pageOf(decided);
    expect(html).toContain('Sent to the sales manager');
    expect(html).not.toContain('Approved — thank you');
  });

  it('tells an approver whose click lost to a cancel that no order will be placed', () => {
    const decided: LinkAnswer = { kind: 'decided', status: 200, link, rfq, decision: 'approve', closedAs: 'CANCELLED' };
    const { html } = pageOf(decided);
    expect(html).toContain('the buyer withdrew the request');
    expect(html).not.toContain('Approved — thank you');
  });

  it('says why a link is dead: a newer reminder, a timeout, another decider, a new version, a closed request', () => {
    const text = (why: Extract<LinkAnswer, { kind: 'revoked' }>['why']) =>
      pageOf({ kind: 'revoked', status: 409, why }).html;
    expect(text({ reason: 'superseded' })).toContain('latest email');
    expect(text({ reason: 'timed-out' })).toContain('ran out');
    expect(text({ reason: 'decided-by-other', by: 'al@acme.example' })).toContain('decided by al@acme.example');
    expect(text({ reason: 'quote-changed', version: 3 })).toContain('version 3');
    expect(text({ reason: 'closed', status: 'CANCELLED' })).toContain('CANCELLED');
    for (const why of [{ reason: 'superseded' }, { reason: 'timed-out' }] as const)
      expect(text(why)).not.toContain('Someone else decided first');
  });

  it('says a withdrawn stand-in link was withdrawn, by whom and why, never that time ran out', () => {
    const text = (ended: StandInEnded) =>
      pageOf({ kind: 'revoked', status: 409, why: { reason: 'withdrawn', for: 'sam@acme.example', ...ended } }).html;
    const said = {
      'sam@acme.example ended the delegation': text({ because: 'delegation-ended', by: 'sam@acme.example' }),
      'chris@acme.example ended sam@acme.example’s delegation': text({
        because: 'delegation-ended',
        by: 'chris@acme.example',
      }),
      'sam@acme.example changed who stands in for them, or when': text({
        because: 'delegation-changed',
        by: 'sam@acme.example',
      }),
      'you are not an approver of this company any more': text({ because: 'delegate-not-approver' }),
      'you are not one of the seller’s staff any more': text({ because: 'delegate-not-staff' }),
      'sam@acme.example is no longer among the people who decide here': text({ because: 'person-left' }),
    };
    for (const [words, html] of Object.entries(said)) {
      expect(html).toContain(`Your stand-in for sam@acme.example was withdrawn: ${words}`);
      expect(html).not.toContain('ran out');
    }
  });
});
