import type { MailFeedback } from '#domain/mail-feedback.ts';
import { html } from '#rendering/html.ts';
import type { LinkPurpose } from '#store/ports.ts';
import { button, deadline, email, factsHtml, factsText, heading, paragraph } from './layout.ts';
import type { EmailMessage } from './ports.ts';

/** One decision the person was waited on for, and what the bounce did to it. */
export interface StalledAsk {
  purpose: LinkPurpose;
  level?: number;
  /** Nobody else could answer it, so it went to the next people at once (the sales manager, the level's contacts). */
  escalated: boolean;
}

export interface BounceNotice {
  to: string[];
  address: string;
  feedback: MailFeedback;
  rfqId: string;
  companyName: string;
  asks: readonly StalledAsk[];
  /** Whether we stopped writing to the address (a permanent bounce or a complaint). */
  suppressed: boolean;
  rfqUrl: string;
}

const askText = (ask: StalledAsk): string =>
  ({
    'rep-review': 'review the priced quote',
    'discount-approval': 'approve a discount beyond the rep’s authority',
    'approval-level': `approve the purchase (level ${ask.level ?? 1})`,
  })[ask.purpose];

const outcomeText = (ask: StalledAsk): string => {
  if (!ask.escalated) return `${askText(ask)}: others can still answer it, so it waits for them.`;
  return ask.purpose === 'rep-review'
    ? `${askText(ask)}: nobody else was asked, so it went to the sales manager at once.`
    : `${askText(ask)}: nobody else could answer, so it went to the level's escalation contacts at once.`;
};

/**
 * To the people who can do something about an address that does not take our mail — the RFQ's rep, and for a buyer
 * company's person that company's admins: whose mail came back, what the message asked of them, what already happened
 * to the decision, and how to fix it. Only addresses, the message's subject and the receiving server's reason: nothing
 * of the quote that one audience may see and the other may not.
 */
export const bounceNoticeEmail = (n: BounceNotice): EmailMessage => {
  const what = n.feedback.kind === 'bounce' ? 'bounced' : 'was marked as spam';
  const subject = `Mail to ${n.address} ${what}: ${n.rfqId} (${n.companyName})`;
  const intro =
    n.feedback.kind === 'bounce'
      ? `Our message to ${n.address} came back undelivered.`
      : `${n.address} marked our message as spam.`;
  const facts: [string, string][] = [
    ['Message', n.feedback.subject || '(no subject)'],
    ['Sent', deadline(n.feedback.sentAt)],
    ...(n.feedback.diagnostic ? [['Their server said', n.feedback.diagnostic] as [string, string]] : []),
  ];
  const stopped = n.suppressed
    ? `We no longer write to ${n.address}. Correct the address in the company's settings — its people, and the approval rules that name them. If the address was right after all, ask the seller's operations team to lift the block.`
    : `This looked temporary (${[n.feedback.bounceType, n.feedback.subType].filter(Boolean).join(', ') || 'a soft bounce'}), so we keep writing to ${n.address}.`;
  const asks = n.asks.map(outcomeText);
  const askedLine =
    asks.length > 0 ? `They were waited on to ${asks.join(' ')}` : 'Nothing waits on them for this request now.';
  return email(
    n.to,
    subject,
    html`${heading(subject)}
${paragraph(intro)}
${factsHtml(facts)}
${paragraph(askedLine)}
${paragraph(stopped)}
${button(n.rfqUrl, 'Open the request')}`,
    [subject, intro, ...factsText(facts), askedLine, stopped, `Open the request: ${n.rfqUrl}`],
  );
};
