/**
 * The calls the Cognito adapter (cognito-clients.ts) makes, and nothing else: the CDK app grants exactly these on the
 * user pool to the functions that manage integration clients.
 */
export const integrationClientActions = [
  'cognito-idp:CreateUserPoolClient',
  'cognito-idp:DeleteUserPoolClient',
] as const;
