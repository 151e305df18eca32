import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ApiError } from './api-error.ts';
import type { CallbackWaits } from './callback-waits.ts';
import { type DeployedStateMachine, Execution, type ExecutionStatus } from './execution.ts';
import { detailsKey } from './history.ts';
import type { Json } from './json.ts';
import type { TaskEnvironment } from './task-runner.ts';

/** The request shapes of the operations we serve, checked once at the edge as AWS does. */
const arn = z.string().min(1).max(2048);
const taskToken = z.string().min(1).max(1024);
const page = { maxResults: z.number().int().min(0).max(1000).optional(), nextToken: z.string().max(3096).optional() };
const requests = {
  StartExecution: z.object({
    stateMachineArn: arn,
    name: z.string().optional(),
    input: z.string().max(262_144).optional(),
    traceHeader: z.string().optional(),
  }),
  DescribeExecution: z.object({ executionArn: arn }),
  ListExecutions: z.object({
    stateMachineArn: arn,
    statusFilter: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']).optional(),
    ...page,
  }),
  GetExecutionHistory: z.object({
    executionArn: arn,
    reverseOrder: z.boolean().optional(),
    includeExecutionData: z.boolean().optional(),
    ...page,
  }),
  StopExecution: z.object({ executionArn: arn, error: z.string().max(256).optional(), cause: z.string().optional() }),
  SendTaskSuccess: z.object({ taskToken, output: z.string().max(262_144) }),
  SendTaskFailure: z.object({
    taskToken,
    error: z.string().max(256).optional(),
    cause: z.string().max(32_768).optional(),
  }),
  SendTaskHeartbeat: z.object({ taskToken }),
  DescribeStateMachine: z.object({ stateMachineArn: arn }),
  ListStateMachines: z.object({ ...page }),
};
export type Operation = keyof typeof requests;
type Request<Name extends Operation> = z.infer<(typeof requests)[Name]>;
export const isOperation = (name: string): name is Operation => Object.hasOwn(requests, name);

/** Names as AWS accepts them: 1–80 characters, no whitespace, brackets, wildcards or special characters. */
const validName = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]{1,80}$/u;

const parseJson = (text: string): Json | undefined => {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
};

const pageToken = (after: number): string => Buffer.from(JSON.stringify({ after })).toString('base64url');
const pageStart = (token: string | undefined): number | undefined => {
  if (token === undefined) return undefined;
  const parsed = parseJson(Buffer.from(token, 'base64url').toString());
  const after = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed.after : undefined;
  if (typeof after !== 'number') throw new ApiError('InvalidToken', 'Invalid pagination token');
  return after;
};

const executionSummary = (execution: Execution) => ({
  executionArn: execution.arn,
  stateMachineArn: execution.stateMachine.arn,
  name: execution.name,
  status: execution.status,
  startDate: execution.startDate,
  ...(execution.stopDate && { stopDate: execution.stopDate }),
});

/** What an execution was started through, as DescribeExecution and ListExecutions name it. */
type Association = { stateMachineAliasArn: string } | { stateMachineVersionArn: string } | Record<string, never>;

/** The one version a local state machine has: what its aliases point at. */
const localVersion = '1';

/** The Step Functions operations over the state machines and executions one service holds. */
export class Operations {
  readonly executions = new Map<string, Execution>();
  readonly #startedThrough = new Map<string, Association>();
  #sequence = 0;

  constructor(
    private readonly machines: Map<string, DeployedStateMachine>,
    private readonly waits: CallbackWaits,
    private readonly env: TaskEnvironment,
    private readonly log: (line: string) => void,
  ) {}

  /** Each operation, given its request as the schema above parsed it. */
  readonly #handlers: { [Name in Operation]: (request: Request<Name>) => unknown } = {
    StartExecution: (request) => this.startExecution(request),
    DescribeExecution: ({ executionArn }) => this.describeExecution(this.#execution(executionArn)),
    ListExecutions: (request) => this.listExecutions(request),
    GetExecutionHistory: (request) => this.getExecutionHistory(request),
    StopExecution: ({ executionArn, error, cause }) => {
      const execution = this.#execution(executionArn);
      execution.stop(error, cause);
      return { stopDate: execution.stopDate };
    },
    SendTaskSuccess: ({ taskToken, output }) => {
      const parsedOutput = parseJson(output);
      if (parsedOutput === undefined) throw new ApiError('InvalidOutput', 'Invalid JSON in output');
      this.waits.succeed(taskToken, parsedOutput);
      return {};
    },
    SendTaskFailure: ({ taskToken, error, cause }) => {
      this.waits.fail(taskToken, error ?? '', cause ?? '');
      return {};
    },
    SendTaskHeartbeat: ({ taskToken }) => {
      this.waits.heartbeat(taskToken);
      return {};
    },
    DescribeStateMachine: ({ stateMachineArn }) => this.describeStateMachine(stateMachineArn),
    ListStateMachines: () => ({
      stateMachines: [...this.machines.values()].map(({ arn: stateMachineArn, name, creationDate }) => ({
        stateMachineArn,
        name,
        type: 'STANDARD',
        creationDate,
      })),
    }),
  };

  run<Name extends Operation>(operation: Name, body: unknown): unknown {
    const parsed = requests[operation].safeParse(body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError(
        'ValidationException',
        `${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    return this.#handlers[operation](parsed.data as Request<Name>);
  }

  startExecution({ stateMachineArn, name = randomUUID(), input = '{}' }: Request<'StartExecution'>) {
    const { machine, association } = this.#qualified(stateMachineArn);
    if (!validName.test(name)) throw new ApiError('InvalidName', `Invalid Name: '${name}'`);
    if (parseJson(input) === undefined) throw new ApiError('InvalidExecutionInput', 'Invalid JSON in input');
    const executionArn = `${machine.arn.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = this.executions.get(executionArn);
    if (existing) {
      // As on AWS: the same name and input while the execution runs is the same start; anything else is a clash.
      if (existing.isRunning() && existing.input === input) {
        return { executionArn, startDate: existing.startDate };
      }
      throw new ApiError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    this.#sequence += 1;
    const execution = new Execution(machine, name, input, this.#sequence, this.env, this.log);
    this.executions.set(executionArn, execution);
    this.#startedThrough.set(executionArn, association);
    execution.start();
    return { executionArn, startDate: execution.startDate };
  }

  describeExecution(execution: Execution) {
    return {
      ...executionSummary(execution),
      ...this.#startedThrough.get(execution.arn),
      input: execution.input,
      inputDetails: { included: true },
      ...(execution.output !== undefined && { output: execution.output, outputDetails: { included: true } }),
      ...(execution.error !== undefined && { error: execution.error }),
      ...(execution.cause !== undefined && { cause: execution.cause }),
      redriveCount: 0,
    };
  }

  listExecutions({ stateMachineArn, statusFilter, maxResults, nextToken }: Request<'ListExecutions'>) {
    const { machine, association } = this.#qualified(stateMachineArn);
    const after = pageStart(nextToken);
    const limit = maxResults || 100;
    // A version's or an alias's ARN lists the executions started through it, as on AWS.
    const through = JSON.stringify(association);
    const matching = [...this.executions.values()]
      .filter((execution) => execution.stateMachine === machine)
      .filter((execution) => through === '{}' || JSON.stringify(this.#startedThrough.get(execution.arn)) === through)
      .filter((execution) => statusFilter === undefined || execution.status === (statusFilter as ExecutionStatus))
      .filter((execution) => after === undefined || execution.sequence < after)
      .sort((a, b) => b.sequence - a.sequence);
    const items = matching.slice(0, limit);
    const last = items.at(-1);
    return {
      executions: items.map(executionSummary),
      ...(matching.length > limit && last && { nextToken: pageToken(last.sequence) }),
    };
  }

  getExecutionHistory(request: Request<'GetExecutionHistory'>) {
    const execution = this.#execution(request.executionArn);
    const all = request.reverseOrder ? [...execution.history.events].reverse() : execution.history.events;
    const start = pageStart(request.nextToken) ?? 0;
    const limit = request.maxResults || 100;
    const items = all.slice(start, start + limit);
    const includeData = request.includeExecutionData ?? true;
    return {
      events: items.map(({ details, ...event }) => ({
        ...event,
        ...(details && { [detailsKey(event.type)]: includeData ? details : withoutData(details) }),
      })),
      ...(start + limit < all.length && { nextToken: pageToken(start + limit) }),
    };
  }

  describeStateMachine(stateMachineArn: string) {
    const machine = this.#machine(stateMachineArn);
    return {
      stateMachineArn: machine.arn,
      name: machine.name,
      status: 'ACTIVE',
      definition: machine.definition,
      roleArn: machine.roleArn,
      type: 'STANDARD',
      creationDate: machine.creationDate,
    };
  }

  /**
   * A state machine ARN as AWS reads it: `…:stateMachine:<name>` (the latest revision), `…:<name>:<version>` or
   * `…:<name>:<alias>`. Executions of any of them are named under the machine (`…:execution:<name>:<execution>`).
   */
  #qualified(stateMachineArn: string): { machine: DeployedStateMachine; association: Association } {
    const parts = stateMachineArn.split(':');
    if (parts.length !== 8) return { machine: this.#machine(stateMachineArn), association: {} };
    const qualifier = parts.pop() ?? '';
    const machine = this.#machine(parts.join(':'));
    if (qualifier === localVersion) return { machine, association: { stateMachineVersionArn: stateMachineArn } };
    if (machine.aliases.includes(qualifier)) return { machine, association: { stateMachineAliasArn: stateMachineArn } };
    throw new ApiError('ResourceNotFound', `Resource Not Found: '${stateMachineArn}'`);
  }

  #machine(stateMachineArn: string): DeployedStateMachine {
    if (!stateMachineArn.startsWith('arn:aws:states:') || !stateMachineArn.includes(':stateMachine:')) {
      throw new ApiError('InvalidArn', `Invalid Arn: '${stateMachineArn}'`);
    }
    const machine = this.machines.get(stateMachineArn);
    if (!machine) throw new ApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    return machine;
  }

  #execution(executionArn: string): Execution {
    if (!executionArn.startsWith('arn:aws:states:') || !executionArn.includes(':execution:')) {
      throw new ApiError('InvalidArn', `Invalid Arn: '${executionArn}'`);
    }
    const execution = this.executions.get(executionArn);
    if (!execution) throw new ApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return execution;
  }
}

const dataFields = new Set(['input', 'output', 'parameters']);
const withoutData = (details: Record<string, Json>): Record<string, Json> =>
  Object.fromEntries(Object.entries(details).filter(([field]) => !dataFields.has(field)));
