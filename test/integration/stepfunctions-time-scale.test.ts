import { GetExecutionHistoryCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbackInbox, type LocalSfn, machine, startLocalSfn } from './stepfunctions/local-service.ts';

/**
 * `npm start --time-scale 0.0001` shortens the waits for people — never the time a step's own code needs. Here a
 * pricing step taking 300 ms under a 2 s TimeoutSeconds, scaled by 0.0001 (0.2 ms if it were scaled), still succeeds,
 * while the 100 s review wait after it is shortened to 10 ms and times out, caught by the machine.
 */
const reviews = new CallbackInbox();
let local: LocalSfn;

beforeAll(async () => {
  local = await startLocalSfn(
    [machine('time-scale', { PriceFunctionArn: 'price', RequestReviewFunctionArn: 'request-review' })],
    {
      price: async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { total: 100_00 };
      },
      'request-review': reviews.lambda,
    },
    { timeScale: 0.0001 },
  );
});
afterAll(() => local.service.stop());

describe('the local Step Functions under a time scale', () => {
  it('gives a Task its whole TimeoutSeconds to run, and shortens only the wait for a person', async () => {
    const { executionArn } = await local.sfn.send(
      new StartExecutionCommand({ stateMachineArn: local.arn('time-scale'), name: 'scaled', input: '{}' }),
    );
    const done = await local.settled(executionArn!);
    expect(done.status, done.cause).toBe('SUCCEEDED');
    const output = JSON.parse(done.output!);
    expect(output.quote).toEqual({ total: 100_00 });
    expect(output.timedOut).toMatchObject({ Error: 'States.Timeout' });
    const types = ((await local.sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? []).map(
      (e) => e.type,
    );
    expect(types.filter((t) => t === 'TaskSucceeded')).toHaveLength(1);
    expect(types).toContain('TaskTimedOut');
  });
});
