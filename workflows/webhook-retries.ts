import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StepSpec } from './quote-to-order.ts';

/**
 * The typed side of `webhook-retries.asl.json`: its one Lambda, bound to `${AttemptWebhookFunctionArn}` by the CDK
 * app (a published version, as the workflow's steps are) and by the local stack (the handler in process).
 */
export const webhookRetriesPath: string = fileURLToPath(new URL('./webhook-retries.asl.json', import.meta.url));

export const webhookRetryFunctions: Record<string, StepSpec> = {
  AttemptWebhookFunctionArn: {
    handler: 'functions/webhooks/retry-attempt.ts',
    // Above the sender's longest wait for an answer (WEBHOOK_TIMEOUT_SECONDS, at most 30).
    timeoutSeconds: 45,
    needs: { table: 'write' },
  },
};

export const webhookRetriesText = (): string => readFileSync(webhookRetriesPath, 'utf8');
