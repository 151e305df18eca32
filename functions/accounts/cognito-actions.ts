/**
 * The admin calls the Cognito adapter (cognito-accounts.ts) makes, and nothing else: the CDK app grants exactly these
 * on the user pool to the one function that manages a company's users, and a unit test holds the adapter to them.
 */
export const cognitoActions = [
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUserGlobalSignOut',
] as const;

/** What a function that only reads the accounts (whose invitation is still open) is granted: one lookup. */
export const cognitoReadActions = ['cognito-idp:AdminGetUser'] as const;
