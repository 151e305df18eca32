import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../local/dynamodb-local.ts';

/** An address of this machine other networks can reach (not loopback), if it has one. */
const outward = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

const reachable = (host: string, port: number): Promise<boolean> =>
  new Promise((done) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });

let dynamo: DynamoDbLocal;
beforeAll(async () => {
  dynamo = await startDynamoDbLocal();
}, 120_000);
afterAll(() => dynamo?.stop());

/** DynamoDB Local takes any credentials: it must answer this machine only, never the network it is on. */
describe('DynamoDB Local as the local stack starts it', () => {
  it('answers on loopback', async () => {
    expect(dynamo.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await reachable('127.0.0.1', dynamo.port)).toBe(true);
  });

  it.skipIf(outward === undefined)('refuses connections to the machine’s network address', async () => {
    expect(await reachable(outward!, dynamo.port)).toBe(false);
  });
});
