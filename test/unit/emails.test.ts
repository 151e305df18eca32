import { describe, expect, it } from 'vitest';
import { approvalRequestEmail } from '#email/approval-request.ts';
import { brandedMailer } from '#email/branded-mailer.ts';
import { delegateCopy, standInEmail } from '#email/delegation.ts';
import { approvalEscalationEmail } from '#email/escalation.ts';
import { branded } from '#email/layout.ts';
import { approvalNoLongerNeededEmail, orderConfirmationEmail, orderPlacedForRepEmail } from '#email/outcomes.ts';
import type { EmailMessage } from '#email/ports.ts';
import { quoteSentEmail } from '#email/quote-sent.ts';
import { discountApprovalEmail, repReviewEmail } from '#email/review-request.ts';
import { rfqReceivedEmail } from '#email/rfq-received.ts';
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
/** What every email asking someone to decide is given; a test names only what it is about. */
const asking = { rfq, quote, companyName: 'Acme', link, expiresAt: '2026-11-25T14:05:00.000Z', reminder: false };
const approvalAsked = {
  ...asking,
  step: rfq.approvals[0]!,
  levels: 2,
  approver: 'a@acme.example',
  pdfUrl: `${link}/quote.pdf`,
  sellerName: 'Northwind Industrial',
  expiresAt: '2026-11-26T09:00:00.000Z',
  rules: [],
};
const quoted = {
  rfq,
  quote,
  companyName: 'Acme',
  sellerName: 'Northwind Industrial',
  validUntil: '2026-12-23T10:00:00.000Z',
  rfqUrl: 'https://q.example.com/app/rfqs/1',
  pdfUrl: 'https://q.example.com/app/rfqs/1/pdf',
};

describe('the emails', () => {
  it('tell the rep who asks, for what, at which prices and why, and by when', () => {
    const mail = repReviewEmail({ ...asking, companyName: 'Acme & Sons' });
    expect(mail.to).toEqual([rfq.accountRepEmail]);
    expect(mail.text).toContain(`${rfq.buyerEmail} (Acme & Sons) asks for a quote`);
    expect(mail.text).toContain('Ball valve <DN50> (VALVE): 10 each × $90.00 = $900.00 — contract tier ≥ 10');
    expect(mail.text).toContain('MYSTERY');
    expect(mail.text).toContain('needs a price');
    expect(mail.text).toContain('1 line(s) need a price from you.');
    expect(mail.text).toContain('Total: $900.00');
    expect(mail.text).toContain('Decide by: 2026-11-25 14:05 UTC');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain('Ball valve &lt;DN50&gt;');
    expect(mail.html).toContain('Acme &amp; Sons');
    expect(mail.html).not.toContain('<DN50>');
  });

  it('mark a reminder as one', () => {
    const mail = repReviewEmail({ ...asking, reminder: true });
    expect(mail.subject).toMatch(/^Reminder: /);
  });

  it('tell each approver their level, the PO number, and who else decides', () => {
    const mail = approvalRequestEmail({
      ...approvalAsked,
      rules: [{ name: 'Big orders', when: 'total over $500.00' }],
    });
    expect(mail.to).toEqual(['a@acme.example']);
    expect(mail.text).toContain('PO number: PO-<7>');
    expect(mail.text).toContain('level 1 of 2');
    expect(mail.text).toContain(
      'Any one approver of this level decides; the first decision counts. Also asked: b@acme.example.',
    );
    expect(mail.text).toContain('Why you are asked:\n- Big orders (total over $500.00)');
    // Whose quote it is, and the supplier's document, which the link itself opens.
    expect(mail.text).toContain('Supplier: Northwind Industrial');
    expect(mail.text).toContain(`The quote from Northwind Industrial as a PDF: ${link}/quote.pdf`);
    expect(mail.html).toContain('PO-&lt;7&gt;');
    // Honest about what the link is: it works for whoever holds it, so it must not be forwarded.
    expect(mail.text).toContain('for whoever holds it');
    expect(mail.text).not.toContain('only for you');
  });

  it('tell an escalation contact whose quote it is and offer its PDF, as the first approval email does', () => {
    const { levels, approver, rules, reminder, ...escalated } = approvalAsked;
    const mail = approvalEscalationEmail({ ...escalated, to: 'chris@acme.example' });
    expect(mail.to).toEqual(['chris@acme.example']);
    expect(mail.text).toContain('Supplier: Northwind Industrial');
    expect(mail.text).toContain('PO number: PO-<7>');
    expect(mail.text).toContain(`The quote from Northwind Industrial as a PDF: ${link}/quote.pdf`);
    expect(mail.html).toContain(`href="${link}/quote.pdf"`);
  });

  it('send the buyer the quote and its validity, with no decision link in it', () => {
    const mail = quoteSentEmail({ ...quoted, companyName: 'Acme Industrial Supply Co.' });
    expect(mail.to).toEqual([rfq.buyerEmail]);
    expect(mail.text).toContain('valid until 2026-12-23 10:00 UTC');
    expect(mail.text).toContain('https://q.example.com/app/rfqs/1/pdf');
    expect(mail.text).not.toContain('/approvals/');
    expect(`${mail.text}${mail.html}`).not.toContain('Co..');
  });

  it('confirm the order to the buyer, and tell the rep of a new order in the rep’s words', () => {
    const order = {
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
    } as const;
    const mail = orderConfirmationEmail(rfq, order, 'https://q.example.com/app/orders/ord_1');
    expect(mail.to).toEqual([rfq.buyerEmail]);
    expect(mail.subject).toBe('Order ord_1 confirmed (PO PO-7)');
    expect(mail.text).toContain('$900.00');
    const rep = orderPlacedForRepEmail(rfq, order, 'Acme');
    expect(rep.to).toEqual([rfq.accountRepEmail]);
    expect(rep.subject).toBe('New order ord_1 from Acme (PO PO-7)');
    expect(`${rep.text}${rep.html}`).not.toMatch(/your purchase/i);
  });

  it('tell the buyer their request arrived, what it holds, and what happens next — without prices', () => {
    const many = { ...rfq, lines: Array.from({ length: 12 }, (_, i) => ({ sku: `S-${i}`, quantity: 1_000 + i })) };
    const mail = rfqReceivedEmail({ rfq: many, companyName: 'Acme', rfqUrl: 'https://q.example.com/app/rfqs/1' });
    expect(mail.to).toEqual([rfq.buyerEmail]);
    expect(mail.subject).toBe(`We received your request for quote ${rfq.rfqId}`);
    expect(mail.text).toContain('your request for 12 lines arrived');
    expect(mail.text).toContain('- S-0 × 1,000');
    expect(mail.text).toContain('… and 2 more in the app.');
    expect(mail.text).not.toContain('$');
  });

  it('tell the approvers of a level who did not act that someone else decided it', () => {
    const mail = approvalNoLongerNeededEmail(rfq, ['b@acme.example'], {
      by: 'a@acme.example',
      decision: 'approve',
      level: 1,
      companyName: 'Acme',
    });
    expect(mail.to).toEqual(['b@acme.example']);
    expect(mail.subject).toBe(`No longer needed: purchase ${rfq.rfqId} for Acme was decided by a@acme.example`);
    expect(mail.text).toContain('a@acme.example approved approval level 1');
  });

  it('show the sales manager how far below the floor each line is, its margin, and the rep’s reason', () => {
    const seller = aQuote()
      .withLine('VALVE', 10, 70_00, { name: 'Ball valve', cost: 60_00, contractPrice: 90_00 })
      .build();
    const mail = discountApprovalEmail({
      ...asking,
      quote: seller,
      to: 'sam@seller.example',
      needsManager: [
        { sku: 'VALVE', requested: 70_00, floor: 81_00, reason: "−22.2% exceeds the rep's 10% authority" },
      ],
      reason: 'they have a competing offer',
    });
    expect(mail.text).toContain("The rep's reason: they have a competing offer");
    expect(mail.text).toContain(
      "Ball valve (VALVE): $70.00 (−22.2% exceeds the rep's 10% authority), $11.00 below the rep floor $81.00; margin $10.00 a unit (14.3%) over cost $60.00",
    );
  });

  it('carry the latest three posts of the conversation the reader may read, with a link to the rest', () => {
    const post = (n: number, visibility: 'shared' | 'seller') => ({
      commentId: `c${n}`,
      at: `2026-11-23T10:0${n}:00.000Z`,
      author: 'a@acme.example',
      role: 'buyer' as const,
      visibility,
      text: `post ${n}`,
      quoteVersion: 1,
    });
    const thread = [post(1, 'shared'), post(2, 'shared'), post(3, 'seller'), post(4, 'shared')];
    const mail = repReviewEmail({ ...asking, thread });
    expect(mail.text).not.toContain('post 1');
    expect(mail.text).toContain('a@acme.example (buyer), 2026-11-23 10:03 UTC, seller note: post 3');
    expect(mail.text).toContain(`1 earlier post: read the whole conversation: ${link}`);
    expect(mail.html).toContain('read the whole conversation');
  });

  it('style every element inline, open links in a new tab, and fit a phone', () => {
    const mails: EmailMessage[] = [
      repReviewEmail(asking),
      rfqReceivedEmail({ rfq, companyName: 'Acme', rfqUrl: 'https://q.example.com/app/rfqs/1' }),
    ];
    for (const mail of mails) {
      expect(mail.html).not.toMatch(/<style|<link/);
      for (const anchor of mail.html.match(/<a [^>]*>/g) ?? [])
        expect(anchor).toContain('target="_blank" rel="noopener"');
      expect(mail.html).toMatch(/<h1 style="[^"]*overflow-wrap:anywhere/);
      for (const tag of mail.html.match(/<(p|h1|table|td|th|a)\b[^>]*>/g) ?? []) expect(tag).toContain('style=');
      expect(mail.text.length).toBeGreaterThan(0);
    }
  });

  it('tell a delegate whom they stand in for and from when to when their link works, over the person’s own email', () => {
    const own = approvalRequestEmail({
      ...approvalAsked,
      companyName: 'Acme & Sons',
      levels: 1,
      expiresAt: '2026-11-27T14:05:00.000Z',
    });
    const window = { activeFrom: '2026-11-26T08:00:00.000Z', expiresAt: '2026-11-27T14:05:00.000Z' };
    const copy = delegateCopy(own, { email: 'ann@acme.example', forEmail: 'a@acme.example', ...window });
    expect(copy.to).toEqual(['ann@acme.example']);
    expect(copy.subject).toBe(`For a@acme.example: ${own.subject}`);
    for (const part of [copy.text, copy.html])
      expect(part).toContain('You stand in for a@acme.example (out of office)');
    expect(copy.text).toContain('from 2026-11-26 08:00 UTC until 2026-11-27 14:05 UTC');
    // First in the card, above the heading: the delegate reads whom they stand in for before anything else.
    expect(copy.html).toMatch(
      /<td style="[^"]*">\n<p style="[^"]*border-left[^"]*"><strong>You stand in for[^<]*<\/strong><\/p>\n<h1/,
    );
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

describe('the seller’s brand on every email', () => {
  const message = quoteSentEmail(quoted);
  const brand = { sellerName: 'Northwind & Sons', logoUrl: 'https://cdn.example.com/n.png', color: '#0b5e3c' };

  it('heads the card with the seller’s logo and name in their colour, and signs with their name', () => {
    const sent = branded(message, brand);
    expect(sent.html).toMatch(
      /border-top:4px solid #0b5e3c[^>]*><img src="https:\/\/cdn\.example\.com\/n\.png" alt=""/,
    );
    expect(sent.html).toContain('Northwind &amp; Sons</p>');
    expect(sent.html).toContain('background:#0b5e3c');
    expect(sent.html).not.toContain('#0b5cad');
    expect(sent.html).toContain('Northwind &amp; Sons — this message was sent automatically.');
    expect(sent.text).toMatch(/-- \nNorthwind & Sons — this message was sent automatically\.\n$/);
    expect(sent.text).not.toContain('quote-to-order');
  });

  it('goes on every message the mailer sends', async () => {
    const sent: EmailMessage[] = [];
    await brandedMailer({ send: async (m) => void sent.push(m) }, brand).send(message);
    expect(sent[0]?.html).toContain('cdn.example.com/n.png');
  });
});
