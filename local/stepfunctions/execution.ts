import type { StateMachine } from 'aws-local-stepfunctions';
import type { EngineDefinition } from './engine-definition.ts';
import { History } from './history.ts';
import type { Json } from './json.ts';
import { setLongTimeout } from './long-timer.ts';
import { ExecutionClosed } from './task-failure.ts';
import { type RunningExecution, runTask, type TaskEnvironment } from './task-runner.ts';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** A state machine as the service holds it: what DescribeStateMachine answers, and the engine that runs it. */
export interface DeployedStateMachine {
  name: string;
  arn: string;
  roleArn: string;
  /** The definition after substitution, as AWS shows it. */
  definition: string;
  creationDate: Date;
  /** Its aliases (`live`), each pointing at its one version, 1, as a deploy publishes and points them on AWS. */
  aliases: readonly string[];
  engine: EngineDefinition;
  machine: StateMachine;
}

/** The events of aws-local-stepfunctions we read (its own type is not exported). */
interface LibraryEvent {
  type: string;
  state?: { name: string; type: string; input: unknown; output?: unknown };
  parentState?: { name: string };
  index?: number;
}

const closingEvent: Record<Exclude<ExecutionStatus, 'RUNNING'>, string> = {
  SUCCEEDED: 'ExecutionSucceeded',
  FAILED: 'ExecutionFailed',
  TIMED_OUT: 'ExecutionTimedOut',
  ABORTED: 'ExecutionAborted',
};

/** One execution: runs the definition with the library, keeps its status and its AWS-shaped history. */
export class Execution implements RunningExecution {
  readonly arn: string;
  readonly startDate = new Date();
  readonly history = new History();
  status: ExecutionStatus = 'RUNNING';
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  readonly #ended = new AbortController();
  /** Map and Parallel states that ended since they were last entered: their late iterations must not run. */
  readonly #left = new Set<string>();
  #abortRun: (() => void) | undefined;

  constructor(
    readonly stateMachine: DeployedStateMachine,
    readonly name: string,
    readonly input: string,
    /** Start order within the service, newest highest: ListExecutions pages by it. */
    readonly sequence: number,
    private readonly env: TaskEnvironment,
    private readonly log: (line: string) => void,
  ) {
    this.arn = `${stateMachine.arn.replace(':stateMachine:', ':execution:')}:${name}`;
  }

  isRunning(): boolean {
    return this.status === 'RUNNING';
  }

  hasLeft(state: string): boolean {
    return this.#left.has(state);
  }

  record(type: string, details?: Record<string, Json>): void {
    this.history.record(type, details);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.#ended.signal.aborted) return resolve();
      const cancel = setLongTimeout(done, ms);
      function done() {
        cancel();
        resolve();
      }
      this.#ended.signal.addEventListener('abort', done, { once: true });
    });
  }

  start(): void {
    const { engine, machine } = this.stateMachine;
    this.history.record('ExecutionStarted', {
      input: this.input,
      inputDetails: { truncated: false },
      roleArn: this.stateMachine.roleArn,
    });
    this.log(`${this.#label()} RUNNING`);
    const handlers = Object.fromEntries(
      [...engine.tasks.values()].map((spec) => [
        spec.name,
        (input: unknown) => runTask(spec, input as Json, this.env, this),
      ]),
    );
    // The library reads the context object once per execution: everything in it must be known now.
    const context = {
      Execution: { Id: this.arn, Name: this.name, RoleArn: this.stateMachine.roleArn, RedriveCount: 0 },
      StateMachine: { Id: this.stateMachine.arn, Name: this.stateMachine.name },
      Task: { Token: this.env.tokenPlaceholder },
    };
    const run = machine.run(JSON.parse(this.input), { overrides: { taskResourceLocalHandlers: handlers }, context });
    this.#abortRun = run.abort;
    const { timeoutSeconds } = this.stateMachine.engine;
    if (timeoutSeconds !== undefined) {
      const cancel = setLongTimeout(
        () => {
          this.#finish('TIMED_OUT', { error: 'States.Timeout', cause: 'The execution timed out (TimeoutSeconds)' });
          run.abort();
        },
        timeoutSeconds * 1000 * this.env.timeScale,
      );
      this.#ended.signal.addEventListener('abort', cancel, { once: true });
    }
    const historyDone = this.#follow(run.eventLogs as AsyncGenerator<LibraryEvent>);
    run.result.then(
      async (output) => {
        await historyDone;
        this.#finish('SUCCEEDED', { output: JSON.stringify(output) });
      },
      async (failure: unknown) => {
        await historyDone;
        const error = failure as Error;
        const reason = error.cause instanceof Error ? error.cause : error;
        this.#finish('FAILED', {
          ...(reason.name !== '' && { error: reason.name }),
          ...(reason.message !== '' && { cause: reason.message }),
        });
      },
    );
  }

  stop(error?: string, cause?: string): void {
    if (!this.isRunning()) return;
    this.#finish('ABORTED', { ...(error !== undefined && { error }), ...(cause !== undefined && { cause }) });
    this.#abortRun?.();
  }

  #label(): string {
    return `${this.stateMachine.name}/${this.name}`;
  }

  #finish(status: Exclude<ExecutionStatus, 'RUNNING'>, result: { output?: string; error?: string; cause?: string }) {
    if (!this.isRunning()) return;
    this.status = status;
    this.stopDate = new Date();
    Object.assign(this, result);
    const details: Record<string, Json> = {};
    if (result.output !== undefined)
      Object.assign(details, { output: result.output, outputDetails: { truncated: false } });
    if (result.error !== undefined) details.error = result.error;
    if (result.cause !== undefined) details.cause = result.cause;
    this.history.close(closingEvent[status], details);
    this.#ended.abort();
    this.env.waits.closeExecution(this.arn, new ExecutionClosed());
    const took = this.stopDate.getTime() - this.startDate.getTime();
    this.log(`${this.#label()} ${status}${result.error ? ` ${result.error}` : ''} after ${took} ms`);
  }

  /** Turns the library's state events into AWS's history events (the execution-level ones are ours). */
  async #follow(events: AsyncGenerator<LibraryEvent>): Promise<void> {
    for await (const event of events) {
      const state = event.state;
      const type = state ? (this.stateMachine.engine.stateTypes.get(state.name) ?? state.type) : '';
      switch (event.type) {
        case 'StateEntered':
          if (!state) break;
          this.record(`${type}StateEntered`, { name: state.name, input: JSON.stringify(state.input ?? null) });
          if (type === 'Map' || type === 'Parallel') {
            this.#left.delete(state.name);
            this.record(`${type}StateStarted`);
          }
          break;
        case 'StateExited':
          if (!state) break;
          if (type === 'Map' || type === 'Parallel') {
            this.#left.add(state.name);
            this.record(`${type}StateSucceeded`);
          }
          this.record(`${type}StateExited`, { name: state.name, output: JSON.stringify(state.output ?? null) });
          break;
        case 'StateFailed':
          if (!state) break;
          if (type === 'Map' || type === 'Parallel') {
            this.#left.add(state.name);
            this.record(`${type}StateFailed`);
          }
          break;
        case 'MapIterationStarted':
        case 'MapIterationSucceeded':
        case 'MapIterationFailed':
          this.record(event.type, { name: event.parentState?.name ?? '', index: event.index ?? 0 });
          break;
      }
    }
  }
}
