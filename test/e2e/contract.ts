import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchRoute } from '#http/match-route.ts';
import { problemSchema, responsesOf } from '#http/responses.ts';
import { routes } from '#http/routes.ts';
import { prismEnabled, prismForwards, responseViolations, throughPrism } from './prism.ts';

/**
 * Every answer the tests receive from the API, checked against the contract the route table declares (the one the
 * OpenAPI document is generated from): a status the route does not declare, a media type it does not give for that
 * status, or a body its schema refuses fails the test that received it. Production never does this (the handlers'
 * types tie views to schemas); the tests' clients do it for every call, so the contract is checked by what the API
 * really answers, not by what a test thought to assert.
 *
 * Each checked answer is counted in `test-artifacts/contract/` (one file per test process), which the global
 * setup's teardown sums for the run.
 */
export const answersDir = fileURLToPath(new URL('../../test-artifacts/contract/', import.meta.url));

/**
 * Paths on the API's origin that are not the API: the web app, the local sign-in and the dev token issuer's key set
 * (never in the route table).
 */
const notTheApi = /^\/(app|oidc|dev|\.well-known)(\/|$)/;

export interface Exchange {
  method: string;
  /** The whole URL asked for; its path picks the route. */
  url: string;
  status: number;
  contentType: string | null;
  text: string;
}

const mediaTypeOf = (contentType: string | null): string => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol('not JSON');
  }
};

/** What is wrong with an answer by the contract, or nothing; `route` names what it was checked against. */
export const contractBreach = (exchange: Exchange): { route: string; breach?: string } | undefined => {
  const path = new URL(exchange.url).pathname;
  if (notTheApi.test(path)) return undefined;
  const method = exchange.method.toUpperCase();
  const type = mediaTypeOf(exchange.contentType);
  const match = matchRoute(routes, method, path);
  if (match.kind !== 'route') {
    const expected = match.kind === 'wrong-method' ? 405 : 404;
    const body = problemSchema.safeParse(parsed(exchange.text));
    if (exchange.status !== expected || type !== 'application/problem+json' || !body.success)
      return {
        route: `${method} ${path}`,
        breach: `no route: expected a ${expected} problem, got ${exchange.status} ${type}`,
      };
    return { route: '(no route)' };
  }
  const route = match.route.key;
  const declared = responsesOf(match.route)[exchange.status];
  if (!declared) return { route, breach: `status ${exchange.status} is not one ${route} declares` };
  if (!declared.content) {
    return exchange.text === ''
      ? { route }
      : { route, breach: `${route} declares no body for ${exchange.status}, got ${type || 'one'}` };
  }
  const schema = declared.content[type as keyof typeof declared.content];
  if (!schema)
    return {
      route,
      breach: `${route} ${exchange.status} answers ${Object.keys(declared.content).join(' or ')}, not ${type || 'no content type'}`,
    };
  const value = type.endsWith('json') ? parsed(exchange.text) : exchange.text;
  const result = schema.safeParse(value);
  if (result.success) return { route };
  const issues = result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).slice(0, 10);
  return { route, breach: `${route} ${exchange.status} ${type} body breaks its schema:\n  ${issues.join('\n  ')}` };
};

let recorded = false;

/** One line per checked answer: `answer <route> <status>`, or `prism <route> <status> <violation>`. */
const record = (line: string) => {
  if (!recorded) mkdirSync(answersDir, { recursive: true });
  recorded = true;
  appendFileSync(join(answersDir, `${process.pid}.txt`), `${line}\n`);
};

/**
 * Throws when the answer breaks the contract — by our schemas, or by Prism's reading of the OpenAPI document when the
 * call went through it (`violations`) — and counts it when it keeps it.
 */
export const checkAnswer = (exchange: Exchange, violations: readonly string[] = []): void => {
  const verdict = contractBreach(exchange);
  if (!verdict) return;
  for (const violation of violations) record(`prism ${verdict.route} ${exchange.status} ${violation}`);
  if (verdict.breach)
    throw new Error(`the API broke its contract answering ${exchange.method} ${exchange.url}: ${verdict.breach}`);
  if (violations.length > 0)
    throw new Error(
      `Prism finds the answer to ${exchange.method} ${exchange.url} (${exchange.status}) off the OpenAPI document:\n  ${violations.join('\n  ')}`,
    );
  record(`answer ${verdict.route} ${exchange.status}`);
};

/**
 * Whether Prism's proxy can carry the route's answer as the API gave it. Prism 5.16 follows an upstream redirect
 * itself and answers what it led to (stoplightio/prism#1977, open), and re-encodes a binary body as text, which
 * breaks a PDF; such a call goes to the API directly and our own check judges it.
 */
const prismCarries = (method: string, url: string): boolean => {
  const match = matchRoute(routes, method.toUpperCase(), new URL(url).pathname);
  if (match.kind !== 'route') return true;
  return !Object.entries(match.route.responses).some(
    ([status, response]) => status.startsWith('3') || 'application/pdf' in (response.content ?? {}),
  );
};

/**
 * `fetch`, with the answer checked against the contract before the caller reads it (from a copy, so the caller still
 * reads the body as it likes).
 */
export const contractFetch = async (input: string | URL, init: RequestInit = {}): Promise<Response> => {
  const url = String(input);
  const viaPrism =
    prismEnabled() &&
    !notTheApi.test(new URL(url).pathname) &&
    prismForwards(init) &&
    prismCarries(init.method ?? 'GET', url);
  const response = await fetch(viaPrism ? await throughPrism(url) : url, init);
  checkAnswer(
    {
      method: init.method ?? 'GET',
      // A followed redirect is checked where it ended (the web app's page, not the API's).
      url: response.url || url,
      status: response.status,
      contentType: response.headers.get('content-type'),
      text: await response.clone().text(),
    },
    viaPrism ? responseViolations(response.headers.get('sl-violations')) : [],
  );
  return response;
};
