import { mailFeedbackRule } from '#functions/mail-feedback/ses-event.ts';
import type { EventBridgeLocal, LocalRule } from './eventbridge.ts';
import { type MailboxSimulator, startMailboxSimulator } from './mailbox-simulator.ts';

/** The configuration set the local functions name on every send, as the CDK app's do (SES_CONFIGURATION_SET). */
export const localConfigurationSet = 'quote-to-order';

/**
 * The rule the CDK app puts on the default bus (infra/mail-feedback.ts), locally: SES's bounce and complaint events
 * go to the same handler module, imported on first use — after the stack has set the environment it reads.
 */
export const mailFeedbackLocalRule: LocalRule = {
  name: 'mail-feedback',
  pattern: { source: [mailFeedbackRule.source], detailType: Object.values(mailFeedbackRule.detailTypes) },
  target: async (event) => {
    const { handler } = await import('#functions/mail-feedback/handler.ts');
    await handler(event);
  },
};

/**
 * The mailbox simulator in front of the local SES, putting its events on this EventBridge, whose rules must include
 * `mailFeedbackLocalRule` for them to reach the handler.
 */
export const simulateMailboxes = (sesEndpoint: string, bus: EventBridgeLocal): Promise<MailboxSimulator> =>
  startMailboxSimulator({ sesEndpoint, putEvents: bus.putEvents });
