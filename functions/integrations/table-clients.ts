import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { integrationScope } from '#domain/integration.ts';
import { fromItem, toItem } from '#store/item.ts';
import { keys } from '#store/keys.ts';
import { tableClient } from '#store/table-client.ts';
import type { IntegrationClients } from './ports.ts';

const localClientSchema = z.object({
  clientId: z.string(),
  clientSecret: z.string(),
  name: z.string(),
  scopes: z.array(integrationScope),
});
export type LocalClient = z.infer<typeof localClientSchema>;

/** The local OIDC provider's client registry: what it authenticates a client-credentials request against. */
export interface LocalClients extends IntegrationClients {
  get(clientId: string): Promise<LocalClient | undefined>;
}

/**
 * The local stand-in for Cognito's app clients: one item per client in the table, with its secret as the local
 * provider compares it (oidc-provider keeps client secrets as they are; Cognito keeps them on AWS, and nothing of
 * ours stores one there). Only the local stack uses it.
 */
export const createTableClients = (doc: DynamoDBDocumentClient, tableName: string): LocalClients => {
  const table = tableClient(doc, tableName);
  return {
    async get(clientId) {
      const item = await table.get(keys.localClient(clientId));
      return item && localClientSchema.parse(fromItem(item));
    },
    async create(name, scopes) {
      const client = {
        clientId: randomBytes(13)
          .toString('base64url')
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '0'),
        clientSecret: randomBytes(32).toString('base64url'),
        name,
        scopes: [...scopes],
      };
      await table.put({
        Item: toItem(keys.localClient(client.clientId), {}, client),
        ConditionExpression: 'attribute_not_exists(PK)',
      });
      return { clientId: client.clientId, clientSecret: client.clientSecret };
    },
    async delete(clientId) {
      await table.delete({ Key: keys.localClient(clientId) });
    },
  };
};
