/**
 * An error the Step Functions API answers with: HTTP 400 and `{ "__type": name, "message" }` (AWS JSON 1.0), which
 * `@aws-sdk/client-sfn` turns into its exception class of the same name (`TaskTimedOut`, `ExecutionAlreadyExists` ...).
 */
export class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}
