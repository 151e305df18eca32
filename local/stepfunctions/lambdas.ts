import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { type Json, throughJson } from './json.ts';
import { TaskFailure } from './task-failure.ts';

/** What an in-process handler receives as its second argument: the shape of the real Lambda context. */
export type LambdaContextLike = Context;

/**
 * An in-process Lambda handler. The event is typed `never` so that any handler, whatever event type it declares,
 * fits here; the service hands it the JSON the task built.
 */
export type LocalLambda = (event: never, context: LambdaContextLike) => unknown;

/** How long a handler believes it has (`getRemainingTimeInMillis`), as a Lambda's configured timeout would say. */
const functionTimeoutMs = 30_000;

const functionNameOf = (arnOrName: string): string => {
  const parts = arnOrName.split(':');
  return parts.length >= 7 ? (parts[6] ?? arnOrName) : arnOrName;
};

const lambdaContext = (functionArn: string): LambdaContextLike => {
  const functionName = functionNameOf(functionArn);
  const deadline = Date.now() + functionTimeoutMs;
  const awsRequestId = randomUUID();
  const unsupported = () => {
    throw new Error('the callback-style context methods (done/fail/succeed) are not supported; return or throw');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn,
    memoryLimitInMB: '1024',
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${awsRequestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
};

/** The in-process handlers by function ARN; a task may name a function by ARN or by its bare name. */
export class Lambdas {
  constructor(private readonly handlers: Record<string, LocalLambda>) {}

  find(arnOrName: string): { arn: string; handler: LocalLambda } | undefined {
    const exact = this.handlers[arnOrName];
    if (exact) return { arn: arnOrName, handler: exact };
    const name = functionNameOf(arnOrName);
    const match = Object.entries(this.handlers).find(([arn]) => functionNameOf(arn) === name);
    return match && { arn: match[0], handler: match[1] };
  }

  /**
   * Invokes a handler as Lambda would: the event and the result cross a JSON boundary, and an error it throws
   * becomes a failure named after the error (`errorType`), with `{ errorMessage, errorType }` as the cause.
   */
  async invoke(arnOrName: string, event: Json): Promise<Json> {
    const target = this.find(arnOrName);
    if (!target) {
      throw new TaskFailure(
        'Lambda.ResourceNotFoundException',
        `Function not found: ${arnOrName} (no in-process handler is registered for it)`,
      );
    }
    try {
      const result = await target.handler(throughJson(event) as never, lambdaContext(target.arn));
      return throughJson(result);
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      const errorType = error.name || 'Error';
      throw new TaskFailure(errorType, JSON.stringify({ errorMessage: error.message, errorType }));
    }
  }
}
