import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/**
 * True when DynamoDB refused a write because somebody else moved first: a failed condition, or (in a transaction)
 * another transaction on the same item. Either way the caller's view is stale and nothing was written.
 */
export const isLostRace = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some(
      (r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict',
    ));
