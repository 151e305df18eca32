import { HttpProblem } from './problem.ts';
import type { RouteSpec } from './routes.ts';

/**
 * Matching a request against the route table the way API Gateway does: `{name}` is one path segment, `{name+}` the
 * rest. Used by the local API server, and by the `$default` route on AWS to answer unknown paths and wrong methods.
 */
const patterns = new WeakMap<RouteSpec, RegExp>();

const patternOf = (route: RouteSpec): RegExp => {
  let pattern = patterns.get(route);
  if (!pattern) {
    const source = route.path
      .split('/')
      .map((segment) => {
        const param = /^\{(\w+)(\+?)\}$/.exec(segment);
        if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        return param[2] ? `(?<${param[1]}>.+)` : `(?<${param[1]}>[^/]+)`;
      })
      .join('/');
    pattern = new RegExp(`^${source}$`);
    patterns.set(route, pattern);
  }
  return pattern;
};

const decode = (value: string): string | undefined => {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
};

export type Match<R extends RouteSpec> =
  | { kind: 'route'; route: R; params: Record<string, string> }
  | { kind: 'wrong-method'; allow: string[] }
  | { kind: 'none' };

export const matchRoute = <R extends RouteSpec>(routes: readonly R[], method: string, path: string): Match<R> => {
  const allow: string[] = [];
  for (const route of routes) {
    const found = patternOf(route).exec(path);
    if (!found) continue;
    if (route.method !== method.toUpperCase()) {
      allow.push(route.method);
      continue;
    }
    const params: Record<string, string> = {};
    for (const [name, raw] of Object.entries(found.groups ?? {})) {
      const value = decode(raw);
      if (value === undefined) return { kind: 'none' };
      params[name] = value;
    }
    return { kind: 'route', route, params };
  }
  return allow.length > 0 ? { kind: 'wrong-method', allow } : { kind: 'none' };
};

/** The problem for a request no route answers: 404, or 405 with the methods the path does accept. */
export const unmatchedProblem = (match: Match<RouteSpec>, method: string, path: string): HttpProblem =>
  match.kind === 'wrong-method'
    ? new HttpProblem(405, `${method} is not allowed on ${path}`, undefined, { allow: match.allow.join(', ') })
    : new HttpProblem(404, `no route ${method} ${path}`);
