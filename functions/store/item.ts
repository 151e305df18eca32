import { keyAttributeNames, type PrimaryKey } from './keys.ts';
import type { Item } from './table-client.ts';

/**
 * Domain object → item: the keys beside plain JSON data. The JSON round trip drops `undefined` (which DynamoDB
 * refuses unless the document client was told otherwise) and anything that is not data.
 */
export const toItem = (key: PrimaryKey, indexKeys: Record<string, string | number>, data: object): Item => ({
  ...(JSON.parse(JSON.stringify(data)) as Item),
  ...indexKeys,
  ...key,
});

/** Item → the domain's attributes: key and TTL attributes stripped, plus any store-only attributes named. */
export const fromItem = (item: Item, storeOnly: readonly string[] = []): Item => {
  const data: Item = {};
  for (const [name, value] of Object.entries(item)) {
    if (!keyAttributeNames.has(name) && !storeOnly.includes(name)) data[name] = value;
  }
  return data;
};

/** TTL wants epoch seconds. Expired items linger `retainSeconds` so an expired link still answers "expired". */
export const expiresAtEpoch = (expiresAt: string, retainSeconds: number): number =>
  Math.floor(new Date(expiresAt).getTime() / 1000) + retainSeconds;
