/**
 * What wakes the webhook dispatcher: every event the app publishes on its bus (source `quote-to-order`, any type) —
 * one definition for the CDK rule (infra/webhooks.ts) and the local EventBridge's.
 */
export const webhookDispatchRule = { source: 'quote-to-order' } as const;
