import { randomBytes } from 'node:crypto';
import { ApiError } from './api-error.ts';
import type { Json } from './json.ts';
import { setLongTimeout } from './long-timer.ts';
import { TaskFailure } from './task-failure.ts';

/** An open `.waitForTaskToken` wait: the token to hand out and the answer the task awaits. */
export interface OpenWait {
  token: string;
  answer: Promise<Json>;
  /** Ends the wait without an answer (timeout, stopped execution): its token answers TaskTimedOut from now on. */
  close(error: Error): void;
}

interface PendingWait {
  executionArn: string;
  succeed(output: Json): void;
  fail(error: Error): void;
  heartbeat(): void;
}

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/**
 * 32 random bytes, base64url — never starting with '-', so a token pasted into a command line (`aws stepfunctions
 * send-task-success --task-token <token>`) is never read as an option. Redrawing keeps every other token equally likely.
 */
export const mintToken = (): string => {
  for (;;) {
    const token = randomBytes(32).toString('base64url');
    if (!token.startsWith('-')) return token;
  }
};

/**
 * Every task token this service minted: 32 random bytes, base64url — unguessable, one per callback attempt. A token
 * stays known after its wait ends, so a late answer gets TaskTimedOut (as on AWS) rather than TaskDoesNotExist.
 */
export class CallbackWaits {
  readonly #waits = new Map<string, PendingWait | 'closed'>();

  /** `heartbeatTimeout` makes the error a missed heartbeat fails the task with. */
  constructor(private readonly heartbeatTimeout: () => Error) {}

  open(executionArn: string, heartbeatMs?: number): OpenWait {
    const token = mintToken();
    let settled = false;
    let cancelHeartbeat: (() => void) | undefined;
    let resolveAnswer!: (output: Json) => void;
    let rejectAnswer!: (error: Error) => void;
    const answer = new Promise<Json>((resolve, reject) => {
      resolveAnswer = resolve;
      rejectAnswer = reject;
    });
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      cancelHeartbeat?.();
      this.#waits.set(token, 'closed');
      return true;
    };
    const wait: PendingWait = {
      executionArn,
      succeed: (output) => {
        if (settle()) resolveAnswer(output);
      },
      fail: (error) => {
        if (settle()) rejectAnswer(error);
      },
      heartbeat: () => {
        if (heartbeatMs === undefined) return;
        cancelHeartbeat?.();
        cancelHeartbeat = setLongTimeout(() => wait.fail(this.heartbeatTimeout()), heartbeatMs);
      },
    };
    // Whoever awaits the answer handles a failure; this only keeps a wait closed before anyone awaits it quiet.
    answer.catch(() => undefined);
    this.#waits.set(token, wait);
    wait.heartbeat();
    return { token, answer, close: (error) => wait.fail(error) };
  }

  succeed(token: string, output: Json): void {
    this.#pending(token).succeed(output);
  }

  fail(token: string, error: string, cause: string): void {
    this.#pending(token).fail(new TaskFailure(error, cause));
  }

  heartbeat(token: string): void {
    this.#pending(token).heartbeat();
  }

  /** A stopped or finished execution's open waits end; their tokens answer TaskTimedOut. */
  closeExecution(executionArn: string, error: Error): void {
    for (const wait of this.#waits.values()) {
      if (wait !== 'closed' && wait.executionArn === executionArn) wait.fail(error);
    }
  }

  #pending(token: string): PendingWait {
    if (!tokenShape.test(token)) throw new ApiError('InvalidToken', 'Invalid token');
    const wait = this.#waits.get(token);
    if (wait === undefined) throw new ApiError('TaskDoesNotExist', 'Task does not exist anymore');
    if (wait === 'closed') throw new ApiError('TaskTimedOut', 'Task Timed Out');
    return wait;
  }
}
