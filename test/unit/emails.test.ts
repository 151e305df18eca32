import { describe, expect, it } from 'vitest';
import { approvalRequestEmail } from '#email/approval-request.ts';
import { delegateCopy, standInEmail } from '#email/delegation.ts';
import { orderConfirmationEmail } from '#email/outcomes.ts';
import { quoteSentEmail } from '#email/quote-sent.ts';
import { repReviewEmail } from '#email/review-request.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';

const quote = aQuote()
  .withLine('VALVE', 10, 90_00, { name: 'Ball valve <DN50>', listPrice: 100_00, priceSource: 'contract tier ≥ 10' })
  .withUnpricedLine('MYSTERY', 2)
  .build();
const rfq = anRfq()
  .withStatus('PENDING_APPROVAL')
  .withQuote(quote)
  .withPoNumber('PO-<7>')
  .withApprovals([
    {
      level: 1,
      mode: 'any',
      approvers: ['a@acme.example', 'b@acme.example'],
      ruleIds: ['r'],
      escalated: false,
      decisions: [],
      status: 'WAITING',
    },
  ])
  .build();
const link = 'https://quotes.example.com/approvals/tok';

describe('the emails', () => {
  it('tell the rep who asks, for what, at which prices and why, and by when', () => {
    const mail = repReviewEmail({
      rfq,
      quote,
      companyName: 'Acme & Sons',
      link,
      expiresAt: '2026-11-25T14:05:00.000Z',
      reminder: false,
    });
    expect(mail.to).toEqual([rfq.accountRepEmail]);
    expect(mail.text).toContain(`${rfq.buyerEmail} (Acme & Sons) asks for a quote`);
    expect(mail.text).toContain('Ball valve <DN50> (VALVE): 10 each × $90.00 = $900.00 — contract tier ≥ 10');
    expect(mail.text).toContain('MYSTERY');
    expect(mail.text).toContain('needs a price');
    expect(mail.text).toContain('1 line(s) need a price from you.');
    expect(mail.text).toContain('Total: $900.00');
    expect(mail.text).toContain('by 2026-11-25 14:05 UTC');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain('Ball valve &lt;DN50&gt;');
    expect(mail.html).toContain('Acme &amp; Sons');
    expect(mail.html).not.toContain('<DN50>');
  });

  it('mark a reminder as one', () => {
    const mail = repReviewEmail({
      rfq,
      quote,
      companyName: 'Acme',
      link,
      expiresAt: '2026-11-25T14:05:00.000Z',
      reminder: true,
    });
    expect(mail.subject).toMatch(/^Reminder: /);
  });

  it('tell each approver their level, the PO number, and who else decides', () => {
    const mail = approvalRequestEmail({
      rfq,
      quote,
      companyName: 'Acme',
      step: rfq.approvals[0]!,
      levels: 2,
      approver: 'a@acme.example',
      link,
      expiresAt: '2026-11-26T09:00:00.000Z',
      reminder: false,
    });
    expect(mail.to).toEqual(['a@acme.example']);
    expect(mail.text).toContain('PO number PO-<7>');
    expect(mail.text).toContain('level 1 of 2');
    expect(mail.text).toContain('Any one of 2 approvers decides this level');
    expect(mail.html).toContain('PO-&lt;7&gt;');
    // Honest about what the link is: it works for whoever holds it, so it must not be forwarded.
    expect(mail.text).toContain('for whoever holds it');
    expect(mail.text).not.toContain('only for you');
  });

  it('send the buyer the quote and its validity, with no decision link in it', () => {
    const mail = quoteSentEmail({
      rfq,
      quote,
      companyName: 'Acme',
      validUntil: '2026-12-23T10:00:00.000Z',
      rfqUrl: 'https://q.example.com/rfqs/1',
    });
    expect(mail.to).toEqual([rfq.buyerEmail]);
    expect(mail.text).toContain('valid until 2026-12-23 10:00 UTC');
    expect(mail.text).not.toContain('/approvals/');
  });

  it('confirm the order to buyer and rep once each', () => {
    const mail = orderConfirmationEmail(rfq, {
      orderId: 'ord_1',
      rfqId: rfq.rfqId,
      companyId: rfq.companyId,
      buyerEmail: rfq.buyerEmail,
      poNumber: 'PO-7',
      quoteVersion: 1,
      currency: 'USD',
      lines: quote.lines,
      subtotal: quote.subtotal,
      total: quote.total,
      paymentTerms: 'NET30',
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    expect(mail.to).toEqual([rfq.buyerEmail, rfq.accountRepEmail]);
    expect(mail.subject).toBe('Order ord_1 confirmed (PO PO-7)');
    expect(mail.text).toContain('$900.00');
  });

  it('tell a delegate whom they stand in for and from when to when their link works, over the person’s own email', () => {
    const own = approvalRequestEmail({
      rfq,
      quote,
      companyName: 'Acme & Sons',
      step: rfq.approvals[0]!,
      levels: 1,
      approver: 'a@acme.example',
      link,
      expiresAt: '2026-11-27T14:05:00.000Z',
      reminder: false,
    });
    const window = { activeFrom: '2026-11-26T08:00:00.000Z', expiresAt: '2026-11-27T14:05:00.000Z' };
    const copy = delegateCopy(own, { email: 'ann@acme.example', forEmail: 'a@acme.example', ...window });
    expect(copy.to).toEqual(['ann@acme.example']);
    expect(copy.subject).toBe(`For a@acme.example: ${own.subject}`);
    for (const part of [copy.text, copy.html])
      expect(part).toContain('You stand in for a@acme.example (out of office)');
    expect(copy.text).toContain('from 2026-11-26 08:00 UTC until 2026-11-27 14:05 UTC');
    expect(copy.html).toMatch(/<body[^>]*>\n<p style="border-left[^"]*"><strong>You stand in for/);
    expect(copy.text).toContain(own.text);

    const later = standInEmail(
      { email: 'ann@acme.example', forEmail: 'a@acme.example', ...window, rfq, quote },
      'approval-level',
      link,
    );
    expect(later.subject).toBe(`For a@acme.example: a purchase approval of ${rfq.rfqId} waits`);
    expect(later.text).toContain(`Open and decide: ${link}`);
    expect(later.text).toContain(`requested by ${rfq.buyerEmail}`);
  });
});
