import { Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  type CfnUserPool,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolEmail,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { type IntegrationScope, integrationScopes, resourceServer } from '#domain/integration.ts';
import { cognitoPlaceholders, invitationEmail, invitationValidDays } from '#email/invitation.ts';
import { nagReason } from './nag.ts';

/** The groups the API's `cognito:groups` claim draws from; the handlers authorize on them. */
export const groups = ['buyer', 'approver', 'rep', 'sales-manager', 'admin'] as const;

export interface AuthProps {
  requireMfa: boolean;
  deletionProtection: boolean;
  /** `ses`: the pool mails through the app's SES identity (which must already be verified); `cognito`: 50 a day. */
  mail: 'ses' | 'cognito';
  mailFrom: string;
  mailDomain?: string | undefined;
  configurationSetName: string;
  /** The hosted domain's prefix; by default the stack name and account, lower-cased. */
  domainPrefix?: string | undefined;
}

/**
 * Who may call the API: a Cognito user pool with the five role groups and `custom:companyId` (which company a buyer
 * or approver belongs to), a hosted domain with managed login for the web app's sign-in, and the app clients whose
 * ID tokens the HTTP API's JWT authorizer accepts. Users are created by an admin (no self sign-up: a B2B buyer is
 * invited by the seller), and a user can never change their own company — a client may read `custom:companyId` but
 * not write it.
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  /** The JWT issuer: what the authorizer checks `iss` against, and the web app's OIDC authority. */
  readonly issuer: string;
  readonly issuerOrigin: string;
  /** Where integration clients get their tokens (client credentials), on the managed login's domain. */
  readonly tokenUrl: string;
  /** The managed login's host name, which the web app's CSP must allow to reach (token endpoint). */
  readonly domainName: string;
  /**
   * The managed login's sign-out: the app sends the person there with `client_id` and `logout_uri` (one of the web
   * client's sign-out URLs). Cognito's discovery document names no end-session endpoint, so the app is told this one.
   */
  readonly signOutUrl: string;

  private readonly mail: AuthProps['mail'];

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.mail = props.mail;
    const stack = Stack.of(this);
    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      // `Dana@Acme.example` and `dana@acme.example` are one person, as the app's lists and the local provider hold.
      // Changing it on an existing pool replaces the pool (and its people): it was set before the first deploy.
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: { companyId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(invitationValidDays),
      },
      mfa: props.requireMfa ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      email:
        props.mail === 'ses'
          ? UserPoolEmail.withSES({
              fromEmail: props.mailFrom,
              sesRegion: stack.region,
              ...(props.mailDomain && { sesVerifiedDomain: props.mailDomain }),
              configurationSetName: props.configurationSetName,
            })
          : UserPoolEmail.withCognito(),
      deletionProtection: props.deletionProtection,
      removalPolicy: props.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.userPool).acknowledge(nagReason('AwsSolutions-COG8'));
    if (!props.requireMfa) Validations.of(this.userPool).acknowledge(nagReason('AwsSolutions-COG2'));
    for (const group of groups) {
      new UserPoolGroup(this, `Group-${group}`, { userPool: this.userPool, groupName: group });
    }
    const domainPrefix = props.domainPrefix ?? Fn.join('-', [stack.stackName.toLowerCase(), stack.account]);
    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // The host from the prefix, not from the domain resource: the site's CSP names the host and the pool's invitation
    // names the site (inviteTo), so a reference to the resource would make the pool and the site a cycle.
    this.domainName = `${domainPrefix}.auth.${stack.region}.amazoncognito.com`;
    this.signOutUrl = `https://${this.domainName}/logout`;
    this.issuerOrigin = `https://cognito-idp.${stack.region}.${stack.urlSuffix}`;
    this.issuer = `${this.issuerOrigin}/${this.userPool.userPoolId}`;
    this.tokenUrl = `https://${this.domainName}/oauth2/token`;
    // The scopes integration clients are given (one app client each, made by the API: functions/integrations).
    this.userPool.addResourceServer('Integrations', {
      identifier: resourceServer,
      userPoolResourceServerName: 'quote-to-order integrations',
      scopes: integrationScopes.map(
        (scope) => new ResourceServerScope({ scopeName: scope, scopeDescription: scopeDescriptions[scope] }),
      ),
    });
  }

  /**
   * The invitation a newcomer gets names the app's URL and the seller (functions/email/invitation.ts, the text the
   * local pool mails too, with Cognito's `{username}` and `{####}`). Cognito takes a template only when it mails
   * through SES (`EmailSendingAccount: DEVELOPER`); with its own mail (`userPoolMail: cognito`) the invitation is its
   * default text, without the URL.
   */
  inviteTo(appUrl: string, sellerName: string): void {
    if (this.mail !== 'ses') return;
    const message = invitationEmail({ to: '', sellerName, appUrl, signIn: cognitoPlaceholders });
    (this.userPool.node.defaultChild as CfnUserPool).addPropertyOverride(
      'AdminCreateUserConfig.InviteMessageTemplate',
      { EmailSubject: message.subject, EmailMessage: message.html },
    );
  }

  /**
   * The web app's client: managed login, authorization code with PKCE (a public client: no secret, so the SPA proves
   * possession with its code verifier), never the implicit flow; sign-in returns to `/app/callback` (web/src/auth) and
   * sign-out lands on `/app/`.
   */
  addWebClient(callbackUrls: string[], logoutUrls: string[]): UserPoolClient {
    const client = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls,
        logoutUrls,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      ...clientDefaults,
    });
    new CfnManagedLoginBranding(this, 'WebClientLogin', {
      userPoolId: this.userPool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    return client;
  }

  /**
   * The operators' client, for scripts and the smoke test: ADMIN_USER_PASSWORD_AUTH only, which needs the caller's
   * AWS credentials (cognito-idp:AdminInitiateAuth), so it is no way in for someone with just a password. No OAuth.
   */
  addOperatorClient(): UserPoolClient {
    return this.userPool.addClient('OperatorClient', {
      generateSecret: false,
      authFlows: { adminUserPassword: true },
      disableOAuth: true,
      ...clientDefaults,
    });
  }
}

const scopeDescriptions: Record<IntegrationScope, string> = {
  'orders.read': 'Read orders, their documents and the event feed',
  'orders.write': 'Report confirmations, shipments, invoices and cancellations',
  'catalog.write': 'Write products, contracts and companies',
};

const clientDefaults = {
  preventUserExistenceErrors: true,
  enableTokenRevocation: true,
  idTokenValidity: Duration.hours(1),
  accessTokenValidity: Duration.hours(1),
  refreshTokenValidity: Duration.days(30),
  readAttributes: new ClientAttributes()
    .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
    .withCustomAttributes('companyId'),
  writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
} as const;
