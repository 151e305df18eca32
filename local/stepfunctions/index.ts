import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { listenOn } from '../free-port.ts';
import { createApiServer } from './api-server.ts';
import { CallbackWaits } from './callback-waits.ts';
import { loadDefinition, substitute } from './definition.ts';
import { heartbeatTimeout, prepareForEngine } from './engine-definition.ts';
import type { DeployedStateMachine, ExecutionStatus } from './execution.ts';
import type { HistoryEvent } from './history.ts';
import type { Json } from './json.ts';
import { Lambdas, type LocalLambda } from './lambdas.ts';
import { Operations } from './operations.ts';
import { loadStatesTimeout } from './states-timeout.ts';

export type { LambdaContextLike, LocalLambda } from './lambdas.ts';

export interface StateMachineSource {
  name: string;
  /** The ASL JSON text, with `${...}` placeholders. */
  definition: string;
  substitutions: Record<string, string>;
  roleArn?: string;
  /**
   * Aliases that start executions, as on AWS (`…:stateMachine:<name>:live`); each points at the machine's one local
   * version, `…:stateMachine:<name>:1`, which also starts executions.
   */
  aliases?: readonly string[];
}

export interface StepFunctionsLocalOptions {
  /** A free port when omitted. */
  port?: number;
  stateMachines: StateMachineSource[];
  /** In-process handlers by function ARN (what `${...FunctionArn}` substitutes to). */
  lambdas: Record<string, LocalLambda>;
  /** Multiplies every TimeoutSeconds, TimeoutSecondsPath, HeartbeatSeconds, Wait and Retry interval (e.g. 0.01). */
  timeScale?: number;
  region?: string;
  accountId?: string;
  logger?: (line: string) => void;
  /** Where `arn:aws:states:::events:putEvents` tasks deliver their entries (e.g. the local EventBridge's `putEvents`). */
  putEvents?: (entries: Json) => Promise<unknown>;
}

/** What tests and benchmarks read of an execution. */
export interface ExecutionSnapshot {
  executionArn: string;
  stateMachineName: string;
  name: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  /** States entered so far — AWS's state transitions, near enough. */
  stateTransitions: number;
  history: readonly HistoryEvent[];
}

export interface StepFunctionsLocal {
  endpoint: string;
  port: number;
  stateMachineArn(name: string): string;
  executions(): ExecutionSnapshot[];
  /** Stops every running execution (their task tokens die) and the HTTP server. */
  stop(): Promise<void>;
}

/** Stands in for `$$.Task.Token` in the context object; never a valid token, and what histories show instead. */
const tokenPlaceholder = '<task token>';

/**
 * Starts the local Step Functions service: the Step Functions API (AWS JSON 1.0) over HTTP, running each state
 * machine's ASL with aws-local-stepfunctions, Lambda tasks calling in-process handlers. Refuses at start a definition
 * that would run differently here than on AWS (JSONata, Assign, unknown resources or functions, missing substitutions).
 */
export const startStepFunctionsLocal = async (options: StepFunctionsLocalOptions): Promise<StepFunctionsLocal> => {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0)) throw new Error('timeScale must be a positive number');
  const log = options.logger ?? (() => undefined);
  const lambdas = new Lambdas(options.lambdas);
  const timeoutError = await loadStatesTimeout();
  const waits = new CallbackWaits(() => Object.assign(timeoutError(), { name: heartbeatTimeout }));

  const machines = new Map<string, DeployedStateMachine>();
  for (const source of options.stateMachines) {
    const definition = loadDefinition(source.name, source.definition, source.substitutions);
    const engine = prepareForEngine(definition, timeScale);
    for (const task of engine.tasks.values()) {
      if (task.functionName !== undefined && !lambdas.find(task.functionName)) {
        throw new Error(`state machine "${source.name}", state "${task.name}": no handler for ${task.functionName}`);
      }
      if (task.integration === 'events:putEvents' && !options.putEvents) {
        throw new Error(
          `state machine "${source.name}", state "${task.name}": events:putEvents needs the putEvents option`,
        );
      }
    }
    const arn = `arn:aws:states:${region}:${accountId}:stateMachine:${source.name}`;
    machines.set(arn, {
      name: source.name,
      arn,
      roleArn: source.roleArn ?? `arn:aws:iam::${accountId}:role/${source.name}-role`,
      definition: substitute(source.definition, source.substitutions),
      creationDate: new Date(),
      aliases: source.aliases ?? [],
      engine,
      machine: new StateMachine(engine.definition as unknown as StateMachineDefinition, {
        validationOptions: { noValidate: true },
      }),
    });
  }

  const operations = new Operations(
    machines,
    waits,
    {
      lambdas,
      waits,
      timeScale,
      region,
      timeoutError,
      tokenPlaceholder,
      ...(options.putEvents && { putEvents: options.putEvents }),
    },
    log,
  );

  const server = createApiServer(operations, log);
  const port = await listenOn(server, options.port, 'the local Step Functions');

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stateMachineArn: (name) => `arn:aws:states:${region}:${accountId}:stateMachine:${name}`,
    executions: () =>
      [...operations.executions.values()].map((execution) => ({
        executionArn: execution.arn,
        stateMachineName: execution.stateMachine.name,
        name: execution.name,
        status: execution.status,
        startDate: execution.startDate,
        ...(execution.stopDate && { stopDate: execution.stopDate }),
        input: execution.input,
        ...(execution.output !== undefined && { output: execution.output }),
        ...(execution.error !== undefined && { error: execution.error }),
        ...(execution.cause !== undefined && { cause: execution.cause }),
        stateTransitions: execution.history.stateTransitions(),
        history: execution.history.events,
      })),
    stop: async () => {
      for (const execution of operations.executions.values())
        execution.stop('LocalServiceStopped', 'the local service stopped');
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
