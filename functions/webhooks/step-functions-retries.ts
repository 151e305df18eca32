import { createHash } from 'node:crypto';
import { type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { RetrySchedule } from './deps.ts';

/**
 * The retry schedule on Step Functions: one execution per delivery that fails its first attempt (workflows/
 * webhook-retries.asl.json: wait, attempt, again until it ends), named after the delivery so it is started once —
 * a start for a delivery whose loop runs or ran answers ExecutionAlreadyExists, which is what we want.
 */
export const createStepFunctionsRetries = (sfn: SFNClient, stateMachineArn: string): RetrySchedule => ({
  async start(delivery, waitSeconds) {
    // Execution names allow letters, digits, - and _ only, up to 80: the integration's id is hashed to fit.
    const integration = createHash('sha256').update(delivery.integrationId).digest('hex').slice(0, 24);
    try {
      await sfn.send(
        new StartExecutionCommand({
          stateMachineArn,
          name: `${integration}-${delivery.deliveryId}`,
          input: JSON.stringify({
            integrationId: delivery.integrationId,
            deliveryId: delivery.deliveryId,
            next: { outcome: 'retrying', waitSeconds },
          }),
        }),
      );
    } catch (error) {
      if ((error as { name?: string }).name !== 'ExecutionAlreadyExists') throw error;
    }
  },
});
