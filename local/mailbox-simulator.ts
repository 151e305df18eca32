import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import * as z from 'zod';
import { mailFeedbackRule } from '#functions/mail-feedback/ses-event.ts';
import type { PutEventsResult } from './eventbridge.ts';
import { listenOn } from './free-port.ts';

/**
 * SES's mailbox simulator, locally: a front for the local SES that passes every request through unchanged and, when
 * a message sent through a configuration set (as on AWS, events exist only then) goes to `bounce@` or `complaint@
 * simulator.amazonses.com` (labels allowed: `bounce+lead1@…`), puts on the default bus the very event SES publishes
 * there for that configuration set's event destination — so the rule and its handler get what they get on AWS.
 */

const simulatorDomain = 'simulator.amazonses.com';
type Outcome = 'bounce' | 'complaint';

/** What the simulator does with one address, or nothing for an ordinary one. */
export const simulatedOutcome = (address: string): Outcome | undefined => {
  const match = /^(bounce|complaint)(?:\+[^@]*)?@(.+)$/i.exec(address.trim());
  if (!match || match[2]!.toLowerCase() !== simulatorDomain) return undefined;
  return match[1]!.toLowerCase() as Outcome;
};

/** The part of a SESv2 SendEmail request the simulator reads. */
const sendEmailRequest = z.object({
  ConfigurationSetName: z.string().optional(),
  FromEmailAddress: z.string().optional(),
  Destination: z
    .object({
      ToAddresses: z.array(z.string()).optional(),
      CcAddresses: z.array(z.string()).optional(),
      BccAddresses: z.array(z.string()).optional(),
    })
    .optional(),
  Content: z.object({ Simple: z.object({ Subject: z.object({ Data: z.string() }) }).optional() }),
  EmailTags: z.array(z.object({ Name: z.string(), Value: z.string() })).optional(),
});
type SendEmailRequest = z.output<typeof sendEmailRequest>;

export interface SimulatedSend {
  request: SendEmailRequest;
  messageId: string;
  sentAt: string;
  region: string;
  accountId: string;
}

/** The `detail` SES publishes for one simulated recipient: the shape of SES's event publishing records. */
export const simulatedEvent = (send: SimulatedSend, recipient: string, outcome: Outcome) => {
  const { request } = send;
  const from = request.FromEmailAddress ?? '';
  const destination = [
    ...(request.Destination?.ToAddresses ?? []),
    ...(request.Destination?.CcAddresses ?? []),
    ...(request.Destination?.BccAddresses ?? []),
  ];
  const subject = request.Content.Simple?.Subject.Data ?? '';
  const at = new Date().toISOString();
  const mail = {
    timestamp: send.sentAt,
    source: from,
    sourceArn: `arn:aws:ses:${send.region}:${send.accountId}:identity/${from.split('@')[1] ?? from}`,
    sendingAccountId: send.accountId,
    messageId: send.messageId,
    destination,
    headersTruncated: false,
    commonHeaders: { from: [from], to: request.Destination?.ToAddresses ?? [], messageId: send.messageId, subject },
    tags: {
      'ses:configuration-set': [request.ConfigurationSetName ?? ''],
      'ses:source-ip': ['127.0.0.1'],
      'ses:from-domain': [from.split('@')[1] ?? ''],
      'ses:caller-identity': ['local'],
      ...Object.fromEntries((request.EmailTags ?? []).map((tag) => [tag.Name, [tag.Value]])),
    },
  };
  const feedbackId = `${randomUUID()}-000000`;
  return outcome === 'bounce'
    ? {
        eventType: 'Bounce' as const,
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [
            {
              emailAddress: recipient,
              action: 'failed',
              status: '5.1.1',
              diagnosticCode: 'smtp; 550 5.1.1 user unknown',
            },
          ],
          timestamp: at,
          feedbackId,
          reportingMTA: 'dns; local-mailbox-simulator',
        },
        mail,
      }
    : {
        eventType: 'Complaint' as const,
        complaint: {
          complainedRecipients: [{ emailAddress: recipient }],
          timestamp: at,
          feedbackId,
          userAgent: 'quote-to-order local mailbox simulator',
          complaintFeedbackType: 'abuse',
          arrivalDate: at,
        },
        mail,
      };
};

export interface MailboxSimulator {
  /** Where the functions send mail (SES_ENDPOINT): the simulator, which passes it on to the local SES. */
  endpoint: string;
  stop(): Promise<void>;
}

const readBody = (message: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });

const jsonOf = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
};

export const startMailboxSimulator = async (options: {
  /** The local SES the mail goes on to (its inbox keeps simulator mail too, for reading what was asked). */
  sesEndpoint: string;
  /** PutEvents on the account's default bus, in process (the local EventBridge's). */
  putEvents: (entries: unknown) => Promise<PutEventsResult>;
  region?: string;
  accountId?: string;
  port?: number;
}): Promise<MailboxSimulator> => {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  const ses = new URL(options.sesEndpoint);

  const publish = async (send: SimulatedSend) => {
    const recipients = send.request.Destination?.ToAddresses ?? [];
    const entries = recipients.flatMap((recipient) => {
      const outcome = simulatedOutcome(recipient);
      if (!outcome) return [];
      return [
        {
          Source: mailFeedbackRule.source,
          DetailType: mailFeedbackRule.detailTypes[outcome],
          Detail: JSON.stringify(simulatedEvent(send, recipient, outcome)),
          Resources: [`arn:aws:ses:${region}:${accountId}:configuration-set/${send.request.ConfigurationSetName}`],
          EventBusName: 'default',
        },
      ];
    });
    for (let i = 0; i < entries.length; i += 10) await options.putEvents(entries.slice(i, i + 10));
  };

  const server = createServer(async (incoming, outgoing) => {
    const body = await readBody(incoming);
    const upstream = httpRequest(
      {
        hostname: ses.hostname,
        port: ses.port,
        path: incoming.url,
        method: incoming.method,
        headers: { ...incoming.headers, host: ses.host },
      },
      async (answer) => {
        const answerBody = await readBody(answer);
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        outgoing.end(answerBody);
        if (incoming.method !== 'POST' || incoming.url !== '/v2/email/outbound-emails' || answer.statusCode !== 200) {
          return;
        }
        const sent = sendEmailRequest.safeParse(jsonOf(body));
        const messageId = z.object({ MessageId: z.string() }).safeParse(jsonOf(answerBody));
        // SES publishes events only for a send through a configuration set that has an event destination.
        if (!sent.success || !messageId.success || !sent.data.ConfigurationSetName) return;
        const send = {
          request: sent.data,
          messageId: messageId.data.MessageId,
          sentAt: new Date().toISOString(),
          region,
          accountId,
        };
        await publish(send).catch((error: unknown) => console.warn(`mailbox simulator: ${String(error)}`));
      },
    );
    upstream.on('error', (error) => {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(`the local SES did not answer: ${error.message}`);
    });
    upstream.end(body);
  });
  const port = await listenOn(server, options.port, 'the mailbox simulator');
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
