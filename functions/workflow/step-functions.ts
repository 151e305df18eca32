import {
  DescribeExecutionCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { WaitGoneError, type WorkflowClient } from './ports.ts';

const goneAnswers = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

const errorName = (error: unknown): string | undefined => (error instanceof Error ? error.name : undefined);

/** Task tokens are opaque secrets: an SDK error message may echo one, so the message is not passed on. */
const answerTask = async (send: () => Promise<unknown>): Promise<void> => {
  try {
    await send();
  } catch (error) {
    const name = errorName(error);
    if (name && goneAnswers.has(name)) throw new WaitGoneError(`the wait is over (${name})`);
    throw error;
  }
};

const sameJson = (a: string | undefined, b: string): boolean => {
  if (a === undefined) return false;
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
};

/**
 * The workflow port on AWS Step Functions (and on the local engine, which speaks its API). `stateMachineArn` may name
 * the state machine, or a version or an alias of it (`…:stateMachine:<name>:live`, what a deploy configures): an
 * execution's ARN names the state machine alone either way (`…:execution:<name>:<rfqId>`).
 */
export const createWorkflowClient = (sfn: SFNClient, stateMachineArn: string): WorkflowClient => {
  const machineArn = stateMachineArn.split(':').slice(0, 7).join(':');
  const executionArnFor = (rfqId: string): string => `${machineArn.replace(':stateMachine:', ':execution:')}:${rfqId}`;

  return {
    executionArnFor,

    async start(rfqId, input) {
      const body = JSON.stringify(input);
      try {
        const started = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: rfqId, input: body }));
        return { executionArn: started.executionArn ?? executionArnFor(rfqId) };
      } catch (error) {
        // AWS answers a same-name, same-input start of a running execution with success, but of a finished one with
        // ExecutionAlreadyExists; either way a retried submission must not fail when the first one did start.
        if (errorName(error) !== 'ExecutionAlreadyExists') throw error;
        const executionArn = executionArnFor(rfqId);
        const existing = await sfn.send(new DescribeExecutionCommand({ executionArn }));
        if (!sameJson(existing.input, body)) throw error;
        return { executionArn };
      }
    },

    succeed: (taskToken, output) =>
      answerTask(() => sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }))),

    fail: (taskToken, error, cause) =>
      answerTask(() => sfn.send(new SendTaskFailureCommand({ taskToken, error, cause }))),

    async stop(executionArn, cause) {
      try {
        await sfn.send(new StopExecutionCommand({ executionArn, cause }));
      } catch (error) {
        if (errorName(error) !== 'ExecutionDoesNotExist') throw error;
      }
    },
  };
};
