import { type MachineDefinition, nestedMachines, type StateDefinition } from './definition.ts';
import { isJsonObject, type Json, type JsonObject } from './json.ts';

/**
 * The copy of a definition that aws-local-stepfunctions runs. The library differs from AWS in ways we correct here,
 * so the one ASL file behaves the same in both places:
 * - it resolves `TimeoutSecondsPath` against the input after `Parameters` (AWS: the state input), and cuts every
 *   Task without `TimeoutSeconds` at 60 s (AWS: no limit) — so we carry the paths in a reserved Parameters field,
 *   give the library a timeout it never reaches, and time tasks ourselves;
 * - it ignores `HeartbeatSeconds` — we enforce it for callback tasks, as `States.HeartbeatTimeout`;
 * - durations (Task timeouts, Wait, Retry intervals, the machine's TimeoutSeconds) are multiplied by `timeScale`, and
 *   a Wait whose duration comes from a path can only be scaled if we run it ourselves: it becomes a Task we handle;
 * - its timers overflow past 24.8 days (a 30-day quote would expire at once): we keep the machine's TimeoutSeconds
 *   and every wait on our own long timers.
 */
export const directivesKey = 'sfnLocal:directives';
export const carriedInputKey = 'sfnLocal:input';
export const localWaitResource = 'arn:aws:states:::sfn-local:wait';
export const heartbeatTimeout = 'States.HeartbeatTimeout';

/** Just under the largest setTimeout Node accepts (2^31 - 1 ms): longer would fire at once. */
const libraryTaskTimeoutSeconds = 2_147_483;

export type Integration = 'lambda:invoke' | 'lambda:function' | 'events:putEvents' | 'wait';

export interface TaskSpec {
  name: string;
  integration: Integration;
  resource: string;
  /** `.waitForTaskToken`: the task ends when someone answers its token. */
  callback: boolean;
  /** A function ARN or name known before the run (`Parameters.FunctionName`, or the Resource of a plain Lambda ARN). */
  functionName?: string;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  waitSeconds?: number;
  waitTimestamp?: string;
  /** The innermost Map or Parallel whose iterations (branches) run this state, if any. */
  within?: string;
}

export interface EngineDefinition {
  definition: MachineDefinition;
  /** Every Task (and Wait) by state name — names are unique across the whole machine, nested ones included. */
  tasks: Map<string, TaskSpec>;
  /** The state types of the ASL as written, for the execution history. */
  stateTypes: Map<string, string>;
  /** The machine's own TimeoutSeconds, unscaled: the service enforces it (the library's timer overflows past 24.8 days). */
  timeoutSeconds?: number;
}

const resources: { pattern: RegExp; integration: Integration }[] = [
  { pattern: /^arn:aws[\w-]*:states:::lambda:invoke(\.waitForTaskToken)?$/, integration: 'lambda:invoke' },
  { pattern: /^arn:aws[\w-]*:lambda:[\w-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/, integration: 'lambda:function' },
  { pattern: /^arn:aws[\w-]*:states:::events:putEvents(\.waitForTaskToken)?$/, integration: 'events:putEvents' },
];

const without = (state: StateDefinition, fields: string[]): StateDefinition =>
  Object.fromEntries(Object.entries(state).filter(([field]) => !fields.includes(field))) as StateDefinition;

const numberField = (state: StateDefinition, field: string): number | undefined =>
  typeof state[field] === 'number' ? state[field] : undefined;

const scaleRetriers = (retry: Json | undefined, timeScale: number): Json | undefined =>
  Array.isArray(retry)
    ? retry.map((retrier) => {
        if (!isJsonObject(retrier)) return retrier;
        const interval = typeof retrier.IntervalSeconds === 'number' ? retrier.IntervalSeconds : 1;
        const scaled: JsonObject = { ...retrier, IntervalSeconds: interval * timeScale };
        if (typeof retrier.MaxDelaySeconds === 'number') scaled.MaxDelaySeconds = retrier.MaxDelaySeconds * timeScale;
        return scaled;
      })
    : retry;

/**
 * On AWS a missed heartbeat is caught both as `States.HeartbeatTimeout` and as `States.Timeout`; the library matches
 * one name per error, so every matcher naming `States.Timeout` also names the heartbeat's.
 */
const withHeartbeatTimeout = (matchers: Json | undefined): Json | undefined =>
  Array.isArray(matchers)
    ? matchers.map((matcher) =>
        isJsonObject(matcher) &&
        Array.isArray(matcher.ErrorEquals) &&
        matcher.ErrorEquals.includes('States.Timeout') &&
        !matcher.ErrorEquals.includes(heartbeatTimeout)
          ? { ...matcher, ErrorEquals: [...matcher.ErrorEquals, heartbeatTimeout] }
          : matcher,
      )
    : matchers;

const taskSpec = (name: string, state: StateDefinition): TaskSpec => {
  const resource = typeof state.Resource === 'string' ? state.Resource : '';
  const match = resources.find(({ pattern }) => pattern.test(resource));
  if (!match) {
    throw new Error(
      `state "${name}": resource "${resource}" is not supported locally (lambda:invoke, a Lambda ARN, events:putEvents)`,
    );
  }
  const parameters = isJsonObject(state.Parameters) ? state.Parameters : {};
  const functionName =
    match.integration === 'lambda:function'
      ? resource
      : typeof parameters.FunctionName === 'string'
        ? parameters.FunctionName
        : undefined;
  const spec: TaskSpec = {
    name,
    integration: match.integration,
    resource,
    callback: resource.endsWith('.waitForTaskToken'),
  };
  if (functionName !== undefined) spec.functionName = functionName;
  const timeoutSeconds = numberField(state, 'TimeoutSeconds');
  if (timeoutSeconds !== undefined) spec.timeoutSeconds = timeoutSeconds;
  const heartbeatSeconds = numberField(state, 'HeartbeatSeconds');
  if (heartbeatSeconds !== undefined) spec.heartbeatSeconds = heartbeatSeconds;
  return spec;
};

const rewriteTask = (state: StateDefinition, timeScale: number): StateDefinition => {
  const directives: JsonObject = {};
  if (typeof state.TimeoutSecondsPath === 'string') directives['timeoutSeconds.$'] = state.TimeoutSecondsPath;
  if (typeof state.HeartbeatSecondsPath === 'string') directives['heartbeatSeconds.$'] = state.HeartbeatSecondsPath;
  const rewritten = without(state, [
    'TimeoutSeconds',
    'TimeoutSecondsPath',
    'HeartbeatSeconds',
    'HeartbeatSecondsPath',
  ]);
  rewritten.TimeoutSeconds = libraryTaskTimeoutSeconds;
  if (Object.keys(directives).length > 0) {
    rewritten.Parameters = {
      [directivesKey]: directives,
      ...(isJsonObject(state.Parameters) ? state.Parameters : { [`${carriedInputKey}.$`]: '$' }),
    };
  }
  const retry = withHeartbeatTimeout(scaleRetriers(state.Retry, timeScale));
  if (retry !== undefined) rewritten.Retry = retry;
  const catchers = withHeartbeatTimeout(state.Catch);
  if (catchers !== undefined) rewritten.Catch = catchers;
  return rewritten;
};

const rewriteWait = (state: StateDefinition): StateDefinition => {
  const directives: JsonObject = {};
  if (typeof state.Seconds === 'number') directives.seconds = state.Seconds;
  if (typeof state.Timestamp === 'string') directives.timestamp = state.Timestamp;
  if (typeof state.SecondsPath === 'string') directives['seconds.$'] = state.SecondsPath;
  if (typeof state.TimestampPath === 'string') directives['timestamp.$'] = state.TimestampPath;
  const rewritten = without(state, ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath']);
  return {
    ...rewritten,
    Type: 'Task',
    Resource: localWaitResource,
    TimeoutSeconds: libraryTaskTimeoutSeconds,
    Parameters: { [directivesKey]: directives, [`${carriedInputKey}.$`]: '$' },
  };
};

const rewriteStates = (
  states: Record<string, StateDefinition>,
  timeScale: number,
  tasks: Map<string, TaskSpec>,
  stateTypes: Map<string, string>,
  within?: string,
): Record<string, StateDefinition> => {
  const inside = within === undefined ? {} : { within };
  const rewritten: Record<string, StateDefinition> = {};
  for (const [name, state] of Object.entries(states)) {
    stateTypes.set(name, state.Type);
    if (state.Type === 'Task') {
      tasks.set(name, { ...taskSpec(name, state), ...inside });
      rewritten[name] = rewriteTask(state, timeScale);
    } else if (state.Type === 'Wait') {
      tasks.set(name, { name, integration: 'wait', resource: localWaitResource, callback: false, ...inside });
      rewritten[name] = rewriteWait(state);
    } else if (state.Type === 'Fail') {
      // Without Error/Cause the library invents "FailStateError"; AWS reports none. Empty here, dropped when reported.
      rewritten[name] = {
        ...state,
        ...(state.Error === undefined && state.ErrorPath === undefined && { Error: '' }),
        ...(state.Cause === undefined && state.CausePath === undefined && { Cause: '' }),
      };
    } else {
      const copy: StateDefinition = { ...state };
      const retry = scaleRetriers(state.Retry, timeScale);
      if (retry !== undefined) copy.Retry = retry;
      for (const field of ['ItemProcessor', 'Iterator'] as const) {
        const machine = state[field];
        if (isJsonObject(machine) && isJsonObject(machine.States)) {
          const nested = machine as MachineDefinition;
          copy[field] = { ...nested, States: rewriteStates(nested.States, timeScale, tasks, stateTypes, name) };
        }
      }
      if (Array.isArray(state.Branches)) {
        copy.Branches = nestedMachines({ Type: 'Parallel', Branches: state.Branches }).map((branch) => ({
          ...branch,
          States: rewriteStates(branch.States, timeScale, tasks, stateTypes, name),
        }));
      }
      rewritten[name] = copy;
    }
  }
  return rewritten;
};

/** Builds the copy the library runs (see above) plus what the service needs to run each Task. */
export const prepareForEngine = (definition: MachineDefinition, timeScale: number): EngineDefinition => {
  const tasks = new Map<string, TaskSpec>();
  const stateTypes = new Map<string, string>();
  const { TimeoutSeconds: timeoutSeconds, ...rest } = definition;
  const rewritten: MachineDefinition = {
    ...rest,
    States: rewriteStates(definition.States, timeScale, tasks, stateTypes),
  };
  return {
    definition: rewritten,
    tasks,
    stateTypes,
    ...(typeof timeoutSeconds === 'number' && { timeoutSeconds }),
  };
};
