import {
  GetExecutionHistoryCommand,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CallbackInbox,
  type CallbackRequest,
  eventually,
  type LocalSfn,
  machine,
  startLocalSfn,
} from './stepfunctions/local-service.ts';

const reviews = new CallbackInbox();
const buyerDecisions = new CallbackInbox();
const erpExports = new CallbackInbox();
let local: LocalSfn;

beforeAll(async () => {
  local = await startLocalSfn(
    [
      machine('review', { PriceQuoteFunctionArn: 'price-quote', RequestReviewFunctionArn: 'request-review' }),
      machine('buyer-decision', { RequestBuyerDecisionFunctionArn: 'request-buyer-decision' }),
      machine('heartbeat', { ExportToErpFunctionArn: 'export-to-erp' }),
    ],
    {
      'price-quote': async (event: { lines: number[] }) => ({
        total: event.lines.reduce((sum, line) => sum + line, 0),
      }),
      'request-review': reviews.lambda,
      'request-buyer-decision': buyerDecisions.lambda,
      'export-to-erp': erpExports.lambda,
    },
  );
});
afterAll(() => local.service.stop());

const start = async (name: string, rfqId: string, input: object = {}) => {
  const { executionArn } = await local.sfn.send(
    new StartExecutionCommand({
      stateMachineArn: local.arn(name),
      name: rfqId,
      input: JSON.stringify({ rfqId, ...input }),
    }),
  );
  return executionArn ?? '';
};
const ofRfq = (rfqId: string) => (request: CallbackRequest) => request.rfqId === rfqId;
const succeed = (taskToken: string, output: object) =>
  local.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));

describe('callback tasks (.waitForTaskToken)', () => {
  it('a rep approving the review resumes the workflow with the decision as the task result', async () => {
    const executionArn = await start('review', 'rfq-approve', { lines: [100_00, 250_00] });
    const request = await reviews.next(ofRfq('rfq-approve'));
    expect(request).toMatchObject({
      total: 350_00,
      executionId: executionArn,
      executionName: 'rfq-approve',
      stateMachine: 'review',
    });

    await succeed(request.taskToken, { decision: 'approve', by: 'rep@example.com' });

    const done = await local.settled(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '')).toEqual({
      rfqId: 'rfq-approve',
      lines: [100_00, 250_00],
      quote: { total: 350_00 },
      review: { decision: 'approve', by: 'rep@example.com' },
    });
  });

  it('a rep rejecting (SendTaskFailure) is caught by its error name, with the cause', async () => {
    const executionArn = await start('review', 'rfq-reject', { lines: [1] });
    const request = await reviews.next(ofRfq('rfq-reject'));

    await local.sfn.send(
      new SendTaskFailureCommand({ taskToken: request.taskToken, error: 'ReviewRejected', cause: 'price too low' }),
    );

    const done = await local.settled(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '')).toEqual({
      outcome: 'REJECTED',
      failure: { Error: 'ReviewRejected', Cause: 'price too low' },
    });
  });

  it('a token nobody minted is TaskDoesNotExist, a malformed one InvalidToken, an answered one TaskTimedOut', async () => {
    await expect(succeed('A'.repeat(43), {})).rejects.toBeInstanceOf(TaskDoesNotExist);
    await expect(succeed('not a token', {})).rejects.toBeInstanceOf(InvalidToken);

    const executionArn = await start('review', 'rfq-answered-twice', { lines: [1] });
    const { taskToken } = await reviews.next(ofRfq('rfq-answered-twice'));
    await succeed(taskToken, { decision: 'approve' });
    await local.settled(executionArn);

    await expect(succeed(taskToken, { decision: 'approve' })).rejects.toBeInstanceOf(TaskTimedOut);
    await expect(
      local.sfn.send(new SendTaskFailureCommand({ taskToken, error: 'ReviewRejected' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
    await expect(local.sfn.send(new SendTaskHeartbeatCommand({ taskToken }))).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('an unanswered review times out as States.Timeout, which the Catch sends to Expired; the token is dead', async () => {
    // TimeoutSeconds 200 × timeScale 0.01 = 2 s.
    const executionArn = await start('review', 'rfq-unanswered', { lines: [1] });
    const { taskToken } = await reviews.next(ofRfq('rfq-unanswered'));

    const done = await local.settled(executionArn);
    expect(done).toMatchObject({
      status: 'FAILED',
      error: 'ReviewExpired',
      cause: 'nobody reviewed the quote in time',
    });
    expect((done.stopDate?.getTime() ?? 0) - (done.startDate?.getTime() ?? 0)).toBeGreaterThanOrEqual(2000);
    await expect(succeed(taskToken, {})).rejects.toBeInstanceOf(TaskTimedOut);

    const { events = [] } = await local.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events.map((event) => event.type)).toContain('TaskTimedOut');
  });

  it('every attempt of a callback task gets a fresh token; the previous attempt’s token is dead', async () => {
    const executionArn = await start('review', 'rfq-retried-link', { lines: [1] });
    const first = await reviews.next(ofRfq('rfq-retried-link'));

    await local.sfn.send(
      new SendTaskFailureCommand({ taskToken: first.taskToken, error: 'LinkUndeliverable', cause: 'mailbox full' }),
    );
    const second = await reviews.next(ofRfq('rfq-retried-link'), 1);

    expect(second.taskToken).not.toBe(first.taskToken);
    expect(second.taskToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(succeed(first.taskToken, {})).rejects.toBeInstanceOf(TaskTimedOut);
    await succeed(second.taskToken, { decision: 'approve' });
    expect((await local.settled(executionArn)).status).toBe('SUCCEEDED');
  });

  it('tokens are unique across concurrent executions, and each answer resumes only its own execution', async () => {
    const rfqIds = Array.from({ length: 20 }, (_, index) => `rfq-concurrent-${index}`);
    const executionArns = await Promise.all(rfqIds.map((rfqId) => start('review', rfqId, { lines: [1] })));
    const requests = await Promise.all(rfqIds.map((rfqId) => reviews.next(ofRfq(rfqId))));
    expect(new Set(requests.map((request) => request.taskToken)).size).toBe(20);

    for (const request of requests.toReversed()) await succeed(request.taskToken, { reviewedRfq: request.rfqId });

    const outputs = await Promise.all(executionArns.map((arn) => local.settled(arn)));
    expect(outputs.map((done) => JSON.parse(done.output ?? '').review.reviewedRfq)).toEqual(rfqIds);
  });
});

describe('TimeoutSecondsPath', () => {
  it('reads the timeout from the state input, though the task’s Parameters do not carry it', async () => {
    // 1 s of validity × 0.01 = 10 ms; 3600 s × 0.01 = 36 s, far beyond this test.
    const shortLived = await start('buyer-decision', 'rfq-valid-1s', { quote: { validForSeconds: 1 } });
    const longLived = await start('buyer-decision', 'rfq-valid-1h', { quote: { validForSeconds: 3600 } });

    const expired = await local.settled(shortLived);
    expect(JSON.parse(expired.output ?? '')).toEqual({
      outcome: 'EXPIRED',
      failure: { Error: 'States.Timeout', Cause: 'States.Timeout' },
    });

    const request = await buyerDecisions.next(ofRfq('rfq-valid-1h'));
    expect(Object.keys(request).sort()).toEqual(['rfqId', 'taskToken']);
    await succeed(request.taskToken, { decision: 'accept', poNumber: 'PO-1' });
    expect(JSON.parse((await local.settled(longLived)).output ?? '')).toEqual({
      outcome: 'ACCEPTED',
      decision: { decision: 'accept', poNumber: 'PO-1' },
    });
  });

  it('a 30-day quote validity is not cut short by Node’s 24.8-day timer limit', async () => {
    const inbox = new CallbackInbox();
    const realTime = await startLocalSfn(
      [machine('buyer-decision', { RequestBuyerDecisionFunctionArn: 'request-buyer-decision' })],
      { 'request-buyer-decision': inbox.lambda },
      { timeScale: 1 },
    );
    try {
      const { executionArn = '' } = await realTime.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: realTime.arn('buyer-decision'),
          name: 'rfq-valid-30-days',
          input: JSON.stringify({ rfqId: 'rfq-valid-30-days', quote: { validForSeconds: 30 * 24 * 3600 } }),
        }),
      );
      const { taskToken } = await inbox.next();
      // An overflowing timer fires after 1 ms: a few timer turns later the wait must still be open.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(realTime.service.executions()[0]?.status).toBe('RUNNING');

      await realTime.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{"decision":"accept"}' }));
      expect(JSON.parse((await realTime.settled(executionArn)).output ?? '').outcome).toBe('ACCEPTED');
    } finally {
      await realTime.service.stop();
    }
  });

  it('a TimeoutSecondsPath that is not a positive integer fails the execution with States.Runtime', async () => {
    const executionArn = await start('buyer-decision', 'rfq-bad-validity', { quote: { validForSeconds: 'soon' } });
    expect(await local.settled(executionArn)).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });
});

describe('HeartbeatSeconds', () => {
  const heartbeatUntil = async (taskToken: string, done: () => boolean) => {
    while (!done()) {
      await local.sfn.send(new SendTaskHeartbeatCommand({ taskToken }));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const statusOf = (executionArn: string) =>
    local.service.executions().find((execution) => execution.executionArn === executionArn)?.status;

  it('heartbeats keep a long callback alive; when they stop, the task fails as States.HeartbeatTimeout', async () => {
    // HeartbeatSeconds 50 × 0.01 = 500 ms; a heartbeat every 100 ms for 900 ms keeps it alive.
    const executionArn = await start('heartbeat', 'order-export-stalls', { orderId: 'order-1' });
    const { taskToken } = await erpExports.next((request) => request.orderId === 'order-1');
    const started = Date.now();
    await heartbeatUntil(taskToken, () => Date.now() - started > 900);
    expect(statusOf(executionArn)).toBe('RUNNING');

    const done = await local.settled(executionArn);
    expect(done).toMatchObject({ status: 'FAILED', error: 'ExportStalled' });
    await expect(local.sfn.send(new SendTaskHeartbeatCommand({ taskToken }))).rejects.toBeInstanceOf(TaskTimedOut);
    const { events = [] } = await local.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events.find((event) => event.type === 'TaskTimedOut')?.taskTimedOutEventDetails?.error).toBe(
      'States.HeartbeatTimeout',
    );
  });

  it('heartbeats do not extend TimeoutSeconds: past it the task fails as States.Timeout', async () => {
    // TimeoutSeconds 300 × 0.01 = 3 s.
    const executionArn = await start('heartbeat', 'order-export-too-long', { orderId: 'order-2' });
    const { taskToken } = await erpExports.next((request) => request.orderId === 'order-2');
    await heartbeatUntil(taskToken, () => statusOf(executionArn) !== 'RUNNING').catch(() => undefined);

    expect(await local.settled(executionArn)).toMatchObject({ status: 'FAILED', error: 'ExportTookTooLong' });
  });
});

describe('task tokens stay out of sight', () => {
  it('neither the log lines nor the execution history contain a task token', async () => {
    const executionArn = await start('review', 'rfq-secret-token', { lines: [1] });
    const { taskToken } = await reviews.next(ofRfq('rfq-secret-token'));
    await succeed(taskToken, { decision: 'approve' });
    await local.settled(executionArn);

    const { events = [] } = await local.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(JSON.stringify(events)).not.toContain(taskToken);
    expect(JSON.stringify(events)).toContain('<task token>');
    expect(local.log.join('\n')).not.toContain(taskToken);
    await eventually(() => (local.log.some((line) => line.includes('rfq-secret-token SUCCEEDED')) ? true : undefined));
  });
});
