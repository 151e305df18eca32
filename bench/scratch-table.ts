import { dynamoClient } from '#functions/clients/dynamodb.ts';
import { reloadConfig } from '#functions/config.ts';
import { createTable } from '#store/table.ts';

/**
 * Points the stack's handlers at another table, or back at the stack's own with `undefined` when it had none named:
 * they read the table name from the config on each request, so a benchmark can load a scratch table of its own.
 */
export const useTable = (tableName: string | undefined): void => {
  if (tableName === undefined) delete process.env.TABLE_NAME;
  else process.env.TABLE_NAME = tableName;
  reloadConfig();
};

/**
 * A benchmark's table, without a stream: nothing reads its changes, and DynamoDB Local keeps every stream record in
 * its one database, where a benchmark's tens of thousands of writes slowed every benchmark after it.
 */
export const createScratchTable = (tableName: string): Promise<void> =>
  createTable(dynamoClient(), tableName, { stream: false });
