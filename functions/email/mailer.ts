import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { headerText } from '#domain/text.ts';

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

/** The tag naming the RFQ a message is about; SES hands it back in a bounce or complaint event. */
export const rfqTag = 'rfqId';

/** SES takes tag values of ASCII letters, digits, `_` and `-` only, under 256 characters. */
const messageTag = /^[\w-]{1,255}$/;

export const createSesMailer = (ses: SESv2Client, options: { from: string; configurationSet?: string }): Mailer => ({
  async send(message) {
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: options.from,
        Destination: { ToAddresses: message.to },
        Content: {
          Simple: {
            Subject: { Data: headerText(message.subject), Charset: 'UTF-8' },
            Body: { Html: { Data: message.html, Charset: 'UTF-8' }, Text: { Data: message.text, Charset: 'UTF-8' } },
          },
        },
        ...(options.configurationSet && { ConfigurationSetName: options.configurationSet }),
        ...(message.rfqId && messageTag.test(message.rfqId) && { EmailTags: [{ Name: rfqTag, Value: message.rfqId }] }),
      }),
    );
  },
});
