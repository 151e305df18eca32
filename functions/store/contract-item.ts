import { gunzipSync, gzipSync } from 'node:zlib';
import { type Contract, contractSchema } from '#domain/contract.ts';
import { fromItem, toItem } from './item.ts';
import { keys } from './keys.ts';
import type { Item } from './table-client.ts';

/**
 * A contract may price up to 10,000 skus, which as plain attributes can pass DynamoDB's 400 KB item limit. Above
 * this size its price list is stored gzipped in one binary attribute (JSON of prices compresses about tenfold).
 */
const PLAIN_LIMIT_BYTES = 300_000;

export const contractItem = (contract: Contract): Item => {
  const plain = toItem(keys.contract(contract.companyId), {}, contract);
  if (Buffer.byteLength(JSON.stringify(plain)) <= PLAIN_LIMIT_BYTES) return plain;
  const { prices, ...rest } = plain;
  return { ...rest, pricesGzip: gzipSync(JSON.stringify(prices)) };
};

export const toContract = (item: Item): Contract => {
  const { pricesGzip, ...data } = fromItem(item);
  const prices = pricesGzip ? JSON.parse(gunzipSync(pricesGzip as Uint8Array).toString('utf8')) : data.prices;
  return contractSchema.parse({ ...data, prices });
};
