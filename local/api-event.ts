import type { Buffer } from 'node:buffer';
import type { Context } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import type { HttpEvent } from '#http/http.ts';
import type { RouteSpec } from '#http/routes.ts';

/**
 * What API Gateway (HTTP API, payload format 2.0) hands a Lambda handler, built from a local request; and the Lambda
 * context it runs with. The local API server uses these, and tests that call handlers directly.
 */
const defaultTimeoutSeconds = 29;

/** The JWT authorizer hands claims over as strings; arrays become `[a b]`, exactly as API Gateway flattens them. */
export const authorizerClaims = (payload: JWTPayload): Record<string, string> =>
  Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value),
    ]),
  );

/** API Gateway passes text bodies as they are and base64-encodes the rest. */
const textual = (contentType: string | undefined): boolean =>
  !contentType || /^(text\/|application\/(json|[\w.+-]*\+json|x-www-form-urlencoded|xml))/i.test(contentType);

const queryOf = (url: URL): Record<string, string> | undefined => {
  const query: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key).join(',');
  return Object.keys(query).length > 0 ? query : undefined;
};

export interface EventInput {
  route: RouteSpec;
  params: Record<string, string>;
  url: URL;
  method: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: Buffer;
  requestId: string;
  /** Verified claims, already flattened as the authorizer does; absent on public routes. */
  claims?: Record<string, string>;
  sourceIp?: string;
  protocol?: string;
}

export const apiEvent = (input: EventInput): HttpEvent => {
  const { route, params, url, method, headers, body, requestId, claims } = input;
  const now = new Date();
  const routeKey = `${route.method} ${route.path}`;
  const text = textual(headers['content-type']);
  const query = queryOf(url);
  const host = headers.host ?? 'localhost';
  const event: HttpEvent = {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    ...(query && { queryStringParameters: query }),
    ...(Object.keys(params).length > 0 && { pathParameters: params }),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: [] } },
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      http: {
        method,
        path: url.pathname,
        protocol: input.protocol ?? 'HTTP/1.1',
        sourceIp: input.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.byteLength > 0 && { body: text ? body.toString('utf8') : body.toString('base64') }),
    isBase64Encoded: body.byteLength > 0 && !text,
  };
  // A public route has no authorizer, so API Gateway sends no authorizer context at all.
  if (!claims) delete (event.requestContext as { authorizer?: unknown }).authorizer;
  return event;
};

export const lambdaContext = (route: RouteSpec, requestId: string): Context => {
  const timeoutMs = (route.timeoutSeconds ?? defaultTimeoutSeconds) * 1000;
  const deadline = Date.now() + timeoutMs;
  const functionName = `local-${route.handler.replace(/^.*\//, '').replace(/\.ts$/, '')}`;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: String(route.memoryMb ?? 512),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};
