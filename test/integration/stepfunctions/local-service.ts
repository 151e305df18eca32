import { readFileSync } from 'node:fs';
import { DescribeExecutionCommand, type DescribeExecutionCommandOutput, SFNClient } from '@aws-sdk/client-sfn';
import {
  type LocalLambda,
  type StateMachineSource,
  type StepFunctionsLocal,
  type StepFunctionsLocalOptions,
  startStepFunctionsLocal,
} from '../../../local/stepfunctions/index.ts';

/** An ASL file from test/fixtures/asl. */
export const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/asl/${name}.asl.json`, import.meta.url), 'utf8');

export const functionArn = (name: string): string => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

/** A state machine from a fixture, its `${XFunctionArn}` keys pointing at functions of the same name. */
export const machine = (name: string, functions: Record<string, string> = {}): StateMachineSource => ({
  name,
  definition: fixture(name),
  substitutions: Object.fromEntries(Object.entries(functions).map(([key, fn]) => [key, functionArn(fn)])),
});

/** Polls (no fixed sleeps) until `check` returns a value. */
export const eventually = async <T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

export interface CallbackRequest {
  taskToken: string;
  [field: string]: unknown;
}

/**
 * The inbox of a "send the review/approval link" Lambda: each callback request it received, with its task token, in
 * order — what a rep or an approver would find in their mail.
 */
export class CallbackInbox {
  readonly requests: CallbackRequest[] = [];
  readonly lambda: LocalLambda = async (event: CallbackRequest) => {
    this.requests.push(event);
    return { sent: true };
  };

  /** The next request (after `count` already seen) matching `match`. */
  next(match: (request: CallbackRequest) => boolean = () => true, count = 0): Promise<CallbackRequest> {
    return eventually(() => this.requests.filter(match)[count]);
  }
}

export interface LocalSfn {
  service: StepFunctionsLocal;
  sfn: SFNClient;
  log: string[];
  arn(name: string): string;
  /** Waits for the execution to leave RUNNING and describes it. */
  settled(executionArn: string): Promise<DescribeExecutionCommandOutput>;
}

/** Starts the service with `lambdas` by function name, durations × 0.01 unless `options` say otherwise. */
export const startLocalSfn = async (
  stateMachines: StateMachineSource[],
  lambdas: Record<string, LocalLambda>,
  options: Pick<StepFunctionsLocalOptions, 'timeScale' | 'putEvents'> = {},
): Promise<LocalSfn> => {
  const log: string[] = [];
  const service = await startStepFunctionsLocal({
    stateMachines,
    lambdas: Object.fromEntries(Object.entries(lambdas).map(([name, handler]) => [functionArn(name), handler])),
    timeScale: 0.01,
    ...options,
    logger: (line) => log.push(line),
  });
  const sfn = new SFNClient({
    endpoint: service.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return {
    service,
    sfn,
    log,
    arn: (name) => service.stateMachineArn(name),
    settled: (executionArn) =>
      eventually(async () => {
        const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
        return execution.status === 'RUNNING' ? undefined : execution;
      }),
  };
};
