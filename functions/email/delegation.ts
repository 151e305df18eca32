import { formatMoney } from '#domain/money-format.ts';
import type { Quote, Rfq } from '#domain/rfq.ts';
import { html } from '#rendering/html.ts';
import type { LinkPurpose } from '#store/ports.ts';
import { button, deadline, email, headedBy } from './layout.ts';
import type { EmailMessage } from './ports.ts';

export interface StandInFor {
  email: string;
  forEmail: string;
  activeFrom: string;
  expiresAt: string;
}

const standInSentence = (d: StandInFor): string =>
  `You stand in for ${d.forEmail} (out of office): your decision is recorded as yours, for them. Your link works from ${deadline(d.activeFrom)} until ${deadline(d.expiresAt)}; ${d.forEmail}'s own link keeps working.`;

/**
 * The email a wait sends one person, sent instead to the delegate standing in for them: the same decision and facts,
 * headed by whom the delegate decides for, and from when until when their link works.
 */
export const delegateCopy = (message: EmailMessage, delegate: StandInFor): EmailMessage => ({
  ...headedBy(message, standInSentence(delegate)),
  to: [delegate.email],
  subject: `For ${delegate.forEmail}: ${message.subject}`,
});

const asked: Record<LinkPurpose, string> = {
  'rep-review': 'the review of a priced quote',
  'discount-approval': 'the approval of a discount beyond the rep’s authority',
  'approval-level': 'a purchase approval',
};

/**
 * To a delegate named while a decision already waited for the person: the wait's own email went out before, so this
 * one says what waits and links to its page, which shows the quote to whoever may decide it.
 */
export const standInEmail = (
  s: StandInFor & { rfq: Pick<Rfq, 'rfqId' | 'buyerEmail'>; quote: Pick<Quote, 'total' | 'currency'> },
  purpose: LinkPurpose,
  link: string,
): EmailMessage => {
  const subject = `For ${s.forEmail}: ${asked[purpose]} of ${s.rfq.rfqId} waits`;
  const what = `${s.forEmail} was asked for ${asked[purpose]} of ${s.rfq.rfqId} (requested by ${s.rfq.buyerEmail}, ${formatMoney(s.quote.total, s.quote.currency)}).`;
  const standIn = standInSentence(s);
  return email(
    [s.email],
    subject,
    html`<h1>${subject}</h1>
<p>${what}</p>
<p><strong>${standIn}</strong></p>
${button(link, 'Open and decide')}
<p>The link works once, for whoever holds it: please do not forward this email.</p>`,
    [subject, what, standIn, `Open and decide: ${link}`, 'The link works once: please do not forward this email.'],
  );
};
