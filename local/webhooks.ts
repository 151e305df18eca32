import { webhookDispatchRule } from '#functions/webhooks/dispatch-rule.ts';
import type { LocalRule } from './eventbridge.ts';

/** The name of the webhook retry loop's state machine, locally and in its ARN (WEBHOOK_RETRIES_ARN). */
export const webhookRetriesName = 'webhook-retries';

/**
 * The rule the CDK app puts on the app's bus (infra/webhooks.ts), locally: every app event wakes the same dispatcher
 * module, imported on first use — after the stack has set the environment it reads.
 */
export const webhookDispatchLocalRule: LocalRule = {
  name: 'webhook-dispatch',
  pattern: { source: [webhookDispatchRule.source] },
  target: async () => {
    const { handler } = await import('#functions/webhooks/dispatch-handler.ts');
    await handler();
  },
};
