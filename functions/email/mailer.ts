import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { headerText } from '#domain/text.ts';

export interface EmailMessage {
  to: string[];
  subject: string;
  html: string;
  text: string;
}

/** What steps need to send mail; SES in production and locally (aws-ses-v2-local), a plain double in unit tests. */
export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

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
      }),
    );
  },
});
