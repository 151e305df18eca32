import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { headerText } from '#domain/text.ts';
import type { Mailer } from './ports.ts';

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
