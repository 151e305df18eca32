import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbackInbox, type LocalSfn, machine, startLocalSfn } from './stepfunctions/local-service.ts';

/** The AWS CLI is a machine tool, not a project dependency: these run where `aws` is installed (Debian's awscli). */
const awsCliAvailable = (() => {
  try {
    execFileSync('aws', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const reviews = new CallbackInbox();
let local: LocalSfn;

beforeAll(async () => {
  local = await startLocalSfn(
    [machine('review', { PriceQuoteFunctionArn: 'price-quote', RequestReviewFunctionArn: 'request-review' })],
    { 'price-quote': async () => ({ total: 350_00 }), 'request-review': reviews.lambda },
    // Real durations: each CLI call takes about a second, longer than the review's scaled timeout would be.
    { timeScale: 1 },
  );
});
afterAll(() => local.service.stop());

/** Runs `aws stepfunctions <args>` against the local service (asynchronously: the service answers in this process). */
const aws = async (...args: string[]) => {
  const { stdout } = await promisify(execFile)(
    'aws',
    ['stepfunctions', ...args, '--endpoint-url', local.service.endpoint],
    {
      env: { ...process.env, AWS_PAGER: '', AWS_DEFAULT_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' },
    },
  );
  return stdout.trim() === '' ? {} : JSON.parse(stdout);
};

/**
 * `AWS_CLI_RUNS=100 npx vitest run --project integration test/integration/stepfunctions-aws-cli.test.ts` repeats the
 * round trip that many times in a row, each with a fresh task token (a token once broke it one run in 64).
 */
const runs = Number(process.env.AWS_CLI_RUNS ?? 1);

describe('the AWS CLI against the local Step Functions', () => {
  it.runIf(awsCliAvailable).each(Array.from({ length: runs }, (_, i) => i + 1))(
    'starts, describes and resumes an execution; a late answer is TaskTimedOut (run %i)',
    async (run) => {
      const stateMachineArn = local.arn('review');
      const started = await aws(
        'start-execution',
        '--state-machine-arn',
        stateMachineArn,
        '--name',
        `rfq-cli-${run}`,
        '--input',
        `{"rfqId":"rfq-cli-${run}"}`,
      );
      expect(started.executionArn).toBe(`arn:aws:states:us-east-1:000000000000:execution:review:rfq-cli-${run}`);

      const running = await aws('describe-execution', '--execution-arn', started.executionArn);
      expect(running).toMatchObject({ name: `rfq-cli-${run}`, status: 'RUNNING', input: `{"rfqId":"rfq-cli-${run}"}` });

      const { taskToken } = await reviews.next((request) => request.rfqId === `rfq-cli-${run}`);
      await aws('send-task-success', `--task-token=${taskToken}`, '--task-output', '{"decision":"approve"}');
      await local.settled(started.executionArn);
      const done = await aws('describe-execution', '--execution-arn', started.executionArn);
      expect(done.status).toBe('SUCCEEDED');
      expect(JSON.parse(done.output).review).toEqual({ decision: 'approve' });

      await expect(aws('send-task-success', `--task-token=${taskToken}`, '--task-output', '{}')).rejects.toThrow(
        /TaskTimedOut/,
      );
    },
    60_000,
  );
});
