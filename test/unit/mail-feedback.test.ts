import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AskedRecipient, stalledWaits, suppressionFor } from '#domain/mail-feedback.ts';
import { feedbackOf, mailFeedbackRule } from '#functions/mail-feedback/ses-event.ts';
import { type SimulatedSend, simulatedEvent, simulatedOutcome } from '#local/mailbox-simulator.ts';
import { RecipientsBounced } from '#steps/recipients-bounced.ts';
import { definitionText } from '#workflows/quote-to-order.ts';

/** SES's own example of a bounce on the default bus (event publishing record inside the EventBridge envelope). */
const sesBounce = {
  version: '0',
  id: '3f1f3a40-0f3e-4b4c-8a0a-2f4e1c9b5d11',
  'detail-type': 'Email Bounced',
  source: 'aws.ses',
  account: '123456789012',
  time: '2026-12-07T14:00:02Z',
  region: 'eu-north-1',
  resources: ['arn:aws:ses:eu-north-1:123456789012:configuration-set/QuoteToOrder-prod-mail'],
  detail: {
    eventType: 'Bounce',
    bounce: {
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [
        {
          emailAddress: 'Omar@Globex.example',
          action: 'failed',
          status: '5.1.1',
          diagnosticCode: 'smtp; 550 5.1.1 user unknown',
        },
      ],
      timestamp: '2026-12-07T14:00:01.669Z',
      feedbackId: '01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000',
      reportingMTA: 'dsn; mta.globex.example',
    },
    mail: {
      timestamp: '2026-12-07T14:00:00.012Z',
      source: 'quotes@northwind-industrial.se',
      sourceArn: 'arn:aws:ses:eu-north-1:123456789012:identity/northwind-industrial.se',
      sendingAccountId: '123456789012',
      messageId: '0100018c3f2e-example-000000',
      destination: ['Omar@Globex.example'],
      headersTruncated: false,
      commonHeaders: {
        from: ['quotes@northwind-industrial.se'],
        to: ['Omar@Globex.example'],
        messageId: '0100018c3f2e-example-000000',
        subject: 'Approve purchase rfq_01 (PO 4711) for Globex',
      },
      tags: {
        'ses:configuration-set': ['QuoteToOrder-prod-mail'],
        'ses:from-domain': ['northwind-industrial.se'],
        rfqId: ['rfq_01'],
      },
    },
  },
};

const sesComplaint = {
  ...sesBounce,
  'detail-type': 'Email Complaint Received',
  detail: {
    eventType: 'Complaint',
    complaint: {
      complainedRecipients: [{ emailAddress: 'mei@globex.example' }],
      timestamp: '2026-12-07T15:00:00.000Z',
      feedbackId: '0100-complaint-000000',
      userAgent: 'Mozilla/5.0',
      complaintFeedbackType: 'abuse',
      arrivalDate: '2026-12-07T14:59:00.000Z',
    },
    mail: { ...sesBounce.detail.mail, destination: ['mei@globex.example'], tags: {} },
  },
};

describe('SES feedback events', () => {
  it('reads a bounce: who (lower-cased), why, what the message asked and which RFQ it was about', () => {
    expect(feedbackOf(sesBounce)).toEqual({
      kind: 'bounce',
      feedbackId: '01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000',
      at: '2026-12-07T14:00:01.669Z',
      recipients: ['omar@globex.example'],
      bounceType: 'Permanent',
      subType: 'General',
      diagnostic: 'smtp; 550 5.1.1 user unknown',
      subject: 'Approve purchase rfq_01 (PO 4711) for Globex',
      messageId: '0100018c3f2e-example-000000',
      sentAt: '2026-12-07T14:00:00.012Z',
      rfqId: 'rfq_01',
    });
  });

  it('reads a complaint; a message with no RFQ tag names none', () => {
    const feedback = feedbackOf(sesComplaint);
    expect(feedback).toMatchObject({ kind: 'complaint', recipients: ['mei@globex.example'], subType: 'abuse' });
    expect(feedback).not.toHaveProperty('rfqId');
  });

  it('refuses what is not an SES bounce or complaint', () => {
    expect(() => feedbackOf({ ...sesBounce, source: 'quote-to-order' })).toThrow();
    expect(() => feedbackOf({ ...sesBounce, detail: { ...sesBounce.detail, eventType: 'Delivery' } })).toThrow();
    const nobody = { ...sesBounce.detail.bounce, bouncedRecipients: [] };
    expect(() => feedbackOf({ ...sesBounce, detail: { ...sesBounce.detail, bounce: nobody } })).toThrow();
  });

  it('stops writing to an address after a permanent bounce or a complaint, not after a transient bounce', () => {
    expect(suppressionFor({ kind: 'bounce', bounceType: 'Permanent' })).toBe('BOUNCE');
    expect(suppressionFor({ kind: 'complaint' })).toBe('COMPLAINT');
    expect(suppressionFor({ kind: 'bounce', bounceType: 'Transient' })).toBeUndefined();
    expect(suppressionFor({ kind: 'bounce', bounceType: 'Undetermined' })).toBeUndefined();
  });
});

describe('the local mailbox simulator', () => {
  const send = (to: string[]): SimulatedSend => ({
    request: {
      ConfigurationSetName: 'quote-to-order',
      FromEmailAddress: 'quotes@northwind.example',
      Destination: { ToAddresses: to },
      Content: { Simple: { Subject: { Data: 'Approve purchase rfq_9 (PO 1) for Acme' } } },
      EmailTags: [{ Name: 'rfqId', Value: 'rfq_9' }],
    },
    messageId: 'local-message-1',
    sentAt: '2026-12-07T14:00:00.000Z',
    region: 'us-east-1',
    accountId: '000000000000',
  });

  it('knows SES’s simulator addresses, labels included, and nothing else', () => {
    expect(simulatedOutcome('bounce@simulator.amazonses.com')).toBe('bounce');
    expect(simulatedOutcome('bounce+lead1-co-1@simulator.amazonses.com')).toBe('bounce');
    expect(simulatedOutcome('Complaint@Simulator.AmazonSES.com')).toBe('complaint');
    expect(simulatedOutcome('bounce@acme.example')).toBeUndefined();
    expect(simulatedOutcome('success@simulator.amazonses.com')).toBeUndefined();
  });

  it('makes the events SES makes, which the handler reads as it reads SES’s own', () => {
    const recipient = 'bounce+lead1@simulator.amazonses.com';
    const bounced = {
      source: mailFeedbackRule.source,
      'detail-type': mailFeedbackRule.detailTypes.bounce,
      detail: simulatedEvent(send([recipient]), recipient, 'bounce'),
    };
    expect(feedbackOf(bounced)).toMatchObject({
      kind: 'bounce',
      bounceType: 'Permanent',
      recipients: [recipient],
      subject: 'Approve purchase rfq_9 (PO 1) for Acme',
      messageId: 'local-message-1',
      sentAt: '2026-12-07T14:00:00.000Z',
      rfqId: 'rfq_9',
    });
    const complained = {
      source: mailFeedbackRule.source,
      'detail-type': mailFeedbackRule.detailTypes.complaint,
      detail: simulatedEvent(
        send(['complaint@simulator.amazonses.com']),
        'complaint@simulator.amazonses.com',
        'complaint',
      ),
    };
    expect(feedbackOf(complained)).toMatchObject({
      kind: 'complaint',
      recipients: ['complaint@simulator.amazonses.com'],
    });
  });
});

describe('waits nobody can answer', () => {
  const asked = (waitId: string, approver: string): AskedRecipient => ({
    waitId,
    approver,
    createdAt: '2026-12-07T14:00:00.000Z',
  });

  it('is a wait whose every remaining person is unreachable; one reachable colleague or delegate keeps it alive', () => {
    const pending = [asked('w1', 'a'), asked('w1', 'b'), asked('w2', 'a'), asked('w2', 'c')];
    const bounced = new Set(['a', 'b']);
    expect(stalledWaits(pending, (r) => bounced.has(r.approver))).toEqual(['w1']);
    expect(stalledWaits(pending, () => false)).toEqual([]);
  });

  it('holds for any waits and any unreachable people (property)', () => {
    const recipient = fc.record({
      waitId: fc.constantFrom('w1', 'w2', 'w3'),
      approver: fc.constantFrom('a', 'b', 'c'),
    });
    fc.assert(
      fc.property(fc.array(recipient), fc.subarray(['a', 'b', 'c']), (pending, gone) => {
        const unreachable = (r: { approver: string }) => gone.includes(r.approver);
        const stalled = stalledWaits(
          pending.map((p) => ({ ...p, createdAt: '' })),
          unreachable,
        );
        for (const waitId of new Set(pending.map((p) => p.waitId))) {
          const everyoneGone = pending.filter((p) => p.waitId === waitId).every(unreachable);
          expect(stalled.includes(waitId)).toBe(everyoneGone);
        }
        expect(new Set(stalled).size).toBe(stalled.length);
      }),
    );
  });
});

describe('the workflow on RecipientsBounced', () => {
  const definition = JSON.parse(definitionText()) as { States: Record<string, State> };
  interface State {
    Catch?: { ErrorEquals: string[]; Next: string }[];
    ItemProcessor?: { States: Record<string, State> };
  }
  const states = (within: Record<string, State>): [string, State][] =>
    Object.entries(within).flatMap(([name, state]) => [
      [name, state] as [string, State],
      ...(state.ItemProcessor ? states(state.ItemProcessor.States) : []),
    ]);
  const bounced = new RecipientsBounced('x').name;

  it('escalates a first request or a reminder of a review or an approval level, and nothing else catches it', () => {
    const catching = states(definition.States)
      .map(([name, state]) => [name, state.Catch?.find((c) => c.ErrorEquals.includes(bounced))?.Next])
      .filter(([, next]) => next !== undefined);
    expect(Object.fromEntries(catching)).toEqual({
      RepReview: 'EscalateReview',
      RemindRep: 'EscalateReview',
      RequestApproval: 'EscalateApproval',
      RemindApprovers: 'EscalateApproval',
    });
  });
});
