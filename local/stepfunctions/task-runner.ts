import type { CallbackWaits, OpenWait } from './callback-waits.ts';
import { carriedInputKey, directivesKey, heartbeatTimeout, type TaskSpec } from './engine-definition.ts';
import { isJsonObject, type Json, type JsonObject, throughJson } from './json.ts';
import type { Lambdas } from './lambdas.ts';
import { setLongTimeout } from './long-timer.ts';
import { ExecutionClosed, StatesRuntime, TaskFailure } from './task-failure.ts';

/** The running execution a task belongs to, as the task sees it. */
export interface RunningExecution {
  readonly arn: string;
  isRunning(): boolean;
  /** Whether this Map or Parallel state has ended (failed or exited) since it was last entered. */
  hasLeft(state: string): boolean;
  record(type: string, details?: Record<string, Json>): void;
  /** Resolves after `ms`, or at once when the execution ends. */
  sleep(ms: number): Promise<void>;
}

/** What every task of a service shares. */
export interface TaskEnvironment {
  lambdas: Lambdas;
  waits: CallbackWaits;
  timeScale: number;
  region: string;
  timeoutError: () => Error;
  /** Stands in for `$$.Task.Token` in the static context object; swapped for a fresh token per callback attempt. */
  tokenPlaceholder: string;
  putEvents?: (entries: Json) => Promise<unknown>;
}

const positiveInteger = (value: Json | undefined, field: string): number | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new StatesRuntime(`${field} resolved to ${JSON.stringify(value)}, expected a positive integer`);
  }
  return value;
};

const unwrap = (raw: Json): { input: Json; directives: JsonObject } => {
  if (!isJsonObject(raw) || !(directivesKey in raw)) return { input: raw, directives: {} };
  const { [directivesKey]: directives, [carriedInputKey]: carried, ...rest } = raw;
  return { input: carried !== undefined ? carried : rest, directives: isJsonObject(directives) ? directives : {} };
};

const replaceText = (value: Json, from: string, to: string): Json => {
  if (typeof value === 'string') return value.replaceAll(from, to);
  if (Array.isArray(value)) return value.map((item) => replaceText(item, from, to));
  if (isJsonObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceText(item, from, to)]));
  }
  return value;
};

const withTimeout = async <T>(work: Promise<T>, ms: number | undefined, onTimeout: () => Error): Promise<T> => {
  if (ms === undefined) return work;
  let cancel: (() => void) | undefined;
  const timeout = new Promise<never>((_, reject) => {
    cancel = setLongTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    cancel?.();
  }
};

const runWait = async (directives: JsonObject, input: Json, env: TaskEnvironment, execution: RunningExecution) => {
  let ms = 0;
  if (directives.seconds !== undefined) {
    const seconds = directives.seconds;
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw new StatesRuntime(`Wait seconds resolved to ${JSON.stringify(seconds)}, expected an integer >= 0`);
    }
    ms = seconds * 1000;
  } else if (directives.timestamp !== undefined) {
    const at = typeof directives.timestamp === 'string' ? Date.parse(directives.timestamp) : Number.NaN;
    if (Number.isNaN(at)) throw new StatesRuntime(`Wait timestamp ${JSON.stringify(directives.timestamp)} is invalid`);
    ms = Math.max(0, at - Date.now());
  }
  await execution.sleep(ms * env.timeScale);
  if (!execution.isRunning()) throw new ExecutionClosed();
  return input;
};

/** The integration itself: what the task's Resource does with its input, before any callback wait. */
const integrate = async (spec: TaskSpec, input: Json, env: TaskEnvironment): Promise<Json> => {
  if (spec.integration === 'lambda:function') return env.lambdas.invoke(spec.resource, input);
  const parameters = isJsonObject(input) ? input : {};
  if (spec.integration === 'events:putEvents') {
    if (!env.putEvents) throw new TaskFailure('EventBridge.NotConfigured', 'no local EventBridge is configured');
    // The integration takes Detail as JSON and serializes it, as the PutEvents API expects a string.
    const entries = (Array.isArray(parameters.Entries) ? parameters.Entries : []).map((entry) =>
      isJsonObject(entry) && typeof entry.Detail === 'object'
        ? { ...entry, Detail: JSON.stringify(entry.Detail) }
        : entry,
    );
    const result = throughJson(await env.putEvents(entries));
    // As on AWS, an entry EventBridge refused fails the task.
    if (isJsonObject(result) && typeof result.FailedEntryCount === 'number' && result.FailedEntryCount > 0) {
      throw new TaskFailure('EventBridge.FailedEntry', JSON.stringify(result));
    }
    return result;
  }
  const functionName = parameters.FunctionName;
  if (typeof functionName !== 'string') throw new StatesRuntime('lambda:invoke needs a FunctionName');
  const payload = parameters.Payload ?? {};
  if (parameters.InvocationType === 'Event') {
    env.lambdas.invoke(functionName, payload).catch(() => undefined);
    return { Payload: '', StatusCode: 202 };
  }
  const result = await env.lambdas.invoke(functionName, payload);
  // A version's ARN ran that version (`…:function:<name>:7`); anything else, the one local code.
  const qualifier = functionName.split(':')[7];
  return {
    ExecutedVersion: qualifier !== undefined && /^\d+$/.test(qualifier) ? qualifier : '$LATEST',
    Payload: result,
    SdkHttpMetadata: { HttpStatusCode: 200 },
    SdkResponseMetadata: {},
    StatusCode: 200,
  };
};

/** `arn:aws:states:::lambda:invoke.waitForTaskToken` → lambda / invoke.waitForTaskToken, as AWS's history says. */
const resourceParts = (resource: string): { resourceType: string; resource: string } => {
  const [resourceType = '', ...rest] = (resource.split(':::')[1] ?? resource).split(':');
  return { resourceType, resource: rest.join(':') };
};

/**
 * Runs one attempt of a Task state (the library's Task override): the Lambda, the callback wait with a fresh token,
 * the timeouts and heartbeats, and the task's history events. A retry is a new call, so a new token.
 */
export const runTask = async (
  spec: TaskSpec,
  raw: Json,
  env: TaskEnvironment,
  execution: RunningExecution,
): Promise<Json> => {
  // The library reports the state's entry through an async stream: let it land in the history before our events.
  await new Promise((resolve) => setImmediate(resolve));
  if (!execution.isRunning()) throw new ExecutionClosed();
  // The library starts a Map's queued iterations even after one failed the Map; on AWS the failure stops them all.
  if (spec.within !== undefined && execution.hasLeft(spec.within)) throw new ExecutionClosed();
  const { input, directives } = unwrap(raw);
  if (spec.integration === 'wait') return runWait(directives, input, env, execution);

  const timeoutSeconds = positiveInteger(directives.timeoutSeconds, 'TimeoutSecondsPath') ?? spec.timeoutSeconds;
  const heartbeatSeconds =
    positiveInteger(directives.heartbeatSeconds, 'HeartbeatSecondsPath') ?? spec.heartbeatSeconds;
  const scaled = (seconds: number | undefined) => (seconds === undefined ? undefined : seconds * 1000 * env.timeScale);
  // `timeScale` shortens what waits for people (callbacks, Wait states, retries), never the time a Task's own code has
  // to run: the Lambda part keeps the whole TimeoutSeconds (or more, when the scale slows time down).
  const running = (seconds: number | undefined) =>
    seconds === undefined ? undefined : Math.max(seconds * 1000, seconds * 1000 * env.timeScale);
  const wait: OpenWait | undefined = spec.callback
    ? env.waits.open(execution.arn, scaled(heartbeatSeconds))
    : undefined;
  const redact = (value: Json): string => {
    const text = JSON.stringify(value);
    return wait ? text.replaceAll(wait.token, env.tokenPlaceholder) : text;
  };

  const lambdaFunction = spec.integration === 'lambda:function';
  const prefix = lambdaFunction ? 'LambdaFunction' : 'Task';
  const resource = lambdaFunction
    ? { resource: spec.resource }
    : { ...resourceParts(spec.resource), region: env.region };
  const limits = {
    ...(timeoutSeconds !== undefined && { timeoutInSeconds: timeoutSeconds }),
    ...(heartbeatSeconds !== undefined && { heartbeatInSeconds: heartbeatSeconds }),
  };
  execution.record(`${prefix}Scheduled`, {
    ...resource,
    ...(lambdaFunction ? { input: redact(input) } : { parameters: redact(input) }),
    ...limits,
  });
  execution.record(`${prefix}Started`, lambdaFunction ? {} : resourceParts(spec.resource));

  const timedOut = () => {
    const error = env.timeoutError();
    wait?.close(error);
    return error;
  };
  const work = async (): Promise<Json> => {
    const request = integrate(spec, wait ? replaceText(input, env.tokenPlaceholder, wait.token) : input, env);
    const result = await withTimeout(request, running(timeoutSeconds), timedOut);
    if (!wait) return result;
    execution.record('TaskSubmitted', { ...resourceParts(spec.resource), output: redact(result) });
    return withTimeout(wait.answer, scaled(timeoutSeconds), timedOut);
  };
  const outcome = lambdaFunction ? {} : resourceParts(spec.resource);
  try {
    const output = await work();
    execution.record(`${prefix}Succeeded`, { ...outcome, output: redact(output) });
    return output;
  } catch (thrown) {
    if (!execution.isRunning()) throw new ExecutionClosed();
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    const isTimeout = error.name === 'States.Timeout' || error.name === heartbeatTimeout;
    execution.record(`${prefix}${isTimeout ? 'TimedOut' : 'Failed'}`, {
      ...outcome,
      error: error.name,
      cause: isTimeout ? '' : wait ? error.message.replaceAll(wait.token, env.tokenPlaceholder) : error.message,
    });
    throw error;
  } finally {
    wait?.close(new ExecutionClosed());
  }
};
