import { Validations } from 'aws-cdk-lib';
import {
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  type IHttpApi,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Construct } from 'constructs';
import type { RouteSpec } from '#http/routes.ts';
import { type FunctionDefaults, QuoteToOrderFunction } from './function.ts';
import { nagReason } from './nag.ts';
import { grantNeeds, mergeNeeds, type Targets } from './permissions.ts';

export interface ApiRoutesProps {
  httpApi: IHttpApi;
  /** The JWT authorizer of every `auth: 'jwt'` route that integrations may not call (no `scope`). */
  authorizer: IHttpRouteAuthorizer;
  defaults: FunctionDefaults;
  targets: Targets;
}

/** `functions/http/get-rfq.ts` → `GetRfq`. */
export const functionId = (handler: string): string =>
  (handler.split('/').pop() ?? handler)
    .replace(/\.ts$/, '')
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

/**
 * Routes of the route table on the HTTP API, each integrated with the function of its handler module: one function
 * per module (routes that share a module share the function, with the union of their needs); public routes carry no
 * authorizer. The routes live here, beside their functions, not in the API's own stack.
 */
export class ApiRoutes extends Construct {
  readonly functions = new Map<string, QuoteToOrderFunction>();

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ApiRoutesProps,
  ) {
    super(scope, id);
  }

  add(routes: readonly RouteSpec[]): void {
    const byHandler = new Map<string, RouteSpec[]>();
    for (const route of routes) byHandler.set(route.handler, [...(byHandler.get(route.handler) ?? []), route]);
    for (const [handler, shared] of byHandler) {
      const fn = this.functionFor(handler, shared);
      const integration = new HttpLambdaIntegration(`${fn.node.id}Integration`, fn);
      for (const route of shared) {
        const apiRoute = new HttpRoute(this, `${route.method}${route.path}`, {
          httpApi: this.props.httpApi,
          routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
          integration,
          ...(route.auth === 'jwt' && !route.scope && { authorizer: this.props.authorizer }),
        });
        // A route integrations call too verifies its token in the function (http/bearer-token.ts).
        if (route.auth === 'public' || route.scope)
          Validations.of(apiRoute).acknowledge(nagReason('AwsSolutions-APIG4'));
      }
    }
  }

  /**
   * API Gateway's `$default` route: whatever no route of the table matches gets the handler's 404 / 405 problem
   * instead of API Gateway's own `{"message":"Not Found"}`.
   */
  addUnmatched(spec: Pick<RouteSpec, 'handler' | 'auth' | 'needs'>): void {
    const fn = this.functionFor(spec.handler, [spec]);
    const route = new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.props.httpApi,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration(`${fn.node.id}Integration`, fn),
      ...(spec.auth === 'jwt' && { authorizer: this.props.authorizer }),
    });
    if (spec.auth === 'public') Validations.of(route).acknowledge(nagReason('AwsSolutions-APIG4'));
  }

  private functionFor(
    handler: string,
    shared: readonly Pick<RouteSpec, 'needs' | 'memoryMb' | 'timeoutSeconds'>[],
  ): QuoteToOrderFunction {
    const id = functionId(handler);
    const fn = new QuoteToOrderFunction(this, id, {
      handler,
      memoryMb: Math.max(...shared.map((route) => route.memoryMb ?? 0)) || undefined,
      timeoutSeconds: Math.max(...shared.map((route) => route.timeoutSeconds ?? 0)) || undefined,
      defaults: this.props.defaults,
    });
    grantNeeds(fn, shared.map((route) => route.needs).reduce(mergeNeeds), this.props.targets);
    this.functions.set(id, fn);
    return fn;
  }
}
