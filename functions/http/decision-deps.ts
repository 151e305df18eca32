import type { DecisionDeps } from '#application/deps.ts';
import { sfnClient } from '#functions/clients/sfn.ts';
import { config } from '#functions/config.ts';
import type { WorkflowClient } from '../workflow/ports.ts';
import { createWorkflowClient } from '../workflow/step-functions.ts';
import { adapters, perConfig } from './adapters.ts';

/** The workflow client that resumes and stops executions. */
export const workflowClient = /* @__PURE__ */ perConfig(
  (settings): WorkflowClient => createWorkflowClient(sfnClient(), settings.STATE_MACHINE_ARN),
);

/** What the decision use cases (functions/application) take. */
export const decisionDeps = (): DecisionDeps => ({
  store: adapters().store,
  workflow: workflowClient(),
  config: config(),
});
