import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { cognitoActions, cognitoReadActions } from '#functions/accounts/cognito-actions.ts';
import { integrationClientActions } from '#functions/integrations/cognito-actions.ts';
import type { RouteSpec } from '#http/routes.ts';
import type { QuoteToOrderFunction } from './function.ts';
import { acknowledgeExecutionsWildcard } from './nag.ts';

export type Needs = RouteSpec['needs'];

/**
 * IAM authorizes each item of a TransactWriteItems by the item's own action (PutItem, UpdateItem, DeleteItem,
 * ConditionCheckItem): there is no separate transaction permission. The store uses Get, Query, BatchGet, Put, Update,
 * Delete and TransactWrite; nothing scans and nothing batch-writes, so neither is granted.
 */
export const tableActions = {
  none: [],
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  write: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:ConditionCheckItem',
  ],
} as const satisfies Record<Needs['table'], readonly string[]>;

/**
 * Step Functions defines no resource type for SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat (Service
 * Authorization Reference, "Actions defined by AWS Step Functions": the Resource types column is empty for the three),
 * so a policy must name `*`. The task token itself is the capability: only a holder of a token can complete that task.
 */
export const sendTaskResultActions = ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'];

/** The ARNs a function's needs can reach. */
export interface Targets {
  tableArn: string;
  indexNames: readonly string[];
  /** Unqualified: Step Functions authorizes a start through a version or an alias against the state machine's ARN. */
  stateMachineArn: string;
  /** `…:stateMachine:<name>:live`, what the functions start executions through. */
  stateMachineAliasArn: string;
  /** `arn:...:execution:<state machine name>:*` — StopExecution is authorized against the execution. */
  executionsArn: string;
  sendEmailResources: readonly string[];
  eventBusArn: string;
  userPool: { arn: string; id: string };
  /** The user pool's token endpoint, where integration clients get their tokens. */
  integrationTokenUrl: string;
}

/** The statements that grant exactly `needs` on `targets`: one per kind of access, nothing else. */
export const statementsFor = (needs: Needs, targets: Targets): PolicyStatement[] => {
  const statements: PolicyStatement[] = [];
  if (needs.table !== 'none') {
    statements.push(
      new PolicyStatement({
        actions: [...tableActions[needs.table]],
        resources: [targets.tableArn, ...targets.indexNames.map((name) => `${targets.tableArn}/index/${name}`)],
      }),
    );
  }
  if (needs.startExecution) {
    statements.push(
      new PolicyStatement({
        actions: ['states:StartExecution'],
        resources: [targets.stateMachineArn, targets.stateMachineAliasArn],
      }),
    );
    // The Service Authorization Reference lists DescribeExecution as authorized by a StartExecution call, and the
    // workflow client describes the execution itself when a retried start meets ExecutionAlreadyExists.
    statements.push(new PolicyStatement({ actions: ['states:DescribeExecution'], resources: [targets.executionsArn] }));
  }
  if (needs.stopExecution) {
    statements.push(new PolicyStatement({ actions: ['states:StopExecution'], resources: [targets.executionsArn] }));
  }
  if (needs.sendTaskResult) {
    statements.push(new PolicyStatement({ actions: sendTaskResultActions, resources: ['*'] }));
  }
  if (needs.sendEmail) {
    statements.push(new PolicyStatement({ actions: ['ses:SendEmail'], resources: [...targets.sendEmailResources] }));
  }
  if (needs.putEvents) {
    statements.push(new PolicyStatement({ actions: ['events:PutEvents'], resources: [targets.eventBusArn] }));
  }
  if (needs.signInAccounts) {
    const actions = needs.signInAccounts === 'read' ? cognitoReadActions : cognitoActions;
    statements.push(new PolicyStatement({ actions: [...actions], resources: [targets.userPool.arn] }));
  }
  if (needs.integrationClients) {
    statements.push(new PolicyStatement({ actions: [...integrationClientActions], resources: [targets.userPool.arn] }));
  }
  return statements;
};

export const grantNeeds = (fn: QuoteToOrderFunction, needs: Needs, targets: Targets): void => {
  for (const statement of statementsFor(needs, targets)) fn.addToRolePolicy(statement);
  // Only the function that manages accounts is told the pool (functions/config.ts: SIGN_IN_ACCOUNTS).
  if (needs.signInAccounts) fn.configure({ SIGN_IN_ACCOUNTS: 'cognito', USER_POOL_ID: targets.userPool.id });
  if (needs.integrationClients)
    fn.configure({
      INTEGRATION_CLIENTS: 'cognito',
      USER_POOL_ID: targets.userPool.id,
      INTEGRATION_TOKEN_URL: targets.integrationTokenUrl,
    });
  if ((needs.startExecution || needs.stopExecution) && fn.role) {
    acknowledgeExecutionsWildcard(fn.role, targets.executionsArn);
  }
};

/** Table access from least to most. */
const tableAccess: readonly Needs['table'][] = ['none', 'read', 'write'];

/** Two routes may share a handler module: the function gets the union of what they need. */
export const mergeNeeds = (a: Needs, b: Needs): Needs => ({
  table: tableAccess.indexOf(a.table) >= tableAccess.indexOf(b.table) ? a.table : b.table,
  startExecution: Boolean(a.startExecution || b.startExecution),
  stopExecution: Boolean(a.stopExecution || b.stopExecution),
  sendTaskResult: Boolean(a.sendTaskResult || b.sendTaskResult),
  sendEmail: Boolean(a.sendEmail || b.sendEmail),
  putEvents: Boolean(a.putEvents || b.putEvents),
  signInAccounts:
    a.signInAccounts === true || b.signInAccounts === true ? true : (a.signInAccounts ?? b.signInAccounts),
  integrationClients: Boolean(a.integrationClients || b.integrationClients),
});
