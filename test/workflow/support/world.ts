import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, vi } from 'vitest';
import type { DecisionDeps } from '#application/deps.ts';
import type { RfqStatus } from '#domain/lifecycle.ts';
import type { Rfq } from '#domain/rfq.ts';
import { sfnClient } from '#functions/clients/sfn.ts';
import { type Config, config as configNow } from '#functions/config.ts';
import { createWorkflowClient } from '#functions/workflow/step-functions.ts';
import type { LocalLambda } from '#local/stepfunctions/index.ts';
import { startTestStack } from '../../e2e/test-stack.ts';

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

/**
 * One test file's world: the test stack (its own table, the shared DynamoDB Local and SES, the local EventBridge, the
 * local Step Functions service running the real ASL file with the real step handlers in process, the local HTTP API
 * the email links point at) without the demo data, and what a workflow test drives it with. Its sales manager and
 * sender are its own, so no other file's mail reaches them.
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

  const stack = await startTestStack('workflow', {
    seed: false,
    timeScale: options.timeScale ?? 0.01,
    ...(options.replace && { steps: options.replace }),
    serviceLog: (line) => logs.push(line),
    env: {
      SALES_MANAGER_EMAIL: `sales-manager@seller-${worldId}.example`,
      MAIL_FROM: `quotes@seller-${worldId}.example`,
      ...options.env,
    },
  });
  const config: Config = configNow();
  const { store } = stack;
  const workflow = createWorkflowClient(sfnClient(), config.STATE_MACHINE_ARN);
  const decisions: DecisionDeps = { store, workflow, config };

  const rfqOf = async (rfqId: string): Promise<Rfq> => {
    const rfq = await store.rfqs.get(rfqId);
    if (!rfq) throw new Error(`no RFQ ${rfqId}`);
    return rfq;
  };
  const execution = (rfqId: string) => stack.stepFunctions.executions().find((e) => e.name === rfqId);

  return {
    ...stack,
    worldId,
    config,
    workflow,
    decisions,
    logs,
    rfqOf,
    execution,

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
          const links = await stack.inbox.linksFor(email, about);
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
          const mail = (await stack.inbox.emailsTo(email)).filter((m) => m.subject.startsWith(subject)).at(-1);
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
      await stack.stop();
      vi.restoreAllMocks();
    },
  };
};

export type World = Awaited<ReturnType<typeof startWorld>>;

/** A test file's world, started before its tests and stopped after them: `const world = useWorld()` is the setup. */
export const useWorld = (options: WorldOptions = {}): World => {
  const world = {} as World;
  beforeAll(async () => {
    Object.assign(world, await startWorld(options));
  });
  afterAll(() => world.stop?.());
  return world;
};
