/**
 * A task's failure as Retry and Catch see it: `name` is the error they match (`ConflictError`, the error given to
 * SendTaskFailure ...) and `message` is the cause, which the library hands to a Catch as `Cause`.
 */
export class TaskFailure extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}

/** A task cut short because its execution ended (stopped, timed out): nothing may retry or catch it. */
export class ExecutionClosed extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor() {
    super('the execution is no longer running');
    this.name = 'States.Runtime';
  }
}

/** A malformed value met at run time (a TimeoutSecondsPath that is not a positive integer): fails the execution. */
export class StatesRuntime extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor(message: string) {
    super(message);
    this.name = 'States.Runtime';
  }
}
