import { type Integration, integrationSchema } from '#domain/integration.ts';
import { fromItem, toItem } from './item.ts';
import { keys } from './keys.ts';
import type { IntegrationStore } from './ports.ts';
import type { TableClient } from './table-client.ts';

const parse = (item: Record<string, unknown> | undefined): Integration | undefined =>
  item && integrationSchema.parse(fromItem(item));

const puts = (integration: Integration) => [
  {
    Put: {
      Item: toItem(keys.integration(integration.integrationId), {}, integration),
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  },
  {
    Put: {
      Item: toItem(keys.integrationClient(integration.clientId), {}, integration),
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  },
];

/** Two items per integration, written and deleted in one transaction each time (see IntegrationStore). */
export const createIntegrationStore = (table: TableClient): IntegrationStore => ({
  async create(integration) {
    await table.transactWrite(puts(integration));
  },
  async list() {
    const items = await table.queryAll({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.integrationPartition },
    });
    return items.flatMap((item) => parse(item) ?? []);
  },
  async get(integrationId) {
    return parse(await table.get(keys.integration(integrationId)));
  },
  async byClientId(clientId) {
    return parse(await table.get(keys.integrationClient(clientId)));
  },
  async replace(before, after) {
    await table.transactWrite([
      {
        Put: {
          Item: toItem(keys.integration(after.integrationId), {}, after),
          ConditionExpression: 'clientId = :before',
          ExpressionAttributeValues: { ':before': before.clientId },
        },
      },
      ...(before.clientId === after.clientId
        ? [{ Put: { Item: toItem(keys.integrationClient(after.clientId), {}, after) } }]
        : [
            { Delete: { Key: keys.integrationClient(before.clientId) } },
            {
              Put: {
                Item: toItem(keys.integrationClient(after.clientId), {}, after),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ]),
    ]);
  },
  async delete(integrationId) {
    const integration = await this.get(integrationId);
    if (!integration) return undefined;
    await table.transactWrite([
      {
        Delete: {
          Key: keys.integration(integrationId),
          ConditionExpression: 'clientId = :clientId',
          ExpressionAttributeValues: { ':clientId': integration.clientId },
        },
      },
      { Delete: { Key: keys.integrationClient(integration.clientId) } },
    ]);
    return integration;
  },
});
