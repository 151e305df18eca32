import type { Quote, Rfq } from '#domain/rfq.ts';
import { html } from '#functions/pages/html.ts';
import { button, deadline, email } from './layout.ts';
import type { EmailMessage } from './mailer.ts';
import { quoteTableHtml, quoteTableText } from './quote-summary.ts';

/**
 * To the buyer: the quote and until when it holds. Accepting needs a PO number and the buyer's login, so the email
 * links to the RFQ in the app rather than carrying a decision link.
 */
export const quoteSentEmail = (r: {
  rfq: Rfq;
  quote: Quote;
  companyName: string;
  validUntil: string;
  rfqUrl: string;
}): EmailMessage => {
  const subject = `Your quote ${r.rfq.rfqId} is ready`;
  const intro = `${r.rfq.accountRepEmail} has prepared your quote for ${r.companyName}. It is valid until ${deadline(r.validUntil)}.`;
  return email(
    [r.rfq.buyerEmail],
    subject,
    html`<h1>${subject}</h1>
<p>${intro}</p>
${quoteTableHtml(r.quote)}
<p>Accept it with your PO number, decline it, or ask for a revision in the app.</p>
${button(r.rfqUrl, 'Open the quote')}`,
    [subject, intro, quoteTableText(r.quote), `Accept, decline or ask for a revision: ${r.rfqUrl}`],
  );
};
