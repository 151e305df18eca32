import { afterAll, describe, expect, inject, it } from 'vitest';
import { reloadConfig } from '#functions/config.ts';
import { storeFromConfig } from '#store/from-config.ts';
import { aProduct } from '../builders/product.ts';
import { freshTable } from './store/fresh-table.ts';

const table = freshTable();
const saved = { endpoint: process.env.DYNAMODB_ENDPOINT, tableName: process.env.TABLE_NAME };

afterAll(() => {
  for (const [name, value] of [
    ['DYNAMODB_ENDPOINT', saved.endpoint],
    ['TABLE_NAME', saved.tableName],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  reloadConfig();
});

describe('the store handlers use', () => {
  it('reaches the configured table through the configured endpoint', async () => {
    process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
    process.env.TABLE_NAME = table.tableName;
    reloadConfig();
    const product = aProduct('CFG-1').build();
    await storeFromConfig().catalog.putProduct(product);
    expect(await table.store.catalog.getProduct('CFG-1')).toEqual(product);
  });
});
