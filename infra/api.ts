import { Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteSpec } from '#http/routes.ts';
import { type FunctionDefaults, QuoteToOrderFunction } from './function.ts';
import { nagReason } from './nag.ts';
import { grantNeeds, mergeNeeds, type Targets } from './permissions.ts';

export interface ApiProps {
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

/** `functions/http/get-rfq.ts` → `GetRfq`. */
const functionId = (handler: string): string =>
  (handler.split('/').pop() ?? handler)
    .replace(/\.ts$/, '')
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

/**
 * The HTTP API: a `$default` stage with throttling and access logs, a JWT authorizer over the Cognito user pool, and
 * one route per entry of the route table, each integrated with the function of its handler module.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  /** The base URL, ending in `/`; what the email links start with. */
  readonly url: string;
  readonly functions = new Map<string, QuoteToOrderFunction>();
  private authorizer: HttpJwtAuthorizer | undefined;

  constructor(scope: Construct, id: string, props: ApiProps) {
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
   * accepted (`aud`). Set before the routes, once the clients exist (the web client needs the site's URL first).
   */
  authorizeWith(issuer: string, audience: string[]): void {
    this.authorizer = new HttpJwtAuthorizer('CognitoJwt', issuer, { jwtAudience: audience });
  }

  private jwtAuthorizer(): HttpJwtAuthorizer {
    if (!this.authorizer) throw new Error('Api.authorizeWith must be called before routes are added');
    return this.authorizer;
  }

  /**
   * One function per handler module (routes that share a module share the function, with the union of their
   * needs) and one API route per route-table entry; public routes carry no authorizer.
   */
  addRoutes(routes: readonly RouteSpec[], defaults: FunctionDefaults, targets: Targets): void {
    const byHandler = new Map<string, RouteSpec[]>();
    for (const route of routes) byHandler.set(route.handler, [...(byHandler.get(route.handler) ?? []), route]);
    for (const [handler, shared] of byHandler) {
      const id = functionId(handler);
      const fn = new QuoteToOrderFunction(this, id, {
        handler,
        memoryMb: Math.max(...shared.map((route) => route.memoryMb ?? 0)) || undefined,
        timeoutSeconds: Math.max(...shared.map((route) => route.timeoutSeconds ?? 0)) || undefined,
        defaults,
      });
      grantNeeds(fn, shared.map((route) => route.needs).reduce(mergeNeeds), targets);
      this.functions.set(id, fn);
      const integration = new HttpLambdaIntegration(`${id}Integration`, fn);
      for (const route of shared) {
        const added = this.httpApi.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration,
          ...(route.auth === 'jwt' && { authorizer: this.jwtAuthorizer() }),
        });
        if (route.auth === 'public') {
          for (const publicRoute of added) Validations.of(publicRoute).acknowledge(nagReason('AwsSolutions-APIG4'));
        }
      }
    }
  }

  /**
   * API Gateway's `$default` route: whatever no route of the table matches gets the handler's 404 / 405 problem
   * instead of API Gateway's own `{"message":"Not Found"}`.
   */
  addUnmatchedRoute(spec: Pick<RouteSpec, 'handler' | 'auth' | 'needs'>, defaults: FunctionDefaults, targets: Targets) {
    const id = functionId(spec.handler);
    const fn = new QuoteToOrderFunction(this, id, { handler: spec.handler, defaults });
    grantNeeds(fn, spec.needs, targets);
    this.functions.set(id, fn);
    const route = new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration(`${id}Integration`, fn),
      ...(spec.auth === 'jwt' && { authorizer: this.jwtAuthorizer() }),
    });
    if (spec.auth === 'public') Validations.of(route).acknowledge(nagReason('AwsSolutions-APIG4'));
  }
}
