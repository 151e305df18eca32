import {
  GetExecutionHistoryCommand,
  type HistoryEvent,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LambdaContextLike } from '../../local/stepfunctions/index.ts';
import {
  CallbackInbox,
  type CallbackRequest,
  eventually,
  functionArn,
  type LocalSfn,
  machine,
  startLocalSfn,
} from './stepfunctions/local-service.ts';

class ConflictError extends Error {
  override name = 'ConflictError';
}

/** How each RFQ's ConvertToOrder attempts go, in order: a failure to throw, or an order id. */
const conversionScript = new Map<string, (Error | string)[]>();
const conversionAttempts = new Map<string, number[]>();
const markedFailed: { rfqId: string; failure: { Error: string; Cause: string } }[] = [];
const approvals = new CallbackInbox();
const reminders: string[] = [];
const inspected: { event: unknown; context: LambdaContextLike }[] = [];
let local: LocalSfn;

beforeAll(async () => {
  local = await startLocalSfn(
    [
      machine('convert-to-order', {
        ConvertToOrderFunctionArn: 'convert-to-order',
        MarkFailedFunctionArn: 'mark-failed',
      }),
      machine('approval-chain', { RequestApprovalFunctionArn: 'request-approval' }),
      machine('reminder', { SendReminderFunctionArn: 'send-reminder' }),
      machine('context-object', { InspectFunctionArn: 'inspect' }),
      {
        name: 'execution-timeout',
        definition: JSON.stringify({
          TimeoutSeconds: 5,
          StartAt: 'Hold',
          States: { Hold: { Type: 'Wait', Seconds: 3600, End: true } },
        }),
        substitutions: {},
      },
      {
        name: 'failing-map',
        definition: JSON.stringify({
          StartAt: 'Levels',
          States: {
            Levels: {
              Type: 'Map',
              ItemsPath: '$.levels',
              MaxConcurrency: 1,
              ItemSelector: { 'rfqId.$': '$.rfqId', 'levelIndex.$': '$$.Map.Item.Value' },
              ItemProcessor: {
                ProcessorConfig: { Mode: 'INLINE' },
                StartAt: 'Ask',
                States: {
                  Ask: {
                    Type: 'Task',
                    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
                    Parameters: {
                      FunctionName: 'request-approval',
                      Payload: { 'rfqId.$': '$.rfqId', 'levelIndex.$': '$.levelIndex', 'taskToken.$': '$$.Task.Token' },
                    },
                    TimeoutSeconds: 3600,
                    End: true,
                  },
                },
              },
              Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'Hold' }],
              End: true,
            },
            Hold: { Type: 'Wait', Seconds: 360_000, End: true },
          },
        }),
        substitutions: {},
      },
      {
        name: 'bare-fail',
        definition: JSON.stringify({ StartAt: 'Failed', States: { Failed: { Type: 'Fail' } } }),
        substitutions: {},
      },
    ],
    {
      'convert-to-order': async (event: { rfqId: string }) => {
        conversionAttempts.set(event.rfqId, [...(conversionAttempts.get(event.rfqId) ?? []), Date.now()]);
        const next = conversionScript.get(event.rfqId)?.shift();
        if (next instanceof Error) throw next;
        return { orderId: next };
      },
      'mark-failed': async (event: { rfqId: string; failure: { Error: string; Cause: string } }) => {
        markedFailed.push(event);
        return { marked: true };
      },
      'request-approval': approvals.lambda,
      'send-reminder': async (event: { rfqId: string }) => {
        reminders.push(event.rfqId);
      },
      inspect: async (event: unknown, context: LambdaContextLike) => {
        inspected.push({ event, context });
        return event;
      },
    },
  );
});
afterAll(() => local.service.stop());

const start = async (name: string, executionName: string, input: object) => {
  const { executionArn } = await local.sfn.send(
    new StartExecutionCommand({ stateMachineArn: local.arn(name), name: executionName, input: JSON.stringify(input) }),
  );
  return executionArn ?? '';
};
const historyOf = async (executionArn: string): Promise<HistoryEvent[]> =>
  (await local.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))).events ?? [];

describe('Retry and Catch', () => {
  it('retries a conflict with backoff, then succeeds', async () => {
    conversionScript.set('rfq-retry-ok', [new ConflictError('version moved'), 'order-1']);
    const executionArn = await start('convert-to-order', 'rfq-retry-ok', { rfqId: 'rfq-retry-ok' });

    const done = await local.settled(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '')).toEqual({ rfqId: 'rfq-retry-ok', order: { orderId: 'order-1' } });
    expect(conversionAttempts.get('rfq-retry-ok')).toHaveLength(2);
  });

  it('past its retries a conflict is caught: MarkFailed sees the error name and cause, the run fails with them', async () => {
    conversionScript.set(
      'rfq-retry-exhausted',
      [1, 2, 3].map(() => new ConflictError('version moved')),
    );
    const executionArn = await start('convert-to-order', 'rfq-retry-exhausted', { rfqId: 'rfq-retry-exhausted' });

    const done = await local.settled(executionArn);
    const cause = JSON.stringify({ errorMessage: 'version moved', errorType: 'ConflictError' });
    expect(done).toMatchObject({ status: 'FAILED', error: 'ConflictError', cause });
    expect(markedFailed.find((event) => event.rfqId === 'rfq-retry-exhausted')?.failure).toEqual({
      Error: 'ConflictError',
      Cause: cause,
    });

    // IntervalSeconds 2 and BackoffRate 3, × timeScale 0.01: 20 ms, then 60 ms.
    const [first = 0, second = 0, third = 0] = conversionAttempts.get('rfq-retry-exhausted') ?? [];
    expect(conversionAttempts.get('rfq-retry-exhausted')).toHaveLength(3);
    expect(second - first).toBeGreaterThanOrEqual(19);
    expect(third - second).toBeGreaterThanOrEqual(59);
  });

  it('an unexpected error is retried by the States.TaskFailed retrier, then caught', async () => {
    conversionScript.set('rfq-unexpected', [new TypeError('boom'), new TypeError('boom again')]);
    const executionArn = await start('convert-to-order', 'rfq-unexpected', { rfqId: 'rfq-unexpected' });

    expect(await local.settled(executionArn)).toMatchObject({ status: 'FAILED', error: 'TypeError' });
    expect(conversionAttempts.get('rfq-unexpected')).toHaveLength(2);
    const types = (await historyOf(executionArn)).map((event) => event.type);
    expect(types.filter((type) => type === 'TaskFailed')).toHaveLength(2);
    expect(types).toContain('LambdaFunctionSucceeded');
  });
});

describe('Map over approval levels', () => {
  const levels = [
    { approvers: ['lead@buyer.example'], mode: 'any' },
    { approvers: ['finance@buyer.example', 'cfo@buyer.example'], mode: 'all' },
  ];
  const ofRfq = (rfqId: string) => (request: CallbackRequest) => request.rfqId === rfqId;

  it('asks one level at a time, each with its own callback, and collects the decisions in order', async () => {
    const executionArn = await start('approval-chain', 'rfq-chain', { rfqId: 'rfq-chain', levels });

    const first = await approvals.next(ofRfq('rfq-chain'));
    expect(first).toMatchObject({ levelIndex: 0, approvers: ['lead@buyer.example'] });
    expect(approvals.requests.filter(ofRfq('rfq-chain'))).toHaveLength(1);
    await local.sfn.send(
      new SendTaskSuccessCommand({
        taskToken: first.taskToken,
        output: JSON.stringify({ level: 0, approvedBy: 'lead@buyer.example' }),
      }),
    );

    const second = await approvals.next(ofRfq('rfq-chain'), 1);
    expect(second).toMatchObject({ levelIndex: 1, approvers: ['finance@buyer.example', 'cfo@buyer.example'] });
    expect(second.taskToken).not.toBe(first.taskToken);
    await local.sfn.send(
      new SendTaskSuccessCommand({
        taskToken: second.taskToken,
        output: JSON.stringify({ level: 1, approvedBy: 'cfo@buyer.example' }),
      }),
    );

    const done = await local.settled(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '').decisions).toEqual([
      { level: 0, approvedBy: 'lead@buyer.example' },
      { level: 1, approvedBy: 'cfo@buyer.example' },
    ]);

    // MaxConcurrency 1: the second level starts only after the first one's task succeeded.
    const history = await historyOf(executionArn);
    const at = (predicate: (event: HistoryEvent) => boolean) => history.findIndex(predicate);
    expect(
      at((event) => event.type === 'MapIterationStarted' && event.mapIterationStartedEventDetails?.index === 1),
    ).toBeGreaterThan(at((event) => event.type === 'TaskSucceeded'));
    expect(history.filter((event) => event.type === 'MapIterationSucceeded')).toHaveLength(2);
  });

  it('a rejection at any level ends the chain, caught on the Map', async () => {
    const executionArn = await start('approval-chain', 'rfq-chain-rejected', { rfqId: 'rfq-chain-rejected', levels });
    const first = await approvals.next(ofRfq('rfq-chain-rejected'));
    await local.sfn.send(
      new SendTaskFailureCommand({ taskToken: first.taskToken, error: 'ApprovalRejected', cause: 'over budget' }),
    );

    const done = await local.settled(executionArn);
    expect(JSON.parse(done.output ?? '')).toEqual({
      outcome: 'APPROVAL_REJECTED',
      failure: { Error: 'ApprovalRejected', Cause: 'over budget' },
    });
    expect(approvals.requests.filter(ofRfq('rfq-chain-rejected'))).toHaveLength(1);
  });

  it('a failed level stops the Map: the next level, queued behind MaxConcurrency 1, is never asked', async () => {
    const executionArn = await start('failing-map', 'rfq-failing-map', { rfqId: 'rfq-failing-map', levels: [0, 1] });
    const first = await approvals.next(ofRfq('rfq-failing-map'));
    await local.sfn.send(
      new SendTaskFailureCommand({ taskToken: first.taskToken, error: 'ApprovalTimedOut', cause: 'nobody' }),
    );
    // The Catch leads to a long Wait, so the execution is still running while the library would start level 1.
    await eventually(async () =>
      (await historyOf(executionArn)).some((e) => e.type === 'WaitStateEntered') ? true : undefined,
    );
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(approvals.requests.filter(ofRfq('rfq-failing-map'))).toHaveLength(1);
    expect((await historyOf(executionArn)).filter((e) => e.type === 'TaskScheduled')).toHaveLength(1);
    await local.sfn.send(new StopExecutionCommand({ executionArn }));
  });

  it('no levels: approved at once, without a Map', async () => {
    const executionArn = await start('approval-chain', 'rfq-no-rules', { rfqId: 'rfq-no-rules', levels: [] });
    const done = await local.settled(executionArn);
    expect(JSON.parse(done.output ?? '')).toEqual({ rfqId: 'rfq-no-rules', levels: [], outcome: 'APPROVED' });
  });
});

describe('Choice, Wait, Pass, Succeed, Fail', () => {
  it('waits the scaled SecondsPath, Seconds and TimestampPath durations, then reminds once', async () => {
    // 20 s + 10 s + (deadline 30 s away) = 60 s, × 0.01 = 600 ms.
    const deadline = new Date(Date.now() + 30_000).toISOString();
    const executionArn = await start('reminder', 'rfq-remind', {
      rfqId: 'rfq-remind',
      remind: true,
      remindAfterSeconds: 20,
      deadline,
    });

    const done = await local.settled(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '').outcome).toBe('REMINDED');
    expect(reminders.filter((rfqId) => rfqId === 'rfq-remind')).toHaveLength(1);
    const took = (done.stopDate?.getTime() ?? 0) - (done.startDate?.getTime() ?? 0);
    expect(took).toBeGreaterThanOrEqual(550);
    expect(took).toBeLessThan(5_000);

    const types = (await historyOf(executionArn)).map((event) => event.type);
    expect(types.filter((type) => type === 'WaitStateEntered')).toHaveLength(3);
    expect(types.filter((type) => type === 'TaskScheduled')).toHaveLength(1);
    expect(types).toEqual(expect.arrayContaining(['ChoiceStateEntered', 'PassStateEntered', 'SucceedStateEntered']));
  });

  it('the Choice default leads to a Fail state, whose error and cause end the execution', async () => {
    const executionArn = await start('reminder', 'rfq-no-remind', { rfqId: 'rfq-no-remind', remind: false });
    expect(await local.settled(executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'NoReminder',
      cause: 'the input asked for no reminder',
    });
  });

  it('stopping an execution during a Wait ends it at once; nothing after the Wait runs', async () => {
    const executionArn = await start('reminder', 'rfq-stop-waiting', {
      rfqId: 'rfq-stop-waiting',
      remind: true,
      remindAfterSeconds: 3600,
    });
    await eventually(async () =>
      (await historyOf(executionArn)).some((event) => event.type === 'WaitStateEntered') ? true : undefined,
    );

    await local.sfn.send(new StopExecutionCommand({ executionArn }));

    expect((await local.settled(executionArn)).status).toBe('ABORTED');
    const types = (await historyOf(executionArn)).map((event) => event.type);
    expect(types.at(-1)).toBe('ExecutionAborted');
    expect(types).not.toContain('WaitStateExited');
    expect(reminders).not.toContain('rfq-stop-waiting');
  });

  it('a Fail state without Error or Cause fails the execution with neither, as on AWS', async () => {
    const done = await local.settled(await start('bare-fail', 'bare', {}));
    expect(done.status).toBe('FAILED');
    expect(done.error).toBeUndefined();
    expect(done.cause).toBeUndefined();
  });

  it('the machine’s own TimeoutSeconds (scaled) ends the execution as TIMED_OUT', async () => {
    const executionArn = await start('execution-timeout', 'held-too-long', {});
    expect(await local.settled(executionArn)).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect((await historyOf(executionArn)).at(-1)?.type).toBe('ExecutionTimedOut');
  });
});

describe('stopping the service', () => {
  it('aborts the executions still running, even those waiting for a callback', async () => {
    const inbox = new CallbackInbox();
    const own = await startLocalSfn([machine('approval-chain', { RequestApprovalFunctionArn: 'request-approval' })], {
      'request-approval': inbox.lambda,
    });
    const { executionArn = '' } = await own.sfn.send(
      new StartExecutionCommand({
        stateMachineArn: own.arn('approval-chain'),
        name: 'rfq-at-shutdown',
        input: JSON.stringify({ rfqId: 'rfq-at-shutdown', levels: [{ approvers: ['lead@buyer.example'] }] }),
      }),
    );
    await inbox.next();

    await own.service.stop();

    expect(own.service.executions().find((execution) => execution.executionArn === executionArn)).toMatchObject({
      status: 'ABORTED',
      error: 'LocalServiceStopped',
    });
  });
});

describe('the context object and the Lambda context', () => {
  it('fills $$.Execution and $$.StateMachine, and hands handlers a Lambda-shaped context', async () => {
    const input = { rfqId: 'rfq-context' };
    const executionArn = await start('context-object', 'rfq-context', input);
    const done = await local.settled(executionArn);
    expect(done.status).toBe('SUCCEEDED');

    const seen = JSON.parse(done.output ?? '').seen;
    expect(seen).toEqual({
      executionId: executionArn,
      executionName: 'rfq-context',
      executionInput: input,
      startTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      roleArn: expect.stringMatching(/^arn:aws:iam::000000000000:role\//),
      stateMachineId: local.arn('context-object'),
      stateMachineName: 'context-object',
    });
    expect(Math.abs(Date.parse(seen.startTime) - (done.startDate?.getTime() ?? 0))).toBeLessThan(1_000);

    const { context } =
      inspected.find(({ event }) => (event as { executionName?: string }).executionName === 'rfq-context') ?? {};
    expect(context).toMatchObject({
      functionName: 'inspect',
      invokedFunctionArn: functionArn('inspect'),
      functionVersion: '$LATEST',
      awsRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(context?.getRemainingTimeInMillis()).toBeGreaterThan(0);
  });
});
