import type { CommentView } from '#domain/comment.ts';
import { formatMoney } from '#domain/money-format.ts';
import type { Quote, Rfq } from '#domain/rfq.ts';
import { html } from '#rendering/html.ts';
import { quoteTableMail, quoteTableText } from '#rendering/quote-summary.ts';
import { button, deadline, email, factsHtml, factsText, heading, link, paragraph } from './layout.ts';
import type { EmailMessage } from './ports.ts';
import { threadMail } from './thread-summary.ts';

/**
 * To the buyer: the quote and until when it holds. Accepting needs a PO number and the buyer's sign-in, so the email
 * links to the RFQ in the app (and its PDF there) rather than carrying a decision link.
 */
export const quoteSentEmail = (r: {
  rfq: Rfq;
  quote: Quote;
  companyName: string;
  sellerName: string;
  validUntil: string;
  rfqUrl: string;
  pdfUrl: string;
  /** The conversation as the buyer reads it (never a seller note); the app has all of it. */
  thread?: CommentView[];
}): EmailMessage => {
  const talk = threadMail(r.thread ?? [], r.rfqUrl);
  const subject = `Your quote ${r.rfq.rfqId} is ready`;
  const intro = `${r.sellerName} has prepared your quote: ${formatMoney(r.quote.total, r.quote.currency)}, valid until ${deadline(r.validUntil)}.`;
  const facts = [
    ['For', `${r.companyName}, ${r.rfq.buyerEmail}`],
    ['Your account rep', r.rfq.accountRepEmail],
    ['Valid until', deadline(r.validUntil)],
  ] as const;
  return email(
    [r.rfq.buyerEmail],
    subject,
    html`${heading(subject)}
${paragraph(intro)}
${factsHtml(facts)}
${talk.html}
${quoteTableMail(r.quote, 'buyer')}
${paragraph('Accept it with your PO number, decline it, or ask for a revision in the app.')}
${button(r.rfqUrl, 'Open the quote')}
${paragraph(html`Or ${link(r.pdfUrl, 'download the quote as a PDF')} (you sign in first).`)}`,
    [
      subject,
      intro,
      ...factsText(facts),
      ...talk.text,
      quoteTableText(r.quote, 'buyer'),
      `Accept, decline or ask for a revision: ${r.rfqUrl}`,
      `The quote as a PDF (you sign in first): ${r.pdfUrl}`,
    ],
  );
};
