/**
 * What the mail server of a person we wrote to said back, as SES reports it: the message bounced (a hard bounce, or a
 * soft one SES gave up retrying) or its reader marked it as spam. One piece of feedback names every recipient it is
 * about; SES sends one per message and kind.
 */
export interface MailFeedback {
  kind: 'bounce' | 'complaint';
  /** SES's id of this feedback: the same id on a redelivery, so recording it twice is recognised. */
  feedbackId: string;
  at: string;
  /** Lower-cased, as the store keys and compares addresses. */
  recipients: string[];
  /** For a bounce: `Permanent` (the address does not take mail), `Transient` (SES gave up retrying) or `Undetermined`. */
  bounceType?: string;
  /** SES's finer reason (`General`, `NoEmail`, `MailboxFull`, `OnAccountSuppressionList`, `abuse` ...). */
  subType?: string;
  /** The receiving server's words, when it gave any. */
  diagnostic?: string;
  /** What the message was about, from its subject line: what the person was asked. */
  subject: string;
  messageId: string;
  sentAt: string;
  /** The RFQ the message was about, from the tag the mailer put on it. */
  rfqId?: string;
}

/** Why an address stopped being written to: SES's own reasons for its account-level suppression list. */
export type SuppressionReason = 'BOUNCE' | 'COMPLAINT';

/**
 * A permanent bounce means the address takes no mail; a complaint means its reader asked us to stop. Either way we
 * stop writing to it (as SES's account-level suppression does). A transient bounce leaves the address alone: the next
 * message may well arrive (a full mailbox empties).
 */
export const suppressionFor = (feedback: Pick<MailFeedback, 'kind' | 'bounceType'>): SuppressionReason | undefined => {
  if (feedback.kind === 'complaint') return 'COMPLAINT';
  return feedback.bounceType === 'Permanent' ? 'BOUNCE' : undefined;
};

/** One person a wait asked, by the link it sent them. */
export interface AskedRecipient {
  waitId: string;
  approver: string;
  createdAt: string;
}

/**
 * The waits nobody can answer any more: every person a wait is still waiting on has an address we no longer write to,
 * or one whose mail bounced after the wait wrote to them. A wait that still reaches anyone (a colleague on an `any`
 * level, a delegate standing in) is not stalled.
 */
export const stalledWaits = (
  pending: readonly AskedRecipient[],
  unreachable: (recipient: AskedRecipient) => boolean,
): string[] => {
  const waits = [...new Set(pending.map((recipient) => recipient.waitId))];
  return waits.filter((waitId) => pending.filter((r) => r.waitId === waitId).every(unreachable));
};
