import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { definitionText, stepFunctions, substitute, substitutionKeys } from '#workflows/quote-to-order.ts';

type Validate = (
  definition: unknown,
  options: { checkPaths: boolean; checkArn: boolean },
) => { isValid: boolean; errors: unknown[] };
const validate = createRequire(import.meta.url)('asl-validator') as Validate;

interface Retrier {
  ErrorEquals: string[];
  MaxAttempts?: number;
  IntervalSeconds?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
}

interface State {
  Type: string;
  Resource?: string;
  Parameters?: Record<string, unknown>;
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
  Retry?: Retrier[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
  ItemProcessor?: { States: Record<string, State> };
  ItemSelector?: Record<string, unknown>;
  MaxConcurrency?: number;
  Next?: string;
  Default?: string;
  Choices?: { Next: string }[];
}

/** What AWS's Step Functions guide ("Handle transient Lambda service exceptions") retries for every Lambda task. */
const awsRecommendedLambdaRetries = [
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
];

const throttled = 'Lambda.TooManyRequestsException';

/** The longest a retrier waits in all before it gives up: each interval grown by the backoff rate, capped at its maximum. */
const retrySpanSeconds = (retrier: Retrier): number => {
  let span = 0;
  for (let attempt = 0; attempt < (retrier.MaxAttempts ?? 3); attempt += 1) {
    const interval = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** attempt;
    span += Math.min(interval, retrier.MaxDelaySeconds ?? Number.POSITIVE_INFINITY);
  }
  return span;
};

const arns = Object.fromEntries(
  substitutionKeys.map((key) => [key, `arn:aws:lambda:us-east-1:000000000000:function:${key}`]),
);
const definition = JSON.parse(substitute(definitionText(), arns)) as { StartAt: string; States: Record<string, State> };
const top = definition.States;
const chain = top.ApprovalChain?.ItemProcessor?.States ?? {};
const everyState = (): [string, State][] => [...Object.entries(top), ...Object.entries(chain)];
const tasks = () => everyState().filter(([, s]) => s.Type === 'Task');
const waits = () => tasks().filter(([, s]) => s.Resource?.endsWith('.waitForTaskToken'));

/** The happy path, as the names of the states it enters: the benchmark counts these transitions. */
const happyPath = (levels: number): string[] => {
  const level = ['RequestApproval', 'RecordApproval', 'LevelOutcome', 'LevelApproved'];
  return [
    'PriceQuote',
    'RepReview',
    'RecordReview',
    'RouteReview',
    'BuyerDecision',
    'RecordBuyerDecision',
    'BuyerOutcome',
    'StartApprovalChain',
    'ApprovalChain',
    ...Array.from({ length: levels }, () => level).flat(),
    'ConvertToOrder',
    'OrderOutcome',
    'Ordered',
  ];
};

describe('the quote-to-order state machine definition', () => {
  it('is valid Amazon States Language', () => {
    const result = validate(structuredClone(definition), { checkPaths: true, checkArn: true });
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('substitutes exactly the keys the loader maps to step handlers', () => {
    const used = new Set([...definitionText().matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual([...substitutionKeys].sort());
    for (const key of substitutionKeys) expect(stepFunctions[key]?.handler).toMatch(/^functions\/steps\/[a-z-]+\.ts$/);
  });

  it('speaks JSONPath only: no JSONata, no Assign, no per-state context fields', () => {
    const text = definitionText();
    expect(text).not.toMatch(/"QueryLanguage"|"Assign"|"Arguments"|"Output"\s*:|\{%/);
    expect(text).not.toContain('$$.State.');
    const mapItem = [...text.matchAll(/\$\$\.Map\.Item\.Value/g)];
    expect(mapItem).toHaveLength(1);
    expect(JSON.stringify(top.ApprovalChain?.ItemSelector)).toContain('$$.Map.Item.Value');
  });

  it('invokes every Lambda through the optimized integration, the human waits through the callback pattern', () => {
    for (const [name, state] of tasks()) {
      expect(state.Resource, name).toMatch(/^arn:aws:states:::lambda:invoke(\.waitForTaskToken)?$/);
      expect(state.Parameters?.FunctionName, name).toMatch(/^arn:aws:lambda:/);
    }
    expect(
      waits()
        .map(([name]) => name)
        .sort(),
    ).toEqual(
      [
        'BuyerDecision',
        'DiscountApproval',
        'EscalateApproval',
        'EscalateReview',
        'RemindApprovers',
        'RemindRep',
        'RemindSalesManager',
        'RepReview',
        'RequestApproval',
      ].sort(),
    );
  });

  it('bounds every wait: each Task has a timeout, each human wait one taken from the execution state', () => {
    for (const [name, state] of tasks()) {
      expect(state.TimeoutSeconds !== undefined || state.TimeoutSecondsPath !== undefined, name).toBe(true);
    }
    for (const [name, state] of waits()) expect(state.TimeoutSecondsPath, name).toMatch(/^\$\.timeouts\./);
  });

  it('retries a throttled step for minutes, not seconds: a new account runs only 10 Lambda executions at once', () => {
    for (const [name, state] of tasks()) {
      const retrier = state.Retry?.find((r) => r.ErrorEquals.includes(throttled));
      expect(retrier, name).toBeDefined();
      expect(retrier?.ErrorEquals, name).toEqual([throttled]);
      expect(retrySpanSeconds(retrier ?? { ErrorEquals: [] }), name).toBeGreaterThanOrEqual(300);
    }
  });

  it('retries only transient errors, with backoff, so a business error is never retried forever', () => {
    for (const [name, state] of tasks()) {
      const retried = state.Retry?.flatMap((r) => r.ErrorEquals) ?? [];
      for (const error of awsRecommendedLambdaRetries) expect(retried, name).toContain(error);
      expect(retried, name).toContain('TransientError');
      expect(retried, name).not.toContain('States.ALL');
      expect(retried, name).not.toContain('States.TaskFailed');
      for (const retrier of state.Retry ?? []) {
        if (retrier.ErrorEquals.includes(throttled)) continue;
        expect(retrier.MaxAttempts, name).toBeLessThanOrEqual(4);
      }
    }
    // A human wait's timeout goes to its Catch (reminder, expiry), not back into the same wait.
    for (const [name, state] of waits()) {
      expect(
        state.Retry?.flatMap((r) => r.ErrorEquals),
        name,
      ).not.toContain('States.Timeout');
    }
  });

  it('sends every failure to MarkFailed, so no RFQ is left in a non-terminal status', () => {
    for (const [name, state] of Object.entries(top).filter(([n, s]) => s.Type === 'Task' && n !== 'MarkFailed')) {
      expect(state.Catch?.at(-1), name).toMatchObject({ ErrorEquals: ['States.ALL'], Next: 'MarkFailed' });
    }
    expect(top.ApprovalChain?.Catch?.at(-1)).toMatchObject({ ErrorEquals: ['States.ALL'], Next: 'MarkFailed' });
    for (const [name, state] of Object.entries(top).filter(([, s]) => s.Type === 'Choice')) {
      expect(state.Default, name).toBe('MarkFailed');
    }
  });

  it('escalates an unanswered review and approval level after the reminder; expiry only after the escalation', () => {
    const onTimeout = (state: { Catch?: { ErrorEquals: string[]; Next: string }[] } | undefined) =>
      state?.Catch?.find((c) => c.ErrorEquals.includes('States.Timeout'))?.Next;
    expect(onTimeout(top.RepReview)).toBe('RemindRep');
    expect(onTimeout(top.RemindRep)).toBe('EscalateReview');
    expect(onTimeout(top.EscalateReview)).toBe('Expire');
    expect(top.EscalateReview?.Parameters?.Payload).toMatchObject({ escalate: true });
    expect(onTimeout(chain.RequestApproval)).toBe('RemindApprovers');
    expect(onTimeout(chain.RemindApprovers)).toBe('EscalateApproval');
    expect(onTimeout(chain.EscalateApproval)).toBe('LevelTimedOut');
    expect(chain.EscalateApproval?.Parameters?.Payload).toMatchObject({ escalate: true });
  });

  it('walks the approval chain one level at a time', () => {
    expect(top.ApprovalChain?.MaxConcurrency).toBe(1);
  });

  it('keeps the happy path short', () => {
    const path = happyPath(2);
    for (const name of path) expect(top[name] ?? chain[name], name).toBeDefined();
    expect(path.length).toBeLessThanOrEqual(25);
  });
});
