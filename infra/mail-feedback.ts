import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import {
  ConfigurationSetEventDestination,
  EmailSendingEvent,
  EventDestination,
  type IConfigurationSet,
} from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { mailFeedbackRule } from '#functions/mail-feedback/ses-event.ts';
import type { Needs } from '#functions/needs.ts';
import { type FunctionDefaults, QuoteToOrderFunction } from './function.ts';
import { nagReason } from './nag.ts';
import { grantNeeds, type Targets } from './permissions.ts';

export const mailFeedbackHandler = 'functions/mail-feedback/handler.ts';

/** It records in the table, mails the rep and admins, and fails a stalled wait's task (SendTaskFailure). */
export const mailFeedbackNeeds: Needs = { table: 'write', sendEmail: true, sendTaskResult: true };

export interface MailFeedbackProps {
  /** The configuration set every send names (functions read it as SES_CONFIGURATION_SET). */
  configurationSet: IConfigurationSet;
  defaults: FunctionDefaults;
  targets: Targets;
}

/**
 * Mail that bounces comes back: the configuration set publishes its BOUNCE and COMPLAINT events to the account's
 * default event bus (the only bus SES publishes to), and a rule there — on this configuration set's events alone, so
 * two stages in one account never see each other's — invokes the mail feedback handler (functions/mail-feedback).
 *
 * EventBridge rather than SNS: no topic to encrypt with a key SES may use, a rule filters by event type and
 * configuration set before anything runs, EventBridge retries delivery for a day, and the local stack already has an
 * EventBridge to route the mailbox simulator's events through the same pattern (functions/mail-feedback/ses-event.ts).
 *
 * An event the handler keeps failing on (after Lambda's two retries), or that EventBridge cannot deliver, lands in one
 * dead-letter queue, which pages on its first message (infra/observability.ts): a bounce nobody processed is an
 * approver nobody will reach.
 */
export class MailFeedback extends Construct {
  readonly handler: QuoteToOrderFunction;
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: MailFeedbackProps) {
    super(scope, id);
    const defaultBus = EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    new ConfigurationSetEventDestination(this, 'Destination', {
      configurationSet: props.configurationSet,
      destination: EventDestination.eventBus(defaultBus),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    this.failures = new Queue(this, 'Failures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failures).acknowledge(nagReason('AwsSolutions-SQS3'));

    this.handler = new QuoteToOrderFunction(this, 'Handler', {
      name: 'MailFeedback',
      handler: mailFeedbackHandler,
      timeoutSeconds: 30,
      defaults: props.defaults,
    });
    grantNeeds(this.handler, mailFeedbackNeeds, props.targets);
    this.handler.configureAsyncInvoke({
      onFailure: new SqsDestination(this.failures),
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
    });

    new Rule(this, 'Rule', {
      description: `SES bounces and complaints of ${Stack.of(this).stackName}'s mail → the mail feedback handler`,
      eventBus: defaultBus,
      eventPattern: {
        source: [mailFeedbackRule.source],
        detailType: Object.values(mailFeedbackRule.detailTypes),
        detail: { mail: { tags: { 'ses:configuration-set': [props.configurationSet.configurationSetName] } } },
      },
      targets: [
        new LambdaFunction(this.handler, {
          deadLetterQueue: this.failures,
          retryAttempts: 185,
          maxEventAge: Duration.hours(24),
        }),
      ],
    });
  }
}
