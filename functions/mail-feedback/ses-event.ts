import * as z from 'zod';
import type { MailFeedback } from '#domain/mail-feedback.ts';
import { rfqTag } from '#email/ses-mailer.ts';

/**
 * The rule that brings SES's feedback to the handler: SES publishes a configuration set's events to the account's
 * default event bus as `aws.ses` events, one detail-type per event type. The CDK app builds its rule from this, and
 * the local stack routes the events its mailbox simulator makes with it, so both deliver the same events.
 */
export const mailFeedbackRule = {
  source: 'aws.ses',
  detailTypes: { bounce: 'Email Bounced', complaint: 'Email Complaint Received' },
} as const;

const address = z.string().transform((email) => email.toLowerCase());
const recipients = <T extends z.ZodRawShape>(extra: T) => z.array(z.object({ emailAddress: address, ...extra })).min(1);

const mail = z.object({
  timestamp: z.string(),
  messageId: z.string(),
  destination: z.array(z.string()),
  commonHeaders: z.object({ subject: z.string().optional() }).optional(),
  /** Every tag of the send, SES's own (`ses:configuration-set`) and ours (`rfqId`), each a list of values. */
  tags: z.record(z.string(), z.array(z.string())).optional(),
});

const bounceDetail = z.object({
  eventType: z.literal('Bounce'),
  mail,
  bounce: z.object({
    bounceType: z.string(),
    bounceSubType: z.string().optional(),
    bouncedRecipients: recipients({ diagnosticCode: z.string().optional() }),
    timestamp: z.string(),
    feedbackId: z.string(),
  }),
});

const complaintDetail = z.object({
  eventType: z.literal('Complaint'),
  mail,
  complaint: z.object({
    complainedRecipients: recipients({}),
    complaintFeedbackType: z.string().optional(),
    timestamp: z.string(),
    feedbackId: z.string(),
  }),
});

/** The EventBridge envelope of an SES event; only the fields the handler reads are checked. */
export const sesFeedbackEventSchema = z.object({
  source: z.literal(mailFeedbackRule.source),
  'detail-type': z.string(),
  detail: z.discriminatedUnion('eventType', [bounceDetail, complaintDetail]),
});
export type SesFeedbackEvent = z.input<typeof sesFeedbackEventSchema>;

const aboutMessage = (m: z.output<typeof mail>) => ({
  subject: m.commonHeaders?.subject ?? '',
  messageId: m.messageId,
  sentAt: m.timestamp,
  ...(m.tags?.[rfqTag]?.[0] && { rfqId: m.tags[rfqTag][0] }),
});

/** One SES bounce or complaint event as the feedback it is about; throws (zod) on anything else. */
export const feedbackOf = (event: unknown): MailFeedback => {
  const { detail } = sesFeedbackEventSchema.parse(event);
  if (detail.eventType === 'Bounce') {
    const { bounce } = detail;
    const diagnostic = bounce.bouncedRecipients.find((r) => r.diagnosticCode)?.diagnosticCode;
    return {
      kind: 'bounce',
      feedbackId: bounce.feedbackId,
      at: bounce.timestamp,
      recipients: bounce.bouncedRecipients.map((r) => r.emailAddress),
      bounceType: bounce.bounceType,
      ...(bounce.bounceSubType && { subType: bounce.bounceSubType }),
      ...(diagnostic && { diagnostic }),
      ...aboutMessage(detail.mail),
    };
  }
  const { complaint } = detail;
  return {
    kind: 'complaint',
    feedbackId: complaint.feedbackId,
    at: complaint.timestamp,
    recipients: complaint.complainedRecipients.map((r) => r.emailAddress),
    ...(complaint.complaintFeedbackType && { subType: complaint.complaintFeedbackType }),
    ...aboutMessage(detail.mail),
  };
};
