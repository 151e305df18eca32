import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inject, vi } from 'vitest';
import type { RfqStatus } from '#domain/lifecycle.ts';
import type { Rfq } from '#domain/rfq.ts';
import { documentClient, dynamoClient } from '#functions/clients/dynamodb.ts';
import { sfnClient } from '#functions/clients/sfn.ts';
import { type Config, reloadConfig } from '#functions/config.ts';
import type { DecisionDeps } from '#functions/decisions/deps.ts';
import { createWorkflowClient } from '#functions/workflow/client.ts';
import { createDevIssuer } from '#local/dev-tokens.ts';
import { startEventBridgeLocal } from '#local/eventbridge.ts';
import { freePort } from '#local/free-port.ts';
import { openInbox } from '#local/inbox.ts';
import { localConfigurationSet, mailFeedbackLocalRule, simulateMailboxes } from '#local/mail-feedback.ts';
import { type LocalLambda, startStepFunctionsLocal } from '#local/stepfunctions/index.ts';
import { createDynamoStore } from '#store/dynamo-store.ts';
import { createTable } from '#store/table.ts';
import { definitionText, stepFunctions, substitutionKeys } from '#workflows/quote-to-order.ts';
import { contractFetch } from '../../e2e/contract.ts';

export interface WorldOptions {
  /** Multiplies every ASL timeout and retry interval. */
  timeScale?: number;
  /** Config overrides (env vars), e.g. short REVIEW_TIMEOUT_SECONDS. */
  env?: Record<string, string>;
  /** Replaces a step's handler (by substitution key), e.g. one that keeps throwing. */
  replace?: Record<string, LocalLambda>;
  /** Captures every console and stdout/stderr line (log level INFO) into `logs`. */
  captureLogs?: boolean;
}

const root = resolve(import.meta.dirname, '../../..');
const arnOf = (key: string) => `arn:aws:lambda:us-east-1:000000000000:function:${key}`;

/**
 * One test file's world: its own table on the shared DynamoDB Local, the shared local SES, an event recorder, and the
 * local Step Functions service running the real ASL file with the real step handlers in process. Everything reaches
 * the services through the same config (env) the Lambdas read on AWS.
 */
export const startWorld = async (options: WorldOptions = {}) => {
  const worldId = randomUUID().slice(0, 8);
  const logs: string[] = [];
  if (options.captureLogs) {
    process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
    const keep =
      (write: (...args: never[]) => unknown) =>
      (...args: unknown[]) => {
        logs.push(
          args
            .map((a) =>
              typeof a === 'string' ? a : a instanceof Uint8Array ? Buffer.from(a).toString() : JSON.stringify(a),
            )
            .join(' '),
        );
        return (write as (...a: unknown[]) => unknown)(...args);
      };
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation(keep(() => undefined));
    }
    vi.spyOn(process.stdout, 'write').mockImplementation(keep(() => true) as typeof process.stdout.write);
    vi.spyOn(process.stderr, 'write').mockImplementation(keep(() => true) as typeof process.stderr.write);
  }

  const events = await startEventBridgeLocal();
  // SES's default bus, where the mailbox simulator puts its bounces for the mail feedback handler.
  const defaultBus = await startEventBridgeLocal({ rules: [mailFeedbackLocalRule] });
  const simulator = await simulateMailboxes(inject('sesEndpoint'), defaultBus);
  const arns = Object.fromEntries(substitutionKeys.map((key) => [key, arnOf(key)]));
  const lambdas: Record<string, LocalLambda> = {};
  for (const [key, spec] of Object.entries(stepFunctions)) {
    const module = (await import(pathToFileURL(resolve(root, spec.handler)).href)) as { handler: LocalLambda };
    lambdas[arnOf(key)] = options.replace?.[key] ?? module.handler;
  }
  const sfn = await startStepFunctionsLocal({
    stateMachines: [{ name: 'quote-to-order', definition: definitionText(), substitutions: arns }],
    lambdas,
    putEvents: events.putEvents,
    timeScale: options.timeScale ?? 0.01,
    logger: (line) => logs.push(line),
  });

  // The email links point at the local HTTP API (the route table's real handlers), so a test opens them like a person.
  const apiPort = await freePort();
  const publicBaseUrl = `http://127.0.0.1:${apiPort}`;
  Object.assign(process.env, {
    TABLE_NAME: `workflow-${worldId}`,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    SES_ENDPOINT: simulator.endpoint,
    SES_CONFIGURATION_SET: localConfigurationSet,
    SFN_ENDPOINT: sfn.endpoint,
    EVENTS_ENDPOINT: events.endpoint,
    STATE_MACHINE_ARN: sfn.stateMachineArn('quote-to-order'),
    PUBLIC_BASE_URL: publicBaseUrl,
    SALES_MANAGER_EMAIL: `sales-manager@seller-${worldId}.example`,
    MAIL_FROM: `quotes@seller-${worldId}.example`,
    ...options.env,
  });
  const config: Config = reloadConfig();
  await createTable(dynamoClient(), config.TABLE_NAME, { stream: false });
  const store = createDynamoStore(documentClient(), config.TABLE_NAME);
  const workflow = createWorkflowClient(sfnClient(), config.STATE_MACHINE_ARN);
  const decisions: DecisionDeps = { store, workflow, config };
  const inbox = openInbox(inject('sesEndpoint'), { linksTo: publicBaseUrl });
  const issuer = await createDevIssuer();
  // Imported only now: the HTTP middleware builds its logger and clients from the env set above.
  const { startApiServer } = await import('#local/api-server.ts');
  const api = await startApiServer({
    port: apiPort,
    jwt: { issuer: issuer.issuer, audience: issuer.audience, jwks: issuer.jwks },
  });

  const rfqOf = async (rfqId: string): Promise<Rfq> => {
    const rfq = await store.rfqs.get(rfqId);
    if (!rfq) throw new Error(`no RFQ ${rfqId}`);
    return rfq;
  };
  const execution = (rfqId: string) => sfn.executions().find((e) => e.name === rfqId);

  return {
    worldId,
    config,
    store,
    workflow,
    decisions,
    inbox,
    /** Every event published so far, oldest first, as a rule target receives it. */
    events: events.events,
    logs,
    sfn,
    rfqOf,
    execution,
    /** Calls the local HTTP API as this person (a dev token), as the web app would. */
    async call(
      method: string,
      path: string,
      as: { email: string; groups: string[]; companyId?: string },
      body?: unknown,
    ) {
      const token = await issuer.token(as as Parameters<typeof issuer.token>[0]);
      const response = await contractFetch(`${publicBaseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, text, body: text ? JSON.parse(text) : undefined };
    },

    /** Stores the RFQ as POST /rfqs does and starts its execution (named after it). */
    async submit(rfq: Rfq): Promise<Rfq> {
      await store.rfqs.create(rfq, { actor: rfq.submittedBy, action: 'submitted' });
      await workflow.start(rfq.rfqId, { rfqId: rfq.rfqId });
      return rfq;
    },

    /** Polls until the RFQ has this status (a deadline, never a fixed sleep). */
    async statusReaches(rfqId: string, status: RfqStatus, timeout = 45_000): Promise<Rfq> {
      return vi.waitFor(
        async () => {
          const rfq = await rfqOf(rfqId);
          if (rfq.status !== status) throw new Error(`RFQ ${rfqId} is ${rfq.status}, waiting for ${status}`);
          return rfq;
        },
        { timeout, interval: 25 },
      );
    },

    /** Polls until this person has received `count` approval links; answers them all, oldest first. */
    async linksArrive(email: string, count: number, about?: string, timeout = 45_000): Promise<string[]> {
      return vi.waitFor(
        async () => {
          const links = await inbox.linksFor(email, about);
          if (links.length < count) throw new Error(`${email} has ${links.length} links, waiting for ${count}`);
          return links;
        },
        { timeout, interval: 25 },
      );
    },

    /** Polls until this person has received a mail whose subject starts with `subject`; answers the latest. */
    async mailArrives(email: string, subject: string, timeout = 45_000) {
      return vi.waitFor(
        async () => {
          const mail = (await inbox.emailsTo(email)).filter((m) => m.subject.startsWith(subject)).at(-1);
          if (!mail) throw new Error(`${email} has no mail "${subject}…" yet`);
          return mail;
        },
        { timeout, interval: 25 },
      );
    },

    /** Polls until the RFQ's execution has ended. */
    async executionEnds(rfqId: string, timeout = 45_000) {
      return vi.waitFor(
        () => {
          const found = execution(rfqId);
          if (!found || found.status === 'RUNNING') throw new Error(`execution ${rfqId} still running`);
          return found;
        },
        { timeout, interval: 25 },
      );
    },

    async stop() {
      await api.stop();
      await sfn.stop();
      await events.stop();
      await simulator.stop();
      await defaultBus.stop();
      vi.restoreAllMocks();
    },
  };
};

export type World = Awaited<ReturnType<typeof startWorld>>;
