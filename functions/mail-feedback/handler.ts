import { Logger } from '@aws-lambda-powertools/logger';
import { sfnClient } from '#functions/clients/sfn.ts';
import { config } from '#functions/config.ts';
import { createWorkflowClient } from '#functions/workflow/step-functions.ts';
import { stepDepsFromConfig } from '#steps/deps-from-config.ts';
import { recordMailFeedback } from './record-mail-feedback.ts';
import { feedbackOf } from './ses-event.ts';

const logger = new Logger({ serviceName: 'quote-to-order-mail-feedback' });

/**
 * The target of the rule on SES's bounce and complaint events (infra/mail-feedback.ts; locally the mailbox
 * simulator's events, local/mailbox-simulator.ts). A throw makes EventBridge retry the event, then set it aside in
 * the rule's dead-letter queue; every effect is safe to repeat.
 */
export const handler = async (event: unknown): Promise<void> => {
  const feedback = feedbackOf(event);
  logger.info('mail feedback', {
    kind: feedback.kind,
    feedbackId: feedback.feedbackId,
    recipients: feedback.recipients.length,
    rfqId: feedback.rfqId,
  });
  await recordMailFeedback(feedback, {
    ...stepDepsFromConfig(),
    workflow: createWorkflowClient(sfnClient(), config().STATE_MACHINE_ARN),
  });
};
