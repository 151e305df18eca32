import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** One DynamoDB call as it went over the wire: the operation and its JSON body (low-level AttributeValue shape). */
export interface RecordedCall {
  operation: string;
  input: Record<string, unknown>;
}

export interface CapacityTotals {
  readUnits: number;
  writeUnits: number;
  calls: number;
  byOperation: Record<string, { calls: number; readUnits: number; writeUnits: number }>;
}

interface ConsumedCapacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/** The part of the SDK's serialized request the meter reads and edits. */
interface WireRequest {
  headers: Record<string, string>;
  body?: unknown;
}

/** The serializer hands over a string or (newer Smithy) the JSON's UTF-8 bytes. */
const utf8 = new TextDecoder();
const wireText = (body: unknown): string | undefined =>
  typeof body === 'string' ? body : body instanceof Uint8Array ? utf8.decode(body) : undefined;

const readOperations = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);

/**
 * Watches every call a DynamoDB client makes — the shared client every handler, step and the idempotency layer use —
 * from inside its middleware stack, so nothing in the functions changes for the benchmark:
 * - while metering, each call asks for `ReturnConsumedCapacity: TOTAL` (table and indexes) and the units are summed;
 * - inside `recording(...)`, the calls made in that async context are kept (operation + wire body) for replay.
 * The body is edited after serialization and before the build step computes Content-Length and signs it.
 */
export const attachDynamoMeter = (client: DynamoDBClient) => {
  const recorder = new AsyncLocalStorage<RecordedCall[]>();
  let metering = false;
  let totals: CapacityTotals = { readUnits: 0, writeUnits: 0, calls: 0, byOperation: {} };

  const count = (operation: string, used: ConsumedCapacity | ConsumedCapacity[] | undefined) => {
    const entry = totals.byOperation[operation] ?? { calls: 0, readUnits: 0, writeUnits: 0 };
    totals.byOperation[operation] = entry;
    entry.calls += 1;
    totals.calls += 1;
    const read = readOperations.has(operation);
    for (const c of Array.isArray(used) ? used : used ? [used] : []) {
      const readUnits = c.ReadCapacityUnits ?? (read ? (c.CapacityUnits ?? 0) : 0);
      const writeUnits = c.WriteCapacityUnits ?? (read ? 0 : (c.CapacityUnits ?? 0));
      entry.readUnits += readUnits;
      entry.writeUnits += writeUnits;
      totals.readUnits += readUnits;
      totals.writeUnits += writeUnits;
    }
  };

  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as WireRequest;
      const operation = String(request.headers['x-amz-target'] ?? '').replace(/^DynamoDB_\d+\./, '');
      const calls = recorder.getStore();
      const body = wireText(request.body);
      if ((metering || calls) && body !== undefined) {
        const input = JSON.parse(body) as Record<string, unknown>;
        calls?.push({ operation, input });
        if (metering) {
          request.body = JSON.stringify({ ...input, ReturnConsumedCapacity: 'TOTAL' });
          if (request.headers['content-length'] !== undefined)
            request.headers['content-length'] = String(Buffer.byteLength(request.body as string));
        }
      }
      const result = await next(args);
      if (metering) {
        const output = result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] };
        count(operation, output.ConsumedCapacity);
      }
      return result;
    },
    { step: 'serialize', priority: 'low', name: 'benchDynamoMeter' },
  );

  return {
    /** Starts (or restarts) summing consumed capacity from zero. */
    start(): void {
      metering = true;
      totals = { readUnits: 0, writeUnits: 0, calls: 0, byOperation: {} };
    },
    stop(): CapacityTotals {
      metering = false;
      return totals;
    },
    /** Runs `work` and hands back the DynamoDB calls made in its async context (and only those). */
    async recording<T>(work: () => Promise<T>): Promise<{ value: T; calls: RecordedCall[] }> {
      const calls: RecordedCall[] = [];
      const value = await recorder.run(calls, work);
      return { value, calls };
    },
  };
};

export type DynamoMeter = ReturnType<typeof attachDynamoMeter>;

const meters = new WeakMap<DynamoDBClient, DynamoMeter>();

/** The one meter of a client: attached on first use, shared by every benchmark that reads it. */
export const meterOf = (client: DynamoDBClient): DynamoMeter => {
  let meter = meters.get(client);
  if (!meter) {
    meter = attachDynamoMeter(client);
    meters.set(client, meter);
  }
  return meter;
};
