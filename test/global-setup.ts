import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type DynamoDbLocal, startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { type SesLocal, startSesLocal } from '../local/ses-local.ts';
import { buildWebApp } from '../local/web-app.ts';
import { type DemoDataSnapshot, takeDemoDataSnapshot } from './demo-data-snapshot.ts';
import { answersDir } from './e2e/contract.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
    demoData: DemoDataSnapshot;
  }
}

interface Services {
  dynamo: DynamoDbLocal;
  ses: SesLocal;
  demoData: DemoDataSnapshot;
}

/**
 * vitest runs a project's global setup once per project that names it (integration, workflow, e2e — not unit or
 * infra, which need no Java). All of them share one DynamoDB Local and one local SES, kept on the main process's
 * globalThis with a count of the projects using them; the last teardown stops them, so no `java` is orphaned.
 */
const shared = globalThis as { quoteToOrderServices?: { started: Promise<Services>; users: number } };

/** How many answers the run checked against the contract (test/e2e/contract.ts), and over how many route statuses. */
const contractTally = (): string => {
  const files = existsSync(answersDir) ? readdirSync(answersDir) : [];
  const lines = files.flatMap((file) => readFileSync(join(answersDir, file), 'utf8').split('\n').filter(Boolean));
  const answers = lines.filter((line) => line.startsWith('answer '));
  const prism = lines.filter((line) => line.startsWith('prism '));
  return `${answers.length} answers checked against the contract, covering ${new Set(answers).size} route statuses${
    process.env.CONTRACT_PRISM === '1'
      ? `; Prism found ${prism.length} response violations${prism.length ? `:\n${prism.join('\n')}` : ''}`
      : ''
  }`;
};

const start = async (): Promise<Services> => {
  rmSync(answersDir, { recursive: true, force: true });
  const dynamoStarting = startDynamoDbLocal();
  const sesStarting = startSesLocal();
  try {
    const [dynamo, ses, demoData] = await Promise.all([
      dynamoStarting,
      sesStarting,
      // Seeded once for the run: every test stack with the demo data starts from this copy (test/e2e/test-stack.ts).
      dynamoStarting.then((started) => takeDemoDataSnapshot(started.endpoint)),
      // Built before any test file starts a stack, so parallel files reuse one build instead of racing to make it.
      buildWebApp(),
    ]);
    return { dynamo, ses, demoData };
  } catch (error) {
    // Whichever service did start is stopped, so no `java` outlives a failed start.
    await Promise.allSettled([dynamoStarting.then((s) => s.stop()), sesStarting.then((s) => s.stop())]);
    throw error;
  }
};

/** Tests isolate themselves by table name or by id; the endpoints reach them through `inject(...)`. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.quoteToOrderServices ??= { started: start(), users: 0 };
  const entry = shared.quoteToOrderServices;
  entry.users++;
  const { dynamo, ses, demoData } = await entry.started;
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  project.provide('demoData', demoData);
  return async () => {
    entry.users--;
    if (entry.users > 0) return;
    shared.quoteToOrderServices = undefined;
    await Promise.all([dynamo.stop(), ses.stop()]);
    console.log(contractTally());
  };
}
