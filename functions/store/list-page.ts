import { BadCursorError, type Page } from './ports.ts';
import type { IndexDefinition } from './table.ts';
import { tableDefinition } from './table.ts';
import type { Item, TableClient } from './table-client.ts';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** A filtered list stops after this many index reads and answers a short page with a cursor, to bound its cost. */
const MAX_FILTERED_READS = 10;

export interface ListSpec {
  /** Names the list (kind, partition, filter): a cursor only continues the list it came from. */
  tag: string;
  index: IndexDefinition & { sortKey: string };
  partition: string;
  /** Narrows the sort key by prefix: a key condition, so it costs nothing extra. */
  sortPrefix?: string;
  /** A condition the index cannot express; evaluated after reading, so it costs the reads it skips. */
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  limit?: number | undefined;
  cursor?: string | undefined;
}

const clampLimit = (limit: number | undefined): number =>
  Math.min(MAX_LIMIT, Math.max(1, Math.trunc(limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT));

const keyNames = (spec: ListSpec): string[] => [
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  spec.index.partitionKey,
  spec.index.sortKey,
];

export const encodeCursor = (spec: ListSpec, item: Item): string => {
  const key = Object.fromEntries(keyNames(spec).map((name) => [name, item[name]]));
  return Buffer.from(JSON.stringify({ list: spec.tag, key }), 'utf8').toString('base64url');
};

/** The cursor's start key, if it belongs to this very list and names a position inside its partition. */
export const decodeCursor = (spec: ListSpec, cursor: string): Record<string, string> => {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursorError('the cursor is malformed');
  }
  const { list, key } = (parsed ?? {}) as { list?: unknown; key?: unknown };
  if (list !== spec.tag) throw new BadCursorError('the cursor belongs to another list');
  if (!key || typeof key !== 'object' || Array.isArray(key)) throw new BadCursorError('the cursor is malformed');
  const entries = Object.entries(key);
  const names = keyNames(spec);
  if (entries.length !== names.length || !entries.every(([k, v]) => names.includes(k) && typeof v === 'string')) {
    throw new BadCursorError('the cursor is malformed');
  }
  const start = key as Record<string, string>;
  const sortKey = start[spec.index.sortKey] ?? '';
  if (start[spec.index.partitionKey] !== spec.partition || (spec.sortPrefix && !sortKey.startsWith(spec.sortPrefix))) {
    throw new BadCursorError('the cursor belongs to another list');
  }
  return start;
};

/**
 * One page of an index partition, newest first. Reads `limit + 1` items so the last page carries no cursor, and
 * builds the cursor from the last item returned (not DynamoDB's LastEvaluatedKey), so an item read but not returned
 * is never skipped.
 */
export const listPage = async <T>(
  table: TableClient,
  spec: ListSpec,
  toDomain: (item: Item) => T,
): Promise<Page<T>> => {
  const limit = clampLimit(spec.limit);
  const names: Record<string, string> = { '#pk': spec.index.partitionKey, ...spec.filter?.names };
  const values: Record<string, unknown> = { ':pk': spec.partition, ...spec.filter?.values };
  let condition = '#pk = :pk';
  if (spec.sortPrefix) {
    names['#sk'] = spec.index.sortKey;
    values[':prefix'] = spec.sortPrefix;
    condition += ' AND begins_with(#sk, :prefix)';
  }
  const collected: Item[] = [];
  let start: Record<string, unknown> | undefined = spec.cursor ? decodeCursor(spec, spec.cursor) : undefined;
  for (let reads = 0; ; reads++) {
    if (spec.filter && reads === MAX_FILTERED_READS) {
      return { items: collected.map(toDomain), cursor: encodeCursor(spec, start!) };
    }
    const out = await table.query({
      IndexName: spec.index.indexName,
      KeyConditionExpression: condition,
      ...(spec.filter && { FilterExpression: spec.filter.expression }),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      // A filter drops items after the read, so read in larger steps; the cursor comes from the last item returned.
      Limit: spec.filter ? MAX_LIMIT + 1 : limit + 1 - collected.length,
      ...(start && { ExclusiveStartKey: start }),
    });
    collected.push(...out.items);
    start = out.lastKey;
    if (collected.length > limit || !start) break;
  }
  const items = collected.slice(0, limit);
  const last = items.at(-1);
  return collected.length > limit && last
    ? { items: items.map(toDomain), cursor: encodeCursor(spec, last) }
    : { items: items.map(toDomain) };
};
