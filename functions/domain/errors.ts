/**
 * What a use case refuses, in the domain's words. `http/http.ts` maps each to an HTTP answer once (403, 404, 409, 409
 * with Retry-After, 409 with `currentVersion`, 400, 422, 503); nothing in `application/` knows about HTTP.
 */

/** The caller's role or relation does not allow this (the policy said no). */
export class Forbidden extends Error {
  override readonly name = 'Forbidden';
}

/** Nothing by that name that the caller may see: absent, or another company's (whose existence is never confirmed). */
export class NotFound extends Error {
  override readonly name = 'NotFound';
}

/** The decision was already made, or its wait is over (expired, cancelled, superseded). */
export class AlreadyDecided extends Error {
  override readonly name = 'AlreadyDecided';
  constructor(message = 'this was already decided or has expired') {
    super(message);
  }
}

/** Not yet possible, soon will be: a request step is still on its way. */
export class RetryLater extends Error {
  override readonly name = 'RetryLater';
  constructor(
    message: string,
    readonly afterSeconds = 1,
  ) {
    super(message);
  }
}

/** The decision answers a quote version that is no longer the current one. */
export class VersionMismatch extends Error {
  override readonly name = 'VersionMismatch';
  constructor(
    readonly answered: number,
    readonly currentVersion: number | null,
  ) {
    super(
      currentVersion === null
        ? `there is no quote to decide on (you answered version ${answered})`
        : `the quote is now version ${currentVersion}; you answered version ${answered} — read it again before deciding`,
    );
  }
}

/** The status does not allow this decision now. */
export class NotNow extends Error {
  override readonly name = 'NotNow';
}

/** Input the domain refuses, field by field. */
export class InvalidInput extends Error {
  override readonly name = 'InvalidInput';
  constructor(
    message: string,
    readonly errors: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/** Input of the right shape that does not fit what it names (a buyer who is not one of the company's), field by field. */
export class UnfitInput extends Error {
  override readonly name = 'UnfitInput';
  constructor(
    message: string,
    readonly errors: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/** A service the use case needs did not answer: what is done stays done, and the same request again finishes it. */
export class Unavailable extends Error {
  override readonly name = 'Unavailable';
  constructor(
    message: string,
    readonly afterSeconds = 1,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Leaving would break the company left (its last admin, an approver its rules name): nothing was changed. */
export class LeavingRefused extends Error {
  override readonly name = 'LeavingRefused';
  constructor(readonly errors: { path: string; message: string }[]) {
    super('Nothing was changed: the company they would leave needs them as they are');
  }
}

/** The request contradicts what is recorded (it ships more than was ordered), field by field: nothing was changed. */
export class Contradiction extends Error {
  override readonly name = 'Contradiction';
  constructor(
    message: string,
    readonly errors: { path: string; message: string }[],
  ) {
    super(message);
  }
}
