import { type HttpEvent, type HttpResult, problemResult } from './http.ts';
import { matchRoute, unmatchedProblem } from './match-route.ts';
import { routes } from './routes.ts';

/**
 * API Gateway's `$default` route on AWS: a path no route has gets a 404 problem, a known path with another method a
 * 405 with `Allow` — the same answers the local API server gives.
 */
export const handler = async (event: HttpEvent): Promise<HttpResult> => {
  const method = event.requestContext.http.method;
  const path = event.rawPath;
  return problemResult(unmatchedProblem(matchRoute(routes, method, path), method, path));
};
