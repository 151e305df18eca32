/** What a function (an HTTP route or a workflow step) needs from AWS; least-privilege IAM is derived from it. */
export interface Needs {
  /** `none` for what answers without the table: page shells, static assets, the OpenAPI document. */
  table: 'none' | 'read' | 'write';
  startExecution?: boolean;
  stopExecution?: boolean;
  sendTaskResult?: boolean;
  sendEmail?: boolean;
  putEvents?: boolean;
  /**
   * The people's sign-in accounts (the Cognito user pool's admin calls of functions/accounts/cognito-actions.ts):
   * `true` changes them, `read` only looks them up.
   */
  signInAccounts?: boolean | 'read';
  /** The integration clients (Cognito app clients of the user pool: functions/integrations/cognito-clients.ts). */
  integrationClients?: boolean;
}
