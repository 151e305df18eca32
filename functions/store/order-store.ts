import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { orderSchema } from '#domain/order.ts';
import { isLostRace } from './conflict.ts';
import { fromItem, toItem } from './item.ts';
import { keys, listPartitions, orderIndexKeys } from './keys.ts';
import { listPage } from './list-page.ts';
import { ConflictError, type OrderStore } from './ports.ts';
import { tableDefinition } from './table.ts';
import type { Item, TableClient } from './table-client.ts';

const toOrder = (item: Item) => orderSchema.parse(fromItem(item));

/**
 * Orders are placed only by RfqStore.convertToOrder, in the transaction that moves the RFQ to ORDERED; after that only
 * the ERP's reports change them (`record`), each over the revision it read.
 */
export const createOrderStore = (table: TableClient): OrderStore => ({
  async get(orderId) {
    const item = await table.get(keys.order(orderId));
    return item && toOrder(item);
  },
  async record(order) {
    const read = (order.revision ?? 0) - 1;
    try {
      await table.put({
        Item: toItem(keys.order(order.orderId), orderIndexKeys(order), order),
        ConditionExpression:
          read === 0 ? 'attribute_exists(PK) AND attribute_not_exists(#revision)' : '#revision = :read',
        ExpressionAttributeNames: { '#revision': 'revision' },
        ...(read !== 0 && { ExpressionAttributeValues: { ':read': read } }),
      });
    } catch (error) {
      if (isLostRace(error))
        throw new ConflictError(`order ${order.orderId} changed after revision ${read}`, { cause: error });
      throw error;
    }
  },
  listByCompany(companyId, query) {
    return listPage(
      table,
      {
        tag: `orders of company ${companyId}`,
        index: tableDefinition.indexes.byCompany,
        partition: listPartitions.ordersOfCompany(companyId),
        limit: query.limit,
        cursor: query.cursor,
      },
      toOrder,
    );
  },
  async withPoNumber(companyId, poNumber, limit = 20) {
    const page = await listPage(
      table,
      {
        tag: `orders of company ${companyId} under a PO number`,
        index: tableDefinition.indexes.byRep,
        partition: listPartitions.ordersOfCompanyByPo(companyId, poNumber),
        limit,
      },
      toOrder,
    );
    return page.items;
  },
  async indexPoNumber(order) {
    const { GSI3PK, GSI3SK } = orderIndexKeys(order);
    try {
      await table.update({
        Key: keys.order(order.orderId),
        UpdateExpression: 'SET GSI3PK = :pk, GSI3SK = :sk',
        // Only an order that exists and has no entry yet: a new order, and each report on it, is written with its entry.
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(GSI3PK)',
        ExpressionAttributeValues: { ':pk': GSI3PK, ':sk': GSI3SK },
      });
      return 'indexed';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'in place';
      throw error;
    }
  },
  listAll(query) {
    return listPage(
      table,
      {
        tag: 'all orders',
        index: tableDefinition.indexes.byCreated,
        partition: listPartitions.allOrders,
        limit: query.limit,
        cursor: query.cursor,
      },
      toOrder,
    );
  },
});
