import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';

/**
 * The library lets `States.TaskFailed` match every task error except instances of its own `StatesTimeoutError`,
 * which it does not export. Our timeouts (callback waits, heartbeats, scaled TimeoutSeconds) must be instances of
 * that class, or a Retry/Catch on `States.TaskFailed` would wrongly take them. One tiny run that times out hands
 * us the class.
 */
let timeoutClass: (new () => Error) | undefined;

export const loadStatesTimeout = async (): Promise<() => Error> => {
  if (!timeoutClass) {
    const probe = new StateMachine(
      {
        StartAt: 'Probe',
        States: { Probe: { Type: 'Task', Resource: 'probe', TimeoutSeconds: 0.001, End: true } },
      } as unknown as StateMachineDefinition,
      { validationOptions: { noValidate: true } },
    );
    const never = () => new Promise<never>(() => {});
    const run = probe.run(null, { overrides: { taskResourceLocalHandlers: { Probe: never } } });
    const failure: unknown = await run.result.then(
      () => undefined,
      (error: unknown) => (error as Error).cause,
    );
    if (!(failure instanceof Error) || failure.name !== 'States.Timeout') {
      throw new Error('aws-local-stepfunctions no longer times out Tasks as expected: check the States.Timeout probe');
    }
    timeoutClass = failure.constructor as new () => Error;
  }
  const TimeoutError = timeoutClass;
  return () => new TimeoutError();
};
