import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Role } from '#domain/company.ts';
import { createTableAccounts } from '#functions/accounts/table-accounts.ts';
import { documentClient, dynamoClient } from '#functions/clients/dynamodb.ts';
import { brandOf, config, reloadConfig } from '#functions/config.ts';
import { createTableClients } from '#functions/integrations/table-clients.ts';
import { storeFromConfig } from '#store/from-config.ts';
import { createTable } from '#store/table.ts';
import {
  definitionText,
  liveAlias,
  localStepVersion,
  type StepSpec,
  stepFunctions,
} from '#workflows/quote-to-order.ts';
import { webhookRetriesText, webhookRetryFunctions } from '#workflows/webhook-retries.ts';
import { createDevIssuer, type DevIssuer } from './dev-tokens.ts';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { type EventBridgeLocal, startEventBridgeLocal } from './eventbridge.ts';
import { assertPortFree, freePort } from './free-port.ts';
import { localConfigurationSet, mailFeedbackLocalRule, simulateMailboxes } from './mail-feedback.ts';
import { createOidcProvider } from './oidc-provider.ts';
import { type DemoIntegration, seedDemoIntegration } from './seed/integration.ts';
import { seedKpiHistory } from './seed/kpi-history.ts';
import { demoPassword, demoUsers, seedDemoAccounts, seedDemoData } from './seed/seed.ts';
import { startSesLocal } from './ses-local.ts';
import type { LocalLambda, StepFunctionsLocal } from './stepfunctions/index.ts';
import { type StreamPoller, startStreamPoller } from './stream-poller.ts';
import { appFiles, buildWebApp } from './web-app.ts';
import { webhookDispatchLocalRule, webhookRetriesName } from './webhooks.ts';

export type Service =
  | 'DynamoDB Local'
  | 'SES + inbox'
  | 'EventBridge'
  | 'table'
  | 'Step Functions'
  | 'HTTP API'
  | 'web app'
  | 'seed'
  | 'KPI stream'
  | 'KPI history';

export interface Progress {
  service: Service;
  state: 'starting' | 'ready';
  /** How long it took, once ready. */
  ms?: number;
  detail?: string;
}

export interface StackOptions {
  /** Keep DynamoDB's data in `.data/` between runs (in memory otherwise). */
  persist?: boolean;
  /** Fixed ports (a taken one is a one-line error); a free port for each one left out. */
  ports?: { api?: number; ses?: number; stepFunctions?: number; dynamodb?: number; events?: number };
  /** Already running services to reuse instead of starting them (the test run's shared DynamoDB Local and SES). */
  reuse?: { dynamoEndpoint?: string; sesEndpoint?: string };
  /** Multiplies every workflow timeout and retry interval (0.001 makes a 48 h wait last under three minutes). */
  timeScale?: number;
  tableName?: string;
  /** Load the demo catalog, companies, contracts and rules (default true). */
  seed?: boolean;
  /** Also seed a year of KPI history, as rollups (default false; `npm start` asks for it). */
  kpiHistory?: boolean;
  /**
   * Keep the KPIs current from the table's change stream (default true). A test that reads no KPIs turns it off:
   * DynamoDB Local keeps every stream record of every table in its one database while it runs, and a full test run's
   * records slow every write that comes after them.
   */
  kpiStream?: boolean;
  /** Extra settings for the functions (e.g. QUOTE_VALIDITY_SECONDS), applied with the stack's own. */
  env?: Record<string, string>;
  /** Step handlers to run instead of the real ones, by substitution key (a test's step that keeps failing). */
  steps?: Record<string, LocalLambda>;
  /** ASL to run instead of the workflow's (a test of the API alone runs one that only waits). */
  definition?: string;
  /** What the local Step Functions service says of its executions (each one's start and end). */
  serviceLog?: (line: string) => void;
  log?: (progress: Progress) => void;
}

export interface StackUrls {
  api: string;
  /** The web app (`/app/` on the API's origin). */
  app: string;
  /** The local OIDC provider (the app's sign-in): its issuer URL. */
  signIn: string;
  inbox: string;
  openapi: string;
  ses: string;
  stepFunctions: string;
  dynamodb: string;
  events: string;
}

export interface LocalStack {
  urls: StackUrls;
  tableName: string;
  stateMachineArn: string;
  issuer: DevIssuer;
  stepFunctions: StepFunctionsLocal;
  events: EventBridgeLocal;
  /** The stream poller feeding the KPI rollups (`caughtUp()` before reading KPIs in a test); none when turned off. */
  kpiStream: StreamPoller | undefined;
  /** The seeded integration client and how to get its token; none when the stack was not seeded. */
  integration: DemoIntegration | undefined;
  /** A dev token, as `POST /dev/token` would mint it. */
  tokenFor(user: { email: string; groups: Role[]; companyId?: string }): Promise<string>;
  /** Stops everything this call started, last started first; safe to call twice. */
  stop(): Promise<void>;
}

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const region = 'us-east-1';
const accountId = '000000000000';
const stateMachineName = 'quote-to-order';
/** The web app's client at the local OIDC provider: its ID tokens' audience. */
const localClientId = 'quote-to-order-local';

const pickPort = async (port: number | undefined, service: string): Promise<number> => {
  if (port === undefined) return freePort();
  await assertPortFree(port, service);
  return port;
};

const settled = <T extends readonly unknown[]>(results: { [K in keyof T]: PromiseSettledResult<T[K]> }): T => {
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
};

/** The ARN each `${...FunctionArn}` substitutes to: what the CDK app's functions are called, in the local account. */
const functionArn = (key: string): string =>
  `arn:aws:lambda:${region}:${accountId}:function:${stateMachineName}-${key.replace(/FunctionArn$/, '')}`;

/** Imports every step handler an ASL names. Called only after the env is set: handlers read their config once. */
const loadStepHandlers = async (
  specs: Record<string, StepSpec>,
  replaced: Record<string, LocalLambda>,
): Promise<{
  lambdas: Record<string, LocalLambda>;
  substitutions: Record<string, string>;
}> => {
  const lambdas: Record<string, LocalLambda> = {};
  const substitutions: Record<string, string> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const module = (await import(pathToFileURL(resolve(root, spec.handler)).href)) as { handler?: LocalLambda };
    if (typeof module.handler !== 'function') throw new Error(`${spec.handler} exports no handler`);
    // The definition names a version of each function, as the deployed one does (infra/workflow.ts).
    substitutions[key] = `${functionArn(key)}:${localStepVersion}`;
    lambdas[functionArn(key)] = replaced[key] ?? module.handler;
  }
  return { lambdas, substitutions };
};

/**
 * Starts the whole local stack in this process: DynamoDB Local, the local SES and its inbox (behind SES's mailbox
 * simulator, whose bounces and complaints reach the mail feedback handler through the EventBridge), the EventBridge,
 * the local Step Functions service running `workflows/quote-to-order.asl.json` with the step handlers in process, and
 * the local HTTP API with its dev token issuer; then creates the table and seeds it. The handlers reach every service
 * through the endpoint settings alone, so they run the code path they run on AWS.
 */
export const startLocalStack = async (options: StackOptions = {}): Promise<LocalStack> => {
  const log = options.log ?? (() => undefined);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.splice(0).reverse()) await stopOne().catch(() => undefined);
  };
  const step = async <T>(service: Service, start: () => Promise<T>, detail?: (value: T) => string): Promise<T> => {
    log({ service, state: 'starting' });
    const started = performance.now();
    const value = await start();
    log({ service, state: 'ready', ms: performance.now() - started, ...(detail && { detail: detail(value) }) });
    return value;
  };

  try {
    const ports = options.ports ?? {};
    // The API and Step Functions ports are chosen first: the handlers' config names them before either runs.
    const apiPort = await pickPort(ports.api, 'the HTTP API');
    const sfnPort = await pickPort(ports.stepFunctions, 'the local Step Functions');

    // allSettled: when one fails, the others still finish starting, so `stop()` knows about every one of them.
    const [dynamoEndpoint, sesEndpoint, events] = settled(
      await Promise.allSettled([
        options.reuse?.dynamoEndpoint ??
          step('DynamoDB Local', async () => {
            const dynamo = await startDynamoDbLocal({
              ...(ports.dynamodb !== undefined && { port: ports.dynamodb }),
              ...(options.persist && { persistDir: resolve(root, '.data/dynamodb') }),
            });
            stops.push(dynamo.stop);
            return dynamo.endpoint;
          }),
        options.reuse?.sesEndpoint ??
          step('SES + inbox', async () => {
            const ses = await startSesLocal(ports.ses !== undefined ? { port: ports.ses } : {});
            stops.push(ses.stop);
            return ses.endpoint;
          }),
        step('EventBridge', async () => {
          const recorder = await startEventBridgeLocal({
            ...(ports.events !== undefined && { port: ports.events }),
            rules: [mailFeedbackLocalRule, webhookDispatchLocalRule],
          });
          stops.push(recorder.stop);
          return recorder;
        }),
      ]),
    );

    // Mail to SES's simulator addresses bounces (or complains) back through the default bus, as on AWS.
    const simulator = await simulateMailboxes(sesEndpoint, events);
    stops.push(simulator.stop);

    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const sfnEndpoint = `http://127.0.0.1:${sfnPort}`;
    const tableName = options.tableName ?? stateMachineName;
    const withKpiStream = options.kpiStream ?? true;
    const stateMachineArn = `arn:aws:states:${region}:${accountId}:stateMachine:${stateMachineName}`;
    Object.assign(process.env, {
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      POWERTOOLS_DEV: 'true',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      POWERTOOLS_METRICS_DISABLED: 'true',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      SES_ENDPOINT: simulator.endpoint,
      SES_CONFIGURATION_SET: localConfigurationSet,
      EVENTS_ENDPOINT: events.endpoint,
      SFN_ENDPOINT: sfnEndpoint,
      // Executions start through the alias, as on AWS.
      STATE_MACHINE_ARN: `${stateMachineArn}:${liveAlias}`,
      WEBHOOK_RETRIES_ARN: `arn:aws:states:${region}:${accountId}:stateMachine:${webhookRetriesName}`,
      // Local receivers listen on 127.0.0.1 over http; on AWS only public https addresses are called.
      WEBHOOK_TARGETS: 'any',
      PUBLIC_BASE_URL: apiUrl,
      SALES_MANAGER_EMAIL: 'taylor@northwind.example',
      SELLER_NAME: 'Northwind Industrial',
      LOCAL_SIGN_IN_PASSWORD: demoPassword,
      SELLER_LOGO_URL: `${apiUrl}/app/brand-logo.svg`,
      BRAND_COLOR: '#0b5e3c',
      // The routes integrations call verify tokens in the handler: the local provider's, whose keys the API serves.
      TOKEN_ISSUER: `${apiUrl}/oidc`,
      TOKEN_JWKS_URL: `${apiUrl}/.well-known/jwks.json`,
      INTEGRATION_TOKEN_URL: `${apiUrl}/oidc/token`,
      PEOPLE_CLIENT_IDS: localClientId,
      ...options.env,
    });
    reloadConfig();

    await step(
      'table',
      () => createTable(dynamoClient(), tableName, { stream: withKpiStream }),
      () => tableName,
    );

    // Imported only now: the API's middleware and the handlers build their loggers and clients from the env above.
    const { startApiServer } = await import('./api-server.ts');
    const { startStepFunctionsLocal } = await import('./stepfunctions/index.ts');

    const stepFunctionsLocal = await step('Step Functions', async () => {
      const { lambdas, substitutions } = await loadStepHandlers(stepFunctions, options.steps ?? {});
      const retries = await loadStepHandlers(webhookRetryFunctions, {});
      const service = await startStepFunctionsLocal({
        port: sfnPort,
        region,
        accountId,
        stateMachines: [
          {
            name: stateMachineName,
            definition: options.definition ?? definitionText(),
            substitutions,
            aliases: [liveAlias],
          },
          { name: webhookRetriesName, definition: webhookRetriesText(), substitutions: retries.substitutions },
        ],
        lambdas: { ...lambdas, ...retries.lambdas },
        putEvents: events.putEvents,
        ...(options.timeScale !== undefined && { timeScale: options.timeScale }),
        ...(options.serviceLog && { logger: options.serviceLog }),
      });
      stops.push(service.stop);
      return service;
    });

    // One issuer for the browser's sign-in and the scripts' dev tokens: the OIDC provider's, with its app client as
    // the audience, as the JWT authorizer on AWS names the Cognito pool and the app client.
    const appUrl = `${apiUrl}/app/`;
    const issuer = await createDevIssuer({ issuer: `${apiUrl}/oidc`, audience: localClientId });
    const appDir = await step('web app', buildWebApp, (dir) => dir.slice(dir.lastIndexOf('/') + 1));
    // The local user pool: the sign-in accounts a company's admin manages (SIGN_IN_ACCOUNTS=local), in the table.
    const localAccounts = createTableAccounts(documentClient(), tableName);
    // The local provider's integration clients (INTEGRATION_CLIENTS=local), in the table too.
    const localClients = createTableClients(documentClient(), tableName);
    const oidc = await createOidcProvider({
      issuer: issuer.issuer,
      clientId: issuer.audience,
      appUrl,
      signingKey: issuer.signingKey,
      accounts: localAccounts,
      clients: localClients,
      hintEmail: demoUsers.find((u) => u.groups.includes('buyer'))?.email ?? '',
      password: demoPassword,
    });
    await step('HTTP API', async () => {
      const api = await startApiServer({
        port: apiPort,
        jwt: { issuer: issuer.issuer, audience: issuer.audience, jwks: issuer.jwks },
        devIssuer: issuer,
        mounts: [
          appFiles(
            appDir,
            {
              authority: issuer.issuer,
              clientId: issuer.audience,
              signOutUrl: `${issuer.issuer}/logout`,
              brand: brandOf(config()),
            },
            { logo: fileURLToPath(new URL('./seed/brand-logo.svg', import.meta.url)) },
          ),
          oidc,
        ],
      });
      stops.push(api.stop);
      return api;
    });

    const kpiStream = !withKpiStream
      ? undefined
      : await step('KPI stream', async () => {
          const { handler } = await import('#functions/streams/kpi-rollup.ts');
          const poller = await startStreamPoller({
            endpoint: dynamoEndpoint,
            region,
            tableName,
            handler,
            log: (message) => console.warn(`KPI stream: ${message}`),
            onDeadLetter: (letter) =>
              console.warn(
                `KPI stream: record ${letter.startSequenceNumber} of ${letter.shardId} set aside (${letter.condition})`,
              ),
          });
          stops.push(poller.stop);
          return poller;
        });

    const integration =
      (options.seed ?? true)
        ? await step(
            'seed',
            async () => ({
              ...(await seedDemoData(storeFromConfig().catalog)),
              people: await seedDemoAccounts(localAccounts),
              integration: await seedDemoIntegration(
                storeFromConfig().integrations,
                localClients,
                config().INTEGRATION_TOKEN_URL,
              ),
            }),
            (n) =>
              `${n.products} products, ${n.companies} companies, ${n.people} sign-in accounts, integration ${n.integration.clientId}`,
          ).then((seeded) => seeded.integration)
        : undefined;
    if (options.kpiHistory) {
      // In the background: the stack is usable at once, and the year of rollups lands a little later. Stopping the
      // stack may cut it short; the next start writes it again, as it is only marked written once complete.
      void step(
        'KPI history',
        () => seedKpiHistory(storeFromConfig().kpis),
        (n) => (n.written ? `${n.rfqs} RFQs over a year (${n.closed} closed), ${n.rollups} rollups` : 'already seeded'),
      ).catch(() => undefined);
    }

    return {
      urls: {
        api: apiUrl,
        app: appUrl,
        signIn: issuer.issuer,
        inbox: `${sesEndpoint}/`,
        openapi: `${apiUrl}/openapi.json`,
        ses: sesEndpoint,
        stepFunctions: sfnEndpoint,
        dynamodb: dynamoEndpoint,
        events: events.endpoint,
      },
      tableName,
      stateMachineArn,
      issuer,
      stepFunctions: stepFunctionsLocal,
      events,
      kpiStream,
      integration,
      tokenFor: (user) => issuer.token(user),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
