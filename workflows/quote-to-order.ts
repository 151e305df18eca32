import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Needs } from '#functions/needs.ts';

/**
 * The typed side of `quote-to-order.asl.json`: which `${...}` substitution is which step handler. The CDK app deploys
 * the ASL file with `definitionSubstitutions` built from `stepFunctions`; the local Step Functions service runs the very
 * same file with the same keys mapped to in-process handlers.
 */
export const definitionPath: string = fileURLToPath(new URL('./quote-to-order.asl.json', import.meta.url));

/**
 * The alias every execution starts through (`…:stateMachine:<name>:live`), on AWS and in the local stack: a deploy
 * points it at the state machine version it publishes, and rollback points it back (docs/runbooks/rollback.md).
 */
export const liveAlias = 'live';

/**
 * The version of each step function the local stack's definition names (`…:function:<name>:1`): on AWS each Task
 * names the version published with the deploy, so the definition never names an unqualified function.
 */
export const localStepVersion = '1';

export interface StepSpec {
  /** Module path from the repo root, exporting `handler`. */
  handler: string;
  memoryMb?: number;
  /** Below the ASL Task's own TimeoutSeconds (120), so a hung function surfaces as Lambda's timeout first. */
  timeoutSeconds?: number;
  needs: Needs;
}

const writes = { table: 'write' } as const;
const writesAndMails = { table: 'write', sendEmail: true } as const;
/** Steps that publish a lifecycle event (functions/steps/lifecycle-events.ts). */
const writesMailsAndPublishes = { table: 'write', sendEmail: true, putEvents: true } as const;

export const stepFunctions: Record<string, StepSpec> = {
  PriceQuoteFunctionArn: { handler: 'functions/steps/price-quote.ts', timeoutSeconds: 30, needs: writes },
  RequestRepReviewFunctionArn: {
    handler: 'functions/steps/request-rep-review.ts',
    timeoutSeconds: 30,
    needs: writesAndMails,
  },
  RecordReviewFunctionArn: {
    handler: 'functions/steps/record-review.ts',
    timeoutSeconds: 30,
    needs: writesMailsAndPublishes,
  },
  RequestDiscountApprovalFunctionArn: {
    handler: 'functions/steps/request-discount-approval.ts',
    timeoutSeconds: 30,
    needs: writesAndMails,
  },
  RecordDiscountDecisionFunctionArn: {
    handler: 'functions/steps/record-discount-decision.ts',
    timeoutSeconds: 30,
    needs: writesAndMails,
  },
  SendQuoteFunctionArn: {
    handler: 'functions/steps/send-quote.ts',
    timeoutSeconds: 30,
    needs: writesMailsAndPublishes,
  },
  RecordBuyerDecisionFunctionArn: {
    handler: 'functions/steps/record-buyer-decision.ts',
    timeoutSeconds: 30,
    needs: writesMailsAndPublishes,
  },
  StartApprovalChainFunctionArn: {
    handler: 'functions/steps/start-approval-chain.ts',
    timeoutSeconds: 30,
    needs: writes,
  },
  RequestApprovalFunctionArn: {
    handler: 'functions/steps/request-approval.ts',
    timeoutSeconds: 30,
    needs: writesAndMails,
  },
  RecordApprovalFunctionArn: {
    handler: 'functions/steps/record-approval.ts',
    timeoutSeconds: 30,
    needs: writesAndMails,
  },
  ConvertToOrderFunctionArn: {
    handler: 'functions/steps/convert-to-order.ts',
    timeoutSeconds: 30,
    needs: { table: 'write', sendEmail: true, putEvents: true },
  },
  ExpireFunctionArn: { handler: 'functions/steps/expire.ts', timeoutSeconds: 30, needs: writesMailsAndPublishes },
  MarkFailedFunctionArn: {
    handler: 'functions/steps/mark-failed.ts',
    timeoutSeconds: 30,
    needs: writesMailsAndPublishes,
  },
};

/**
 * Every `${...}` in the ASL file. Today all of them are Lambda ARNs (keys of `stepFunctions`): the event bus is
 * reached from the ConvertToOrder function (EVENT_BUS_NAME), not from the definition.
 */
export const substitutionKeys: readonly string[] = Object.keys(stepFunctions);

/** The raw ASL text, substitutions not yet applied. */
export const definitionText = (): string => readFileSync(definitionPath, 'utf8');

/** The ASL with each `${Key}` replaced, as Step Functions does with `definitionSubstitutions`. Throws on a missing key. */
export const substitute = (text: string, values: Readonly<Record<string, string>>): string =>
  text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`no substitution for \${${key}} in ${definitionPath}`);
    return value;
  });
