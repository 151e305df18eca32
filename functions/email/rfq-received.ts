import type { Rfq } from '#domain/rfq.ts';
import { html } from '#rendering/html.ts';
import { button, email, factsHtml, factsText, heading, note, paragraph } from './layout.ts';
import type { EmailMessage } from './ports.ts';

const shownLines = 10;

/**
 * To the buyer, once, when the request arrives: what was asked (the first lines, how many in all), who reviews it and
 * what happens next. No prices yet: those are the rep's to commit to.
 */
export const rfqReceivedEmail = (r: { rfq: Rfq; companyName: string; rfqUrl: string }): EmailMessage => {
  const { rfq } = r;
  const subject = `We received your request for quote ${rfq.rfqId}`;
  const count = rfq.lines.length;
  const intro = `Thank you: your request for ${count.toLocaleString('en-US')} ${count === 1 ? 'line' : 'lines'} arrived. Your account rep ${rfq.accountRepEmail} reviews the pricing, and you get the quote by email as soon as it is ready.`;
  const facts = [
    ['For', `${r.companyName}, ${rfq.buyerEmail}`],
    ['Submitted', `${rfq.createdAt.slice(0, 16).replace('T', ' ')} UTC`],
    ...(rfq.requestedDeliveryDate ? [['Delivery wanted by', rfq.requestedDeliveryDate] as const] : []),
    ...(rfq.submittedBy.onBehalfOf ? [['Entered by', rfq.submittedBy.email] as const] : []),
  ] as const;
  const lines = rfq.lines.slice(0, shownLines).map((l) => `${l.sku} × ${l.quantity.toLocaleString('en-US')}`);
  const more = count > shownLines ? `… and ${(count - shownLines).toLocaleString('en-US')} more in the app.` : '';
  return email(
    [rfq.buyerEmail],
    subject,
    html`${heading(subject)}
${paragraph(intro)}
${factsHtml(facts)}
${rfq.note ? note('Your note', rfq.note) : ''}
<ul style="margin:0 0 12px;padding-left:20px">${lines.map((l) => html`<li>${l}</li>`)}</ul>
${more ? paragraph(more) : ''}
${button(r.rfqUrl, 'Follow the request')}`,
    [
      subject,
      intro,
      ...factsText(facts),
      ...(rfq.note ? [`Your note: ${rfq.note}`] : []),
      [...lines.map((l) => `- ${l}`), ...(more ? [more] : [])].join('\n'),
      `Follow the request: ${r.rfqUrl}`,
    ],
  );
};
