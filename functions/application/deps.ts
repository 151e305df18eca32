import type { Config } from '#functions/config.ts';
import type { WorkflowClient } from '#functions/workflow/ports.ts';
import type { Store } from '#store/ports.ts';

/** What the decision use cases need, passed in by the thin HTTP handlers (or a test). */
export interface DecisionDeps {
  store: Store;
  workflow: WorkflowClient;
  config: Pick<Config, 'MAX_REP_DISCOUNT_PERCENT' | 'SALES_MANAGER_EMAIL'>;
  now?: () => Date;
}

export const nowOf = (deps: DecisionDeps): Date => deps.now?.() ?? new Date();
