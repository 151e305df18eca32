import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  InvalidArn,
  InvalidExecutionInput,
  InvalidName,
  InvalidOutput,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflowClient } from '#functions/workflow/step-functions.ts';
import type { LambdaContextLike } from '../../local/stepfunctions/index.ts';
import {
  CallbackInbox,
  type CallbackRequest,
  functionArn,
  type LocalSfn,
  machine,
  startLocalSfn,
} from './stepfunctions/local-service.ts';

const reviews = new CallbackInbox();
let local: LocalSfn;
let stateMachineArn: string;

/** How each PriceQuote invocation was addressed: the ARN it was invoked by and the version it ran. */
const pricedBy: string[] = [];

beforeAll(async () => {
  const review = machine('review', {
    PriceQuoteFunctionArn: 'price-quote',
    RequestReviewFunctionArn: 'request-review',
  });
  // As deployed: the definition names a published version of a function, and executions start through an alias.
  const versioned = {
    ...review,
    substitutions: { ...review.substitutions, PriceQuoteFunctionArn: `${functionArn('price-quote')}:7` },
    aliases: ['live'],
  };
  local = await startLocalSfn([versioned], {
    'price-quote': async (_event: unknown, context: LambdaContextLike) => {
      pricedBy.push(`${context.invokedFunctionArn} ${context.functionVersion}`);
      return { total: 42_00 };
    },
    'request-review': reviews.lambda,
  });
  stateMachineArn = local.arn('review');
});
afterAll(() => local.service.stop());

const ofRfq = (rfqId: string) => (request: CallbackRequest) => request.rfqId === rfqId;
const startReview = (name: string, input: object = { rfqId: name }) =>
  local.sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
const approve = async (rfqId: string) => {
  const { taskToken } = await reviews.next(ofRfq(rfqId));
  await local.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ decision: 'approve' }) }));
};

describe('StartExecution', () => {
  it('the same RFQ submitted twice with the same input is one execution; a different input is refused', async () => {
    const first = await startReview('rfq-twice');
    const again = await startReview('rfq-twice');
    expect(again).toMatchObject({ executionArn: first.executionArn, startDate: first.startDate });
    await expect(startReview('rfq-twice', { rfqId: 'rfq-twice', note: 'changed' })).rejects.toBeInstanceOf(
      ExecutionAlreadyExists,
    );

    const executions = local.service.executions().filter((execution) => execution.name === 'rfq-twice');
    expect(executions).toHaveLength(1);
  });

  it('as on AWS, a closed execution’s name cannot be reused, even with the same input', async () => {
    const { executionArn = '' } = await startReview('rfq-closed');
    await approve('rfq-closed');
    await local.settled(executionArn);
    await expect(startReview('rfq-closed')).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('answers the AWS exceptions for a bad name, bad input, unknown or malformed ARN', async () => {
    await expect(startReview('has space')).rejects.toBeInstanceOf(InvalidName);
    await expect(startReview('x'.repeat(81))).rejects.toBeInstanceOf(InvalidName);
    await expect(
      local.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'rfq-bad-input', input: '{not json' })),
    ).rejects.toBeInstanceOf(InvalidExecutionInput);
    await expect(
      local.sfn.send(new StartExecutionCommand({ stateMachineArn: local.arn('nope'), name: 'rfq-1' })),
    ).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    await expect(
      local.sfn.send(new StartExecutionCommand({ stateMachineArn: 'not-an-arn', name: 'rfq-1' })),
    ).rejects.toBeInstanceOf(InvalidArn);
  });

  it('without a name, each start is a new execution with a generated name', async () => {
    const input = JSON.stringify({ rfqId: 'rfq-unnamed' });
    const one = await local.sfn.send(new StartExecutionCommand({ stateMachineArn, input }));
    const two = await local.sfn.send(new StartExecutionCommand({ stateMachineArn, input }));
    expect(one.executionArn).not.toBe(two.executionArn);
    await Promise.all([one, two].map(({ executionArn }) => local.sfn.send(new StopExecutionCommand({ executionArn }))));
  });
});

describe('DescribeExecution, ListExecutions, DescribeStateMachine', () => {
  it('describes a running then a finished execution like AWS', async () => {
    const { executionArn = '', startDate } = await startReview('rfq-describe');
    const running = await local.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(running).toMatchObject({
      executionArn,
      stateMachineArn,
      name: 'rfq-describe',
      status: 'RUNNING',
      startDate,
      input: JSON.stringify({ rfqId: 'rfq-describe' }),
    });
    expect(running.stopDate).toBeUndefined();

    await approve('rfq-describe');
    const done = await local.settled(executionArn);
    expect(done.stopDate?.getTime()).toBeGreaterThanOrEqual(startDate?.getTime() ?? 0);
    expect(JSON.parse(done.output ?? '')).toMatchObject({ review: { decision: 'approve' } });

    await expect(
      local.sfn.send(new DescribeExecutionCommand({ executionArn: `${executionArn}-nope` })),
    ).rejects.toBeInstanceOf(ExecutionDoesNotExist);
  });

  it('lists executions newest first, filtered by status, page by page', async () => {
    const names = ['rfq-list-a', 'rfq-list-b', 'rfq-list-c'];
    for (const name of names) await startReview(name);
    await approve('rfq-list-b');
    await local.settled(
      local.service.executions().find((execution) => execution.name === 'rfq-list-b')?.executionArn ?? '',
    );

    const running = await local.sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING' }));
    const runningNames = running.executions?.map((execution) => execution.name) ?? [];
    expect(runningNames.indexOf('rfq-list-c')).toBeLessThan(runningNames.indexOf('rfq-list-a'));
    expect(runningNames).not.toContain('rfq-list-b');

    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await local.sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 2, nextToken }));
      expect(page.executions?.length).toBeLessThanOrEqual(2);
      seen.push(...(page.executions ?? []).map((execution) => execution.name ?? ''));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(seen).toEqual(
      local.service
        .executions()
        .map((execution) => execution.name)
        .reverse(),
    );
  });

  it('describes and lists the state machine, with its definition after substitution', async () => {
    const described = await local.sfn.send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(described).toMatchObject({ name: 'review', status: 'ACTIVE', type: 'STANDARD' });
    expect(described.definition).toContain('arn:aws:lambda:us-east-1:000000000000:function:request-review');
    expect(described.definition).not.toContain('${');
    const { stateMachines = [] } = await local.sfn.send(new ListStateMachinesCommand({}));
    expect(stateMachines.map((stateMachine) => stateMachine.stateMachineArn)).toEqual([stateMachineArn]);
  });
});

describe('qualified ARNs, read as AWS reads them', () => {
  it('starts through an alias or a version, names the execution under the state machine, and says which', async () => {
    const alias = `${stateMachineArn}:live`;
    const version = `${stateMachineArn}:1`;
    const started = await local.sfn.send(
      new StartExecutionCommand({ stateMachineArn: alias, name: 'rfq-alias', input: '{"rfqId":"rfq-alias"}' }),
    );
    expect(started.executionArn).toBe(`${stateMachineArn.replace(':stateMachine:', ':execution:')}:rfq-alias`);
    expect(createWorkflowClient(local.sfn, alias).executionArnFor('rfq-alias')).toBe(started.executionArn);
    await local.sfn.send(
      new StartExecutionCommand({ stateMachineArn: version, name: 'rfq-version', input: '{"rfqId":"rfq-version"}' }),
    );
    await local.sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: 'rfq-unqualified', input: '{"rfqId":"rfq-unqualified"}' }),
    );

    const described = await local.sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    expect(described).toMatchObject({ stateMachineArn, stateMachineAliasArn: alias });
    expect(described.stateMachineVersionArn).toBeUndefined();
    const ofVersion = await local.sfn.send(
      new DescribeExecutionCommand({
        executionArn: `${stateMachineArn.replace(':stateMachine:', ':execution:')}:rfq-version`,
      }),
    );
    expect(ofVersion).toMatchObject({ stateMachineArn, stateMachineVersionArn: version });
    const { executions = [] } = await local.sfn.send(new ListExecutionsCommand({ stateMachineArn: alias }));
    expect(executions.map((execution) => execution.name)).toEqual(['rfq-alias']);
    for (const rfqId of ['rfq-alias', 'rfq-version', 'rfq-unqualified']) await approve(rfqId);
  });

  it('refuses an alias the state machine does not have', async () => {
    await expect(
      local.sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}:canary`, name: 'rfq-canary' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFound' });
  });

  it('invokes the version of a function the definition names, which sees its own ARN and version', async () => {
    const { executionArn = '' } = await startReview('rfq-priced-by-version');
    await approve('rfq-priced-by-version');
    await local.settled(executionArn);
    expect(pricedBy).toContain(`${functionArn('price-quote')}:7 7`);
  });
});

describe('StopExecution', () => {
  it('aborts an execution waiting for a review; its task token dies', async () => {
    const { executionArn = '' } = await startReview('rfq-withdrawn');
    const { taskToken } = await reviews.next(ofRfq('rfq-withdrawn'));

    const { stopDate } = await local.sfn.send(
      new StopExecutionCommand({ executionArn, error: 'Cancelled', cause: 'the buyer withdrew the RFQ' }),
    );

    const stopped = await local.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(stopped).toMatchObject({
      status: 'ABORTED',
      stopDate,
      error: 'Cancelled',
      cause: 'the buyer withdrew the RFQ',
    });
    await expect(
      local.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ decision: 'approve' }) })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
    const { events = [] } = await local.sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true }));
    expect(events[0]?.type).toBe('ExecutionAborted');
    expect(local.log).toContainEqual(expect.stringMatching(/^review\/rfq-withdrawn ABORTED Cancelled after \d+ ms$/));
  });
});

describe('SendTaskSuccess', () => {
  it('refuses output that is not JSON, and the wait stays open', async () => {
    const { executionArn = '' } = await startReview('rfq-bad-output');
    const { taskToken } = await reviews.next(ofRfq('rfq-bad-output'));
    await expect(local.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{oops' }))).rejects.toBeInstanceOf(
      InvalidOutput,
    );
    await local.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{"decision":"approve"}' }));
    expect((await local.settled(executionArn)).status).toBe('SUCCEEDED');
  });
});

describe('GetExecutionHistory', () => {
  it('reads like AWS’s history, so state transitions can be counted', async () => {
    const { executionArn = '' } = await startReview('rfq-history');
    await approve('rfq-history');
    await local.settled(executionArn);

    const { events = [] } = await local.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1));
    expect(events[1]?.stateEnteredEventDetails?.name).toBe('PriceQuote');
    expect(events[7]?.taskScheduledEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke.waitForTaskToken',
      region: 'us-east-1',
      timeoutInSeconds: 200,
    });
    expect(events.every((event) => event.timestamp instanceof Date)).toBe(true);
    expect(
      local.service.executions().find((execution) => execution.executionArn === executionArn)?.stateTransitions,
    ).toBe(3);

    const pages: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await local.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 4, nextToken }));
      pages.push(...(page.events ?? []).map((event) => event.type ?? ''));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(pages).toEqual(events.map((event) => event.type));

    const withoutData = await local.sfn.send(
      new GetExecutionHistoryCommand({ executionArn, includeExecutionData: false }),
    );
    expect(withoutData.events?.[0]?.executionStartedEventDetails?.input).toBeUndefined();
  });
});

describe('the service log', () => {
  it('says one short line per execution status change', async () => {
    const { executionArn = '' } = await startReview('rfq-logged');
    await approve('rfq-logged');
    await local.settled(executionArn);
    expect(local.log.filter((line) => line.includes('rfq-logged'))).toEqual([
      'review/rfq-logged RUNNING',
      expect.stringMatching(/^review\/rfq-logged SUCCEEDED after \d+ ms$/),
    ]);
  });
});
