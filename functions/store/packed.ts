import { gunzipSync, gzipSync } from 'node:zlib';
import type { Item } from './table-client.ts';

/**
 * DynamoDB refuses items over 400 KB. A 1000-line RFQ with its quote, or a contract pricing 10,000 skus, can pass
 * that as plain attributes; above this size their bulky fields are stored gzipped in one binary attribute instead
 * (line and price JSON compresses about tenfold). Keys and everything a condition reads always stay plain.
 */
const PLAIN_LIMIT_BYTES = 300_000;
const PACKED = 'packedGzip';

export const packLarge = (item: Item, bulky: readonly string[]): Item => {
  if (Buffer.byteLength(JSON.stringify(item)) <= PLAIN_LIMIT_BYTES) return item;
  const plain: Item = {};
  const packed: Item = {};
  for (const [name, value] of Object.entries(item)) (bulky.includes(name) ? packed : plain)[name] = value;
  return { ...plain, [PACKED]: gzipSync(JSON.stringify(packed)) };
};

/** A stream event delivered to Lambda as JSON carries binary attributes as base64 text; the SDK, as bytes. */
export const unpack = (item: Item): Item => {
  const { [PACKED]: packed, ...plain } = item;
  if (!packed) return item;
  const bytes = typeof packed === 'string' ? Buffer.from(packed, 'base64') : (packed as Uint8Array);
  return { ...plain, ...(JSON.parse(gunzipSync(bytes).toString('utf8')) as Item) };
};
