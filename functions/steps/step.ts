import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import type { StepDeps } from './deps.ts';
import { stepDepsFromConfig } from './deps-from-config.ts';
import { isTransient, TransientError } from './transient.ts';

const logger = new Logger({ serviceName: 'quote-to-order-steps' });

/**
 * A Step Functions task handler: parses its input once (zod), runs the step with its adapters, and names transient
 * failures `TransientError` so the ASL's Retry can tell them from business errors. Logs the step and RFQ, never the
 * input: a callback step's input carries a task token.
 */
export const step =
  <S extends z.ZodType, R>(name: string, schema: S, run: (input: z.output<S>, deps: StepDeps) => Promise<R>) =>
  async (event: unknown, context?: Context): Promise<R> => {
    const input = schema.parse(event);
    const rfqId = (input as { rfqId?: string }).rfqId;
    try {
      const result = await run(input, stepDepsFromConfig());
      logger.info('step done', { step: name, rfqId, outcome: (result as { outcome?: string } | undefined)?.outcome });
      return result;
    } catch (error) {
      const transient = isTransient(error);
      const failure = error instanceof Error ? error : new Error(String(error));
      logger.warn('step failed', {
        step: name,
        rfqId,
        requestId: context?.awsRequestId,
        error: failure.name,
        // Not `message`: Powertools reserves that key for the log line's own message and drops it.
        errorMessage: failure.message,
        transient,
      });
      if (transient && failure.name !== 'TransientError') throw new TransientError(failure.message, { cause: failure });
      throw failure;
    }
  };
