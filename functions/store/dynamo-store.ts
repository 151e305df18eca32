import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createBudgetStore } from './budget-store.ts';
import type { OnCapacity } from './capacity.ts';
import { createCatalogStore } from './catalog-store.ts';
import { createCompanyRecordStore } from './company-record-store.ts';
import { createDelegationStore } from './delegation-store.ts';
import { createEventFeedStore } from './event-feed-store.ts';
import { createIntegrationStore } from './integration-store.ts';
import { createKpiStore } from './kpi-store.ts';
import { createLinkStore } from './link-store.ts';
import { createMailFeedbackStore } from './mail-feedback-store.ts';
import { createOrderStore } from './order-store.ts';
import type { Store } from './ports.ts';
import { createRevocationStore } from './revocation-store.ts';
import { createRfqStore } from './rfq-store.ts';
import { createSignInRecordStore } from './sign-in-record-store.ts';
import { tableClient } from './table-client.ts';
import { createWaitStore } from './wait-store.ts';
import { createWebhookStore } from './webhook-store.ts';

export interface DynamoStoreOptions {
  /** Called after every DynamoDB call with the capacity it consumed; setting it makes every call ask for it. */
  onCapacity?: OnCapacity;
}

/** The Store ports on one DynamoDB table (see table.ts for its shape and docs/access-patterns.md for its use). */
export const createDynamoStore = (
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: DynamoStoreOptions = {},
): Store => {
  const table = tableClient(doc, tableName, options.onCapacity);
  return {
    rfqs: createRfqStore(table),
    orders: createOrderStore(table),
    catalog: createCatalogStore(table),
    links: createLinkStore(table),
    waits: createWaitStore(table),
    kpis: createKpiStore(table),
    budgets: createBudgetStore(table),
    delegations: createDelegationStore(table),
    mail: createMailFeedbackStore(table),
    companies: createCompanyRecordStore(table),
    revocations: createRevocationStore(table),
    signIns: createSignInRecordStore(table),
    feed: createEventFeedStore(table),
    integrations: createIntegrationStore(table),
    webhooks: createWebhookStore(table),
  };
};
