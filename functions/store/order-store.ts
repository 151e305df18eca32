import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { orderSchema } from '#domain/order.ts';
import { fromItem } from './item.ts';
import { keys, listPartitions, orderIndexKeys } from './keys.ts';
import { listPage } from './list-page.ts';
import type { OrderStore } from './ports.ts';
import { tableDefinition } from './table.ts';
import type { Item, TableClient } from './table-client.ts';

const toOrder = (item: Item) => orderSchema.parse(fromItem(item));

/** Orders are written only by RfqStore.convertToOrder, in the transaction that moves the RFQ to ORDERED. */
export const createOrderStore = (table: TableClient): OrderStore => ({
  async get(orderId) {
    const item = await table.get(keys.order(orderId));
    return item && toOrder(item);
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
        // Only an order that exists and has no entry yet: a new order is written with its entry, never touched again.
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
