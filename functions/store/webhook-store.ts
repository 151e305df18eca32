import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { FEED_RETENTION_DAYS } from '#domain/integration-event.ts';
import { type WebhookDelivery, webhookDeliverySchema } from '#domain/webhook-delivery.ts';
import { webhookEndpointSchema } from '#domain/webhook-endpoint.ts';
import { expiresAtEpoch, fromItem, toItem } from './item.ts';
import { keys } from './keys.ts';
import { BadCursorError, type WebhookStore } from './ports.ts';
import type { TableClient } from './table-client.ts';

const DAY_SECONDS = 86_400;
/** Store-only attributes of a delivery: who holds its first attempt, and until when. */
const deliveryStoreOnly = ['claimedUntil'] as const;

const refused = async (write: () => Promise<unknown>): Promise<boolean> => {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

const toDelivery = (item: Record<string, unknown>): WebhookDelivery =>
  webhookDeliverySchema.parse(fromItem(item, deliveryStoreOnly));

/** A delivery's item: kept as long as the feed keeps its event, after which it could not be sent again anyway. */
const deliveryItem = (delivery: WebhookDelivery, extra: Record<string, unknown> = {}) =>
  toItem(
    keys.webhookDelivery(delivery.integrationId, Number(delivery.deliveryId)),
    {},
    {
      ...delivery,
      ...extra,
      expiresAtEpoch: expiresAtEpoch(delivery.occurredAt, FEED_RETENTION_DAYS * DAY_SECONDS),
    },
  );

export const createWebhookStore = (table: TableClient): WebhookStore => ({
  async putEndpoint(endpoint) {
    await table.put({ Item: toItem(keys.webhookEndpoint(endpoint.integrationId), {}, endpoint) });
  },

  async endpoint(integrationId) {
    const item = await table.get(keys.webhookEndpoint(integrationId));
    return item && webhookEndpointSchema.parse(fromItem(item));
  },

  async endpoints() {
    const items = await table.queryAll({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.webhookEndpointsPartition },
      ConsistentRead: true,
    });
    return items.map((item) => webhookEndpointSchema.parse(fromItem(item)));
  },

  async removeEndpoint(integrationId) {
    await table.delete({ Key: keys.webhookEndpoint(integrationId) });
  },

  advance: (integrationId, from, to) =>
    refused(() =>
      table.update({
        Key: keys.webhookEndpoint(integrationId),
        UpdateExpression: 'SET #cursor = :to',
        ConditionExpression: '#cursor = :from',
        ExpressionAttributeNames: { '#cursor': 'cursor' },
        ExpressionAttributeValues: { ':from': from, ':to': to },
      }),
    ),

  async disable(integrationId, because, at) {
    await refused(() =>
      table.update({
        Key: keys.webhookEndpoint(integrationId),
        UpdateExpression: 'SET enabled = :no, disabledAt = :at, disabledBecause = :because, updatedAt = :at',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':no': false, ':at': at.toISOString(), ':because': because },
      }),
    );
  },

  createDelivery: (delivery, claimedUntil) =>
    refused(() =>
      table.put({
        Item: deliveryItem(delivery, { claimedUntil: claimedUntil.toISOString() }),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    ),

  claim: (integrationId, deliveryId, now, claimedUntil) =>
    refused(() =>
      table.update({
        Key: keys.webhookDelivery(integrationId, Number(deliveryId)),
        UpdateExpression: 'SET claimedUntil = :until',
        ConditionExpression: '#state = :pending AND claimedUntil < :now',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':pending': 'pending',
          ':now': now.toISOString(),
          ':until': claimedUntil.toISOString(),
        },
      }),
    ),

  async delivery(integrationId, deliveryId) {
    const item = await table.get(keys.webhookDelivery(integrationId, Number(deliveryId)));
    return item && toDelivery(item);
  },

  record: (before, after) =>
    refused(() =>
      table.put({
        Item: deliveryItem(after),
        ConditionExpression: 'attempts = :attempts',
        ExpressionAttributeValues: { ':attempts': before.attempts },
      }),
    ),

  async deliveries(integrationId, { limit, cursor }) {
    if (cursor !== undefined && !/^[1-9][0-9]{0,14}$/.test(cursor)) throw new BadCursorError('the cursor is malformed');
    const { items } = await table.query({
      KeyConditionExpression:
        cursor === undefined ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk AND SK BETWEEN :prefix AND :before',
      ExpressionAttributeValues: {
        ':pk': keys.webhookDeliveriesOf(integrationId),
        ':prefix': 'DELIVERY#',
        ...(cursor !== undefined && { ':before': keys.webhookDelivery(integrationId, Number(cursor) - 1).SK }),
      },
      ScanIndexForward: false,
      Limit: limit + 1,
      ConsistentRead: true,
    });
    const page = items.slice(0, limit).map(toDelivery);
    const last = page.at(-1);
    return { items: page, ...(items.length > limit && last && { cursor: last.deliveryId }) };
  },
});
