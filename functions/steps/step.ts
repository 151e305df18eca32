import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import { ConflictError } from '#store/ports.ts';
import { type StepDeps, stepDepsFromConfig } from './deps.ts';

const logger = new Logger({ serviceName: 'quote-to-order-steps' });

/**
 * The one error name the ASL retries besides Lambda's own: a lost optimistic-lock race, throttling, a network or
 * server-side fault. Anything else (a business rule, a bad input) is not retried and goes to MarkFailed at once.
 */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}

const transientNames = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
]);
const transientCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

export const isTransient = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  if (error instanceof ConflictError || error.name === 'TransientError') return true;
  const sdk = error as Error & { $retryable?: unknown; $fault?: string; code?: string };
  return (
    transientNames.has(error.name) ||
    sdk.$retryable !== undefined ||
    sdk.$fault === 'server' ||
    (sdk.code !== undefined && transientCodes.has(sdk.code))
  );
};

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
        message: failure.message,
        transient,
      });
      if (transient && failure.name !== 'TransientError') throw new TransientError(failure.message, { cause: failure });
      throw failure;
    }
  };
