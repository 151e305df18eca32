/**
 * Mail as the use cases and steps see it: a message and something that sends it. The SES adapter is `ses-mailer.ts`;
 * nothing here reaches an SDK.
 */

export interface EmailMessage {
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** The RFQ the message is about: tagged on the send, so a bounce or complaint names it when it comes back. */
  rfqId?: string;
}

/** What steps need to send mail; SES in production and locally (aws-ses-v2-local), a plain double in unit tests. */
export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}
