import { GetExecutionHistoryCommand, type HistoryEvent, type SFNClient } from '@aws-sdk/client-sfn';
import { stepFunctions } from '#workflows/quote-to-order.ts';

/** Every event of one execution, through the Step Functions API (GetExecutionHistory, all pages). */
export const executionHistory = async (sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> => {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, includeExecutionData: true, nextToken }),
    );
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
};

export interface LambdaRun {
  /** The `stepFunctions` key of the function, e.g. 'PriceQuoteFunctionArn'. */
  step: string;
  /** From TaskStarted to the function's answer: TaskSubmitted for a callback task, else TaskSucceeded/Failed. */
  ms: number;
}

export interface ExecutionCounts {
  /** `*StateEntered` events: each state entered, Map iterations' inner states included. */
  statesEntered: number;
  /** Task attempts beyond the first of each Task state entered (Retry): AWS bills each as a transition too. */
  retries: number;
  lambdaRuns: LambdaRun[];
  enteredByState: Record<string, number>;
}

const stepOf = (parameters: string | undefined): string => {
  const functionName = parameters ? (JSON.parse(parameters) as { FunctionName?: string }).FunctionName : undefined;
  const key = Object.keys(stepFunctions).find((k) => functionName?.endsWith(`-${k.replace(/FunctionArn$/, '')}`));
  return key ?? functionName ?? 'unknown';
};

/**
 * What one execution did, from its history. Tasks run one at a time in this workflow (the approval Map walks its
 * levels in order), so each Lambda attempt's events follow each other: Scheduled, Started, then Submitted (the callback
 * task's function returned) or Succeeded/Failed/TimedOut.
 */
export const countExecution = (events: readonly HistoryEvent[]): ExecutionCounts => {
  let statesEntered = 0;
  let taskStatesEntered = 0;
  let taskAttempts = 0;
  const enteredByState: Record<string, number> = {};
  const lambdaRuns: LambdaRun[] = [];
  let open: { step: string; startedAt?: number } | undefined;
  for (const event of events) {
    const type = event.type ?? '';
    if (type.endsWith('StateEntered')) {
      statesEntered += 1;
      if (type === 'TaskStateEntered') taskStatesEntered += 1;
      const name = event.stateEnteredEventDetails?.name ?? '?';
      enteredByState[name] = (enteredByState[name] ?? 0) + 1;
    } else if (type === 'TaskScheduled') {
      taskAttempts += 1;
      const details = event.taskScheduledEventDetails;
      open = details?.resourceType === 'lambda' ? { step: stepOf(details.parameters) } : undefined;
    } else if (type === 'TaskStarted' && open) {
      open.startedAt = event.timestamp?.getTime();
    } else if (
      open?.startedAt !== undefined &&
      ['TaskSubmitted', 'TaskSucceeded', 'TaskFailed', 'TaskTimedOut'].includes(type)
    ) {
      lambdaRuns.push({ step: open.step, ms: (event.timestamp?.getTime() ?? open.startedAt) - open.startedAt });
      open = undefined;
    }
  }
  return { statesEntered, retries: taskAttempts - taskStatesEntered, lambdaRuns, enteredByState };
};
