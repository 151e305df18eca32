import type { RouteSpec } from '#http/routes.ts';

/**
 * The API's routes are deployed in a few stacks, so no stack nears CloudFormation's 500 resources as routes grow (a
 * route with its own function is about 8). A route's stack is chosen by its first path segment, so a resource's
 * routes stay together and a new route lands beside its siblings.
 *
 * Moving a segment to another stack takes two deploys (remove it from the first, then add it to the second): API
 * Gateway refuses a route key the API still has.
 */
export const apiParts = {
  /** The RFQ's life: the buyer's and the rep's RFQ routes, the email links, a person's own tasks and delegation. */
  QuotesApi: ['rfqs', 'approvals', 'me'],
  /** Who buys what at which price: companies with their people, rules, budgets and contracts, the catalog. */
  CustomersApi: ['companies', 'products', 'catalog'],
  /** Orders and what reads across them (KPIs, the OpenAPI document), and any segment not listed above. */
  OrdersApi: ['orders', 'kpis', 'openapi.json'],
} as const satisfies Record<string, readonly string[]>;

export type ApiPart = keyof typeof apiParts;

/** Where a segment no part lists goes: new segments (issue 27's integrations, ...) start there. */
const otherSegments: ApiPart = 'OrdersApi';

export const apiPartOf = (route: Pick<RouteSpec, 'path'>): ApiPart => {
  const segment = route.path.replace(/^\//, '').split('/')[0] ?? '';
  const listed = (Object.entries(apiParts) as [ApiPart, readonly string[]][]).find(([, segments]) =>
    segments.includes(segment),
  );
  return listed ? listed[0] : otherSegments;
};

/** API Gateway's `$default` route (404/405 problems) goes with the catch-all part. */
export const unmatchedRoutePart: ApiPart = otherSegments;
