import { reloadConfig } from '#functions/config.ts';

/**
 * Points the stack's handlers at another table, or back at the stack's own with `undefined` when it had none named:
 * they read the table name from the config on each request, so a benchmark can load a scratch table of its own.
 */
export const useTable = (tableName: string | undefined): void => {
  if (tableName === undefined) delete process.env.TABLE_NAME;
  else process.env.TABLE_NAME = tableName;
  reloadConfig();
};
