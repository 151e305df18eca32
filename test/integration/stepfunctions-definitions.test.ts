import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../local/stepfunctions/definition.ts';
import { prepareForEngine } from '../../local/stepfunctions/engine-definition.ts';
import { startStepFunctionsLocal } from '../../local/stepfunctions/index.ts';
import { fixture, functionArn } from './stepfunctions/local-service.ts';

/** A `${Key}` placeholder, as the ASL files write them. */
const placeholder = (key: string) => `\${${key}}`;
const lambdaTask = (extra: object = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: placeholder('PriceQuoteFunctionArn'), 'Payload.$': '$' },
  End: true,
  ...extra,
});
const definitionWith = (top: object, task: object = lambdaTask()) =>
  JSON.stringify({ StartAt: 'PriceQuote', States: { PriceQuote: task }, ...top });
const startWith = (definition: string, substitutions = { PriceQuoteFunctionArn: functionArn('price-quote') }) =>
  startStepFunctionsLocal({
    stateMachines: [{ name: 'refused', definition, substitutions }],
    lambdas: { [functionArn('price-quote')]: async () => ({}) },
  });

describe('definitions the local engine would run differently from AWS are refused at start', () => {
  it('JSONata, at the top or in a state', async () => {
    await expect(startWith(definitionWith({ QueryLanguage: 'JSONata' }))).rejects.toThrow(/JSONata/);
    await expect(startWith(definitionWith({}, lambdaTask({ QueryLanguage: 'JSONata' })))).rejects.toThrow(
      /state "PriceQuote": JSONata/,
    );
    await expect(startWith(definitionWith({}, lambdaTask({ Arguments: {} })))).rejects.toThrow(/Arguments/);
  });

  it('variables (Assign)', async () => {
    await expect(startWith(definitionWith({}, lambdaTask({ Assign: { total: 1 } })))).rejects.toThrow(/Assign/);
  });

  it('a placeholder without a substitution, a function without a handler, a resource we do not integrate', async () => {
    await expect(startWith(definitionWith({}), {} as never)).rejects.toThrow(
      /no substitution for \$\{PriceQuoteFunctionArn\}/,
    );
    await expect(startWith(definitionWith({}), { PriceQuoteFunctionArn: functionArn('unknown') })).rejects.toThrow(
      /no handler for .*function:unknown/,
    );
    await expect(
      startWith(definitionWith({}, { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', End: true })),
    ).rejects.toThrow(/not supported locally/);
    await expect(
      startWith(definitionWith({}, { Type: 'Task', Resource: 'arn:aws:states:::events:putEvents', End: true })),
    ).rejects.toThrow(/putEvents option/);
  });

  it('the per-state context ($$.State.*), which the library does not keep per state', async () => {
    const task = lambdaTask({
      Parameters: { FunctionName: placeholder('PriceQuoteFunctionArn'), 'retry.$': '$$.State.RetryCount' },
    });
    await expect(startWith(definitionWith({}, task))).rejects.toThrow(/\$\$\.State/);
  });

  it('what asl-validator rejects', async () => {
    await expect(startWith(definitionWith({}, lambdaTask({ Next: 'Nowhere', End: undefined })))).rejects.toThrow(
      /cannot run locally/,
    );
  });
});

describe('the copy of a definition the library runs', () => {
  const prepared = (name: string, functions: Record<string, string>, timeScale = 0.01) =>
    prepareForEngine(loadDefinition(name, fixture(name), functions), timeScale);

  it('gives a Task without TimeoutSeconds no 60 s limit (the library’s default; AWS has none)', () => {
    const { definition, tasks } = prepared('review', {
      PriceQuoteFunctionArn: functionArn('price-quote'),
      RequestReviewFunctionArn: functionArn('request-review'),
    });
    expect(definition.States.PriceQuote?.TimeoutSeconds).toBeGreaterThan(2_000_000);
    expect(tasks.get('PriceQuote')?.timeoutSeconds).toBeUndefined();
    expect(tasks.get('RepReview')).toMatchObject({ callback: true, timeoutSeconds: 200 });
  });

  it('lets every matcher of States.Timeout also match States.HeartbeatTimeout, as on AWS', () => {
    const { definition } = prepared('heartbeat', { ExportToErpFunctionArn: functionArn('export-to-erp') });
    expect(definition.States.ExportToErp?.Catch).toEqual([
      { ErrorEquals: ['States.HeartbeatTimeout'], ResultPath: '$.failure', Next: 'Stalled' },
      { ErrorEquals: ['States.Timeout', 'States.HeartbeatTimeout'], ResultPath: '$.failure', Next: 'TookTooLong' },
    ]);
  });

  it('scales Retry intervals and keeps the backoff rate', () => {
    const { definition } = prepared('convert-to-order', {
      ConvertToOrderFunctionArn: functionArn('convert-to-order'),
      MarkFailedFunctionArn: functionArn('mark-failed'),
    });
    expect(definition.States.ConvertToOrder?.Retry).toEqual([
      { ErrorEquals: ['ConflictError'], IntervalSeconds: 0.02, BackoffRate: 3, MaxAttempts: 2 },
      { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 0.01, MaxAttempts: 1 },
    ]);
  });
});
