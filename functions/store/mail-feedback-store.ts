import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { fromItem, toItem } from './item.ts';
import { keys } from './keys.ts';
import type { MailFeedbackStore, RecordedFeedback, Suppression } from './ports.ts';
import { tableDefinition } from './table.ts';
import type { TableClient } from './table-client.ts';

/**
 * An address's partition holds what SES reported about it (one item per feedback, put only once: SES may deliver an
 * event twice) and, while we no longer write to it, its suppression. Addresses are keyed lower-cased.
 */
export const createMailFeedbackStore = (table: TableClient): MailFeedbackStore => ({
  async record(address, feedback) {
    const recorded: RecordedFeedback = { ...feedback, address: address.toLowerCase() };
    try {
      await table.put({
        Item: toItem(keys.mailFeedback(address, feedback.at, feedback.feedbackId), {}, recorded),
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey },
      });
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  async feedbackFor(address) {
    const items = await table.queryAll({
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey, '#sk': tableDefinition.sortKey },
      ExpressionAttributeValues: { ':pk': keys.mailPartition(address), ':prefix': keys.mailFeedbackPrefix },
      ConsistentRead: true,
    });
    return items.map((item) => fromItem(item) as unknown as RecordedFeedback);
  },

  async suppress(suppression) {
    const address = suppression.address.toLowerCase();
    await table.put({ Item: toItem(keys.suppressedAddress(address), {}, { ...suppression, address }) });
  },

  async suppressed(addresses) {
    const unique = [...new Set(addresses.map((a) => a.toLowerCase()))];
    if (unique.length === 0) return new Map();
    const items = await table.batchGet(unique.map(keys.suppressedAddress), { consistent: true });
    return new Map(
      items.map((item) => {
        const suppression = fromItem(item) as unknown as Suppression;
        return [suppression.address, suppression];
      }),
    );
  },

  async lift(address) {
    await table.delete({ Key: keys.suppressedAddress(address) });
  },
});
