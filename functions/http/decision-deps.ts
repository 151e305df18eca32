import { sfnClient } from '#functions/clients/sfn.ts';
import { type Config, config } from '#functions/config.ts';
import type { DecisionDeps } from '../decisions/deps.ts';
import { createWorkflowClient, type WorkflowClient } from '../workflow/client.ts';
import { adapters } from './adapters.ts';

let built: { for: Config; workflow: WorkflowClient } | undefined;

/** The workflow client that resumes and stops executions; rebuilt only when the config is reloaded, as adapters(). */
export const workflowClient = (): WorkflowClient => {
  if (built?.for !== config())
    built = { for: config(), workflow: createWorkflowClient(sfnClient(), config().STATE_MACHINE_ARN) };
  return built.workflow;
};

/** What the decision use cases (functions/decisions) take. */
export const decisionDeps = (): DecisionDeps => ({
  store: adapters().store,
  workflow: workflowClient(),
  config: config(),
});
