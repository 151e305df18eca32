import { ConflictError } from '#store/ports.ts';

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
  // PutEvents' per-entry failure (clients/event-bus.ts): throttling or an internal error on the bus.
  'EventNotPublished',
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
