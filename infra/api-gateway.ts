import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpAuthorizer,
  HttpAuthorizerType,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionDefaults } from './function.ts';

export interface ApiGatewayProps {
  rateLimit: number;
  burstLimit: number;
  defaults: Pick<FunctionDefaults, 'logRetention' | 'removalPolicy'>;
}

/**
 * Only what identifies a request, never `$context.path`: an approval link's path is its token, which must not
 * outlive the click in a log line. The route key (`POST /approvals/{token}`) says which route without it.
 */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    sub: '$context.authorizer.claims.sub',
  }),
);

/**
 * The HTTP API itself: a `$default` stage with throttling and access logs, and the JWT authorizer over the Cognito
 * user pool. It lives with the site that fronts it (infra/stacks.ts); the routes and their functions live in the API
 * stacks (infra/api.ts), which attach to it by id. The stage deploys itself on every change, whichever stack made it.
 */
export class ApiGateway extends Construct {
  readonly httpApi: HttpApi;
  /** The base URL, ending in `/`. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ApiGatewayProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'quote-to-order: RFQs, quotes, email-link approvals, orders',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.defaults.logRetention,
      removalPolicy: props.defaults.removalPolicy,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat },
    });
    this.url = `${this.httpApi.apiEndpoint}/`;
  }

  /**
   * The JWT authorizer of every `auth: 'jwt'` route: the user pool's issuer and the app clients whose ID tokens are
   * accepted (`aud`). Made once the clients exist (the web client needs the site's URL first); routes in other
   * stacks attach it by id.
   */
  authorizeWith(issuer: string, audience: string[]): IHttpRouteAuthorizer {
    const jwt = new HttpAuthorizer(this, 'CognitoJwt', {
      httpApi: this.httpApi,
      type: HttpAuthorizerType.JWT,
      identitySource: ['$request.header.Authorization'],
      jwtIssuer: issuer,
      jwtAudience: audience,
    });
    return HttpAuthorizer.fromHttpAuthorizerAttributes(this, 'CognitoJwtForRoutes', {
      authorizerId: jwt.authorizerId,
      authorizerType: HttpAuthorizerType.JWT,
    });
  }
}
