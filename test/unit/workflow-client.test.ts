import type { SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { WaitGoneError } from '#functions/workflow/ports.ts';
import { createWorkflowClient } from '#functions/workflow/step-functions.ts';
import { isTransient, TransientError } from '#steps/transient.ts';
import { ConflictError } from '#store/ports.ts';

const stateMachineArn = 'arn:aws:states:eu-west-1:123456789012:stateMachine:quote-to-order';
const named = (name: string, message = name) => Object.assign(new Error(message), { name });

/** A Step Functions client that answers each command by its class name: a plain double, no module mocking. */
const sfnAnswering = (answers: Record<string, (input: Record<string, unknown>) => unknown>) => {
  const sent: { command: string; input: Record<string, unknown> }[] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const name = command.constructor.name;
      sent.push({ command: name, input: command.input });
      const answer = answers[name];
      if (!answer) throw new Error(`unexpected ${name}`);
      return answer(command.input);
    },
  };
  return { client: client as unknown as SFNClient, sent };
};

describe('the workflow client', () => {
  it('names the execution after the RFQ', async () => {
    const { client, sent } = sfnAnswering({ StartExecutionCommand: () => ({ executionArn: 'arn:x' }) });
    expect(await createWorkflowClient(client, stateMachineArn).start('rfq_1', { rfqId: 'rfq_1' })).toEqual({
      executionArn: 'arn:x',
    });
    expect(sent[0]?.input).toMatchObject({ name: 'rfq_1', input: '{"rfqId":"rfq_1"}', stateMachineArn });
  });

  it('treats a repeated start with the same input as done, and one with another input as the conflict it is', async () => {
    const { client } = sfnAnswering({
      StartExecutionCommand: () => {
        throw named('ExecutionAlreadyExists');
      },
      DescribeExecutionCommand: () => ({ input: '{ "rfqId": "rfq_1" }' }),
    });
    const workflow = createWorkflowClient(client, stateMachineArn);
    expect(await workflow.start('rfq_1', { rfqId: 'rfq_1' })).toEqual({
      executionArn: 'arn:aws:states:eu-west-1:123456789012:execution:quote-to-order:rfq_1',
    });
    await expect(workflow.start('rfq_1', { rfqId: 'rfq_2' })).rejects.toThrow('ExecutionAlreadyExists');
  });

  it('reports a wait that is over as WaitGoneError, without echoing the task token', async () => {
    for (const name of ['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']) {
      const { client } = sfnAnswering({
        SendTaskSuccessCommand: () => {
          throw named(name, 'Provided task token SECRET-TOKEN does not exist');
        },
      });
      const answer = createWorkflowClient(client, stateMachineArn).succeed('SECRET-TOKEN', { decision: 'approve' });
      await expect(answer).rejects.toBeInstanceOf(WaitGoneError);
      await expect(answer).rejects.not.toThrow(/SECRET-TOKEN/);
    }
  });

  it('passes other failures on, so they are retried or surface as errors', async () => {
    const { client } = sfnAnswering({
      SendTaskFailureCommand: () => {
        throw named('ThrottlingException');
      },
    });
    await expect(createWorkflowClient(client, stateMachineArn).fail('t', 'Rejected', 'no')).rejects.toThrow(
      'ThrottlingException',
    );
  });

  it('leaves an execution that does not exist as it is when asked to stop it', async () => {
    const { client } = sfnAnswering({
      StopExecutionCommand: () => {
        throw named('ExecutionDoesNotExist');
      },
    });
    await expect(createWorkflowClient(client, stateMachineArn).stop('arn:x', 'cancelled')).resolves.toBeUndefined();
  });
});

describe('which step failures are transient', () => {
  it('retries lost races, throttling and network or server faults', () => {
    expect(isTransient(new ConflictError('moved'))).toBe(true);
    expect(isTransient(new TransientError('x'))).toBe(true);
    expect(isTransient(named('ProvisionedThroughputExceededException'))).toBe(true);
    expect(isTransient(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransient(Object.assign(named('InternalFailure'), { $fault: 'server' }))).toBe(true);
  });

  it('does not retry a business error or a bad input', () => {
    expect(isTransient(named('IllegalTransition'))).toBe(false);
    expect(isTransient(named('ZodError'))).toBe(false);
    expect(isTransient(Object.assign(named('ValidationException'), { $fault: 'client' }))).toBe(false);
    expect(isTransient('boom')).toBe(false);
  });
});
