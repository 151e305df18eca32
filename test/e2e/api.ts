import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Role } from '#domain/company.ts';
import { dynamoClient } from '#functions/clients/dynamodb.ts';
import { reloadConfig } from '#functions/config.ts';
import { storeFromConfig } from '#store/from-config.ts';
import { createTable, deleteTable } from '#store/table.ts';
import { type ApiServer, startApiServer } from '../../local/api-server.ts';
import { createDevIssuer, type DevIssuer } from '../../local/dev-tokens.ts';
import { type StepFunctionsLocal, startStepFunctionsLocal } from '../../local/stepfunctions/index.ts';
import { contractFetch } from './contract.ts';
import { startTestStack } from './test-stack.ts';

/**
 * The API as a client meets it: the local API server over real HTTP, the real handlers, DynamoDB Local (one table per
 * test file) and the local Step Functions service. `holdWorkflow` deploys a stand-in machine named like the real one
 * that only waits, so the API's own behaviour is tested without the workflow moving the RFQ.
 */
export interface User {
  email: string;
  groups: Role[];
  companyId?: string;
}

/** Answers are read as loose JSON: the tests assert their shape. */
// biome-ignore lint/suspicious/noExplicitAny: see above
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

const holdDefinition = JSON.stringify({
  StartAt: 'Hold',
  States: { Hold: { Type: 'Wait', Seconds: 3600, End: true } },
});

export interface Api {
  url: string;
  tableName: string;
  issuer: DevIssuer;
  stepFunctions: StepFunctionsLocal;
  store: ReturnType<typeof storeFromConfig>;
  tokenFor(user: User): Promise<string>;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read as loose JSON
  call<T = any>(
    method: string,
    path: string,
    options?: { as?: User | string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<Answer<T>>;
  stop(): Promise<void>;
}

/** Calls the API as a client would: real HTTP, a dev token for the user; every answer is checked by the contract. */
const client = (url: string, issuer: DevIssuer): Pick<Api, 'url' | 'tokenFor' | 'call'> => {
  const tokenFor = (user: User) => issuer.token(user);
  return {
    url,
    tokenFor,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.as)
        headers.authorization = `Bearer ${typeof options.as === 'string' ? options.as : await tokenFor(options.as)}`;
      let body: string | undefined = options.raw;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await contractFetch(`${url}${path}`, { method, headers, ...(body !== undefined && { body }) });
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      return {
        status: response.status,
        headers: response.headers,
        text,
        body: type.includes('json') && text ? JSON.parse(text) : text,
      };
    },
  };
};

/**
 * The whole local stack (`npm start`'s composition) on the test run's DynamoDB Local and SES, with the real workflow
 * and step handlers; the caller seeds what it needs through the API.
 */
export const startApiOnStack = async (
  options: { timeScale?: number; kpiStream?: boolean } = {},
): Promise<Api & { sesEndpoint: string; kpisCaughtUp(): Promise<void> }> => {
  const stack = await startTestStack('e2e', { seed: false, ...options });
  const { tableName } = stack;
  return {
    ...client(stack.urls.api, stack.issuer),
    sesEndpoint: stack.urls.ses,
    kpisCaughtUp: () => {
      if (!stack.kpiStream) throw new Error('startApiOnStack({ kpiStream: true }) to read KPIs from the stream');
      return stack.kpiStream.caughtUp();
    },
    tableName,
    issuer: stack.issuer,
    stepFunctions: stack.stepFunctions,
    store: storeFromConfig(),
    async stop() {
      await stack.stop();
      await deleteTable(dynamoClient(), tableName);
    },
  };
};

export const startApi = async (): Promise<Api> => {
  const tableName = `e2e-${randomUUID().slice(0, 8)}`;
  const stepFunctions = await startStepFunctionsLocal({
    stateMachines: [{ name: 'quote-to-order-hold', definition: holdDefinition, substitutions: {} }],
    lambdas: {},
  });
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    SES_ENDPOINT: inject('sesEndpoint'),
    SFN_ENDPOINT: stepFunctions.endpoint,
    STATE_MACHINE_ARN: stepFunctions.stateMachineArn('quote-to-order-hold'),
  });
  reloadConfig();
  await createTable(dynamoClient(), tableName, { stream: false });
  const issuer = await createDevIssuer();
  let server: ApiServer;
  try {
    server = await startApiServer({
      jwt: { issuer: issuer.issuer, audience: issuer.audience, jwks: issuer.jwks },
      devIssuer: issuer,
    });
  } catch (error) {
    await stepFunctions.stop();
    throw error;
  }
  return {
    ...client(server.url, issuer),
    tableName,
    issuer,
    stepFunctions,
    store: storeFromConfig(),
    async stop() {
      await server.stop();
      await stepFunctions.stop();
      await deleteTable(dynamoClient(), tableName);
    },
  };
};
