import { documentClient } from '#functions/clients/dynamodb.ts';
import { config } from '#functions/config.ts';
import { createDynamoStore } from './dynamo-store.ts';
import type { Store } from './ports.ts';

/**
 * The Store handlers and steps use: the shared document client and the configured table. Building it is cheap (no
 * I/O), and not caching it lets the local stack and tests switch tables with `reloadConfig()`.
 */
export const storeFromConfig = (): Store => createDynamoStore(documentClient(), config().TABLE_NAME);
