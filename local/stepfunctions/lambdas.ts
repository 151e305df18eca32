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

/**
 * `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]` (or a bare name): the function and the version or
 * alias it names, if any.
 */
const parseFunction = (arnOrName: string): { name: string; qualifier?: string } => {
  const parts = arnOrName.split(':');
  if (parts.length < 7) return { name: arnOrName };
  return { name: parts[6] ?? arnOrName, ...(parts[7] !== undefined && { qualifier: parts[7] }) };
};
const functionNameOf = (arnOrName: string): string => parseFunction(arnOrName).name;

/** As on AWS: the invoked ARN as given, the version a numeric qualifier names, else `$LATEST` (one local version). */
const lambdaContext = (invokedArn: string): LambdaContextLike => {
  const { name: functionName, qualifier } = parseFunction(invokedArn);
  const functionVersion = qualifier !== undefined && /^\d+$/.test(qualifier) ? qualifier : '$LATEST';
  const deadline = Date.now() + functionTimeoutMs;
  const awsRequestId = randomUUID();
  const unsupported = () => {
    throw new Error('the callback-style context methods (done/fail/succeed) are not supported; return or throw');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion,
    invokedFunctionArn: invokedArn,
    memoryLimitInMB: '1024',
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[${functionVersion}]${awsRequestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
};

/**
 * The in-process handlers by function ARN; a task may name a function by ARN, by its bare name, or by a version's or
 * an alias's ARN (`…:function:<name>:7`, `…:<name>:live`), which runs the function's one local code, as the version
 * deployed with it does on AWS.
 */
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
      const result = await target.handler(
        throughJson(event) as never,
        lambdaContext(arnOrName.startsWith('arn:') ? arnOrName : target.arn),
      );
      return throughJson(result);
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      const errorType = error.name || 'Error';
      throw new TaskFailure(errorType, JSON.stringify({ errorMessage: error.message, errorType }));
    }
  }
}
