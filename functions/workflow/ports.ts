/**
 * The workflow as the use cases see it: start an RFQ's execution, answer a task, stop an execution. The Step Functions
 * adapter is `step-functions.ts`; nothing here reaches an SDK, so a use case that resumes a wait bundles no client.
 */

/**
 * The task a decision wants to answer is gone: it was answered already, timed out, or its execution ended (cancelled).
 * Handlers show it as "already decided or expired" (409), never as a server error.
 */
export class WaitGoneError extends Error {
  override readonly name = 'WaitGoneError';
}

export interface WorkflowClient {
  /** Starts the RFQ's execution, named after the rfqId: the same name with the same input is a no-op success. */
  start(rfqId: string, input: object): Promise<{ executionArn: string }>;
  succeed(taskToken: string, output: object): Promise<void>;
  fail(taskToken: string, error: string, cause: string): Promise<void>;
  /** Stops the execution; one that already ended or never started is left as it is. */
  stop(executionArn: string, cause: string): Promise<void>;
  /** The ARN the execution of this RFQ has (or will have). */
  executionArnFor(rfqId: string): string;
}
