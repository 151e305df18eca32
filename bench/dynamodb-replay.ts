import * as dynamodb from '@aws-sdk/client-dynamodb';
import type { RecordedCall } from './dynamodb-meter.ts';

type CommandClass = new (input: Record<string, unknown>) => Parameters<dynamodb.DynamoDBClient['send']>[0];

const commandFor = (operation: string): CommandClass => {
  const command = (dynamodb as unknown as Record<string, unknown>)[`${operation}Command`];
  if (typeof command !== 'function') throw new Error(`no SDK command for DynamoDB ${operation}`);
  return command as CommandClass;
};

/** Every string attribute value (`{ S: ... }`) in a call's body. */
const stringValues = (value: unknown, into: Set<string>): Set<string> => {
  if (Array.isArray(value)) for (const item of value) stringValues(item, into);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      if (key === 'S' && typeof item === 'string') into.add(item);
      else stringValues(item, into);
    }
  return into;
};

const rewrite = (value: unknown, change: (s: string) => string): unknown => {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, change));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        key === 'S' && typeof item === 'string' ? change(item) : rewrite(item, change),
      ]),
    );
  return value;
};

/**
 * The string values that belong to one request and not to another of the same kind (its ids, keys, hashes and
 * timestamps): comparing two recordings of the same route finds them without knowing the handler's key design.
 */
export const ownValues = (calls: readonly RecordedCall[], other: readonly RecordedCall[]): Set<string> => {
  const theirs = stringValues(
    other.map((c) => c.input),
    new Set(),
  );
  return new Set(
    [
      ...stringValues(
        calls.map((c) => c.input),
        new Set(),
      ),
    ].filter((s) => !theirs.has(s)),
  );
};

/**
 * A timestamp or a quote number stays as it was: neither is a key on its own, and suffixed it is no longer a date or
 * a quote number for the readers (the KPI stream refused every replayed RFQ).
 */
const keptAsItWas = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z|Q-\d{4}-\d{5,})$/;

/**
 * The same calls for a new request: every value of its own but a timestamp or quote number gets `suffix`, consistently, so writes land
 * on new keys (the KPI stream folds the replayed RFQs as it folds real ones).
 */
export const withFreshKeys = (
  calls: readonly RecordedCall[],
  own: ReadonlySet<string>,
  suffix: string,
): RecordedCall[] =>
  calls.map((call) => {
    // The SDK fills in a transaction's idempotency token itself; the recorded one, reused, would make DynamoDB refuse it.
    const { ClientRequestToken: _, ...input } = call.input;
    return {
      operation: call.operation,
      input: rewrite(input, (s) => (own.has(s) && !keptAsItWas.test(s) ? `${s}${suffix}` : s)) as Record<
        string,
        unknown
      >,
    };
  });

/** Sends the recorded calls one after another with the plain SDK, as the handler sent them. */
export const replay = async (client: dynamodb.DynamoDBClient, calls: readonly RecordedCall[]): Promise<void> => {
  for (const call of calls) {
    const Command = commandFor(call.operation);
    await client.send(new Command(call.input));
  }
};
