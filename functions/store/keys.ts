import type { FollowUpStatus } from '#domain/follow-ups.ts';
import type { RollupKey } from '#domain/kpi-rollup.ts';
import type { RfqStatus } from '#domain/lifecycle.ts';
import { skuKey } from '#domain/product.ts';
import { tableDefinition } from './table.ts';

/**
 * The one place key strings are formed, and the one place one is read (`hasStatus`). An item's primary key says what
 * it is (`RFQ#<id>` / `RFQ`); index keys say which list it appears in and in what order. Items carry their data as
 * plain attributes beside the keys.
 */
export interface PrimaryKey {
  PK: string;
  SK: string;
}

/** ISO timestamps sort as strings only in one shape; keys always use `toISOString()`'s. */
const sortable = (at: string): string => new Date(at).toISOString();
const newest = (at: string, id: string): string => `${sortable(at)}#${id}`;

/** Emails are compared case-insensitively everywhere else; a key must not split one rep into two partitions. */
const rep = (email: string): string => email.toLowerCase();

const HISTORY_SEQ_DIGITS = 10;

const kpiPartition = (scope: string, grouping: string, resolution: 'day' | 'month'): string =>
  `KPI#${scope}#${grouping}#${resolution}`;

export const keys = {
  rfq: (rfqId: string): PrimaryKey => ({ PK: `RFQ#${rfqId}`, SK: 'RFQ' }),
  historyEvent: (rfqId: string, seq: number): PrimaryKey => ({
    PK: `RFQ#${rfqId}`,
    SK: `HISTORY#${String(seq).padStart(HISTORY_SEQ_DIGITS, '0')}`,
  }),
  historyPrefix: 'HISTORY#',
  /** The thread, oldest first: sorted by when a comment was written. */
  comment: (rfqId: string, at: string, commentId: string): PrimaryKey => ({
    PK: `RFQ#${rfqId}`,
    SK: `COMMENT#${sortable(at)}#${commentId}`,
  }),
  commentPrefix: 'COMMENT#',
  quoteVersion: (rfqId: string, version: number): PrimaryKey => ({
    PK: `RFQ#${rfqId}`,
    SK: `VERSION#${String(version).padStart(HISTORY_SEQ_DIGITS, '0')}`,
  }),
  quoteVersionPrefix: 'VERSION#',
  link: (rfqId: string, tokenHash: string): PrimaryKey => ({ PK: `RFQ#${rfqId}`, SK: `LINK#${tokenHash}` }),
  linkPrefix: 'LINK#',
  wait: (rfqId: string, kind: string): PrimaryKey => ({ PK: `RFQ#${rfqId}`, SK: `WAIT#${kind}` }),
  /** The RFQ's entry in its rep's follow-ups, beside it while it waits on the buyer's side (domain/follow-ups.ts). */
  followUp: (rfqId: string): PrimaryKey => ({ PK: `RFQ#${rfqId}`, SK: 'FOLLOW_UP' }),
  /** The RFQ a follow-up entry stands for: the RFQ item of the same partition. */
  rfqOfFollowUp: (entry: PrimaryKey): PrimaryKey => ({ PK: entry.PK, SK: 'RFQ' }),
  rfqPartition: (rfqId: string): string => `RFQ#${rfqId}`,
  order: (orderId: string): PrimaryKey => ({ PK: `ORDER#${orderId}`, SK: 'ORDER' }),
  /** A product is keyed by its sku key, so one sku in two cases can never be two products. */
  product: (sku: string): PrimaryKey => ({ PK: `PRODUCT#${skuKey(sku)}`, SK: 'PRODUCT' }),
  /**
   * Where a product was stored before skus were keyed in any case: under its sku as spelled. Only the migration that
   * moves such products (migrations/product-keys.ts) reads it.
   */
  productAsSpelled: (sku: string): PrimaryKey => ({ PK: `PRODUCT#${sku}`, SK: 'PRODUCT' }),
  /** One word an active product is searched by, beside the product in its partition. */
  productWord: (sku: string, word: string): PrimaryKey => ({ PK: `PRODUCT#${skuKey(sku)}`, SK: `WORD#${word}` }),
  /** The product a word entry stands for: the product item of the same partition. */
  productOfWord: (word: PrimaryKey): PrimaryKey => ({ PK: word.PK, SK: 'PRODUCT' }),
  company: (companyId: string): PrimaryKey => ({ PK: `COMPANY#${companyId}`, SK: 'COMPANY' }),
  contract: (companyId: string): PrimaryKey => ({ PK: `COMPANY#${companyId}`, SK: 'CONTRACT' }),
  approvalRules: (companyId: string): PrimaryKey => ({ PK: `COMPANY#${companyId}`, SK: 'APPROVAL_RULES' }),
  /** The seller's tax settings: one item, read once per pricing. */
  taxSettings: { PK: 'TAX_SETTINGS', SK: 'TAX_SETTINGS' } as PrimaryKey,
  /** A sign-in account of the local user pool (functions/accounts/table-accounts.ts); Cognito holds them on AWS. */
  signInAccount: (email: string): PrimaryKey => ({ PK: `ACCOUNT#${email.toLowerCase()}`, SK: 'ACCOUNT' }),
  /** An OAuth client of the local OIDC provider (functions/integrations/table-clients.ts); Cognito holds them on AWS. */
  localClient: (clientId: string): PrimaryKey => ({ PK: `LOCAL_CLIENT#${clientId}`, SK: 'CLIENT' }),
  /** That a person has signed in once, beside their local account (functions/store/sign-in-record-store.ts). */
  signedIn: (email: string): PrimaryKey => ({ PK: `ACCOUNT#${email.toLowerCase()}`, SK: 'SIGNED_IN' }),
  /** A person's "tokens issued before T are void", beside their local account (functions/http/revocation.ts). */
  tokensRevoked: (email: string): PrimaryKey => ({ PK: `ACCOUNT#${email.toLowerCase()}`, SK: 'TOKENS_REVOKED' }),
  /** One KPI rollup: a partition per scope, grouping and resolution; sorted by period, then group. */
  kpiRollup: (key: RollupKey): PrimaryKey => ({
    PK: kpiPartition(key.scope, key.grouping, key.period.length === 7 ? 'month' : 'day'),
    SK: `${key.period}#${key.group}`,
  }),
  kpiPartition: (scope: string, grouping: string, resolution: 'day' | 'month'): string =>
    kpiPartition(scope, grouping, resolution),
  /** How often a month's rollups (its days' and its own) have changed: what a cached read of the month is checked by. */
  kpiRevision: (month: string): PrimaryKey => ({ PK: 'KPI_REVISION', SK: month }),
  kpiRevisionPartition: 'KPI_REVISION',
  /** That one part of one stream record's rollup updates was applied (kept while the record could be redelivered). */
  kpiApplied: (recordId: string, part: number): PrimaryKey => ({ PK: `KPI_APPLIED#${recordId}`, SK: `PART#${part}` }),
  budgets: (companyId: string): PrimaryKey => ({ PK: `COMPANY#${companyId}`, SK: 'BUDGETS' }),
  /** An integration client, in the one partition the seller's admin lists them from. */
  integration: (integrationId: string): PrimaryKey => ({ PK: 'INTEGRATIONS', SK: `INTEGRATION#${integrationId}` }),
  integrationPartition: 'INTEGRATIONS',
  /** The same integration under its OAuth client id: what a verified token is looked up by, once per request. */
  integrationClient: (clientId: string): PrimaryKey => ({ PK: `INTEGRATION_CLIENT#${clientId}`, SK: 'CLIENT' }),
  /** A person's out-of-office delegation: one per person, replaced whole. */
  delegation: (personEmail: string): PrimaryKey => ({ PK: `PERSON#${rep(personEmail)}`, SK: 'DELEGATION' }),
  /** What one buyer spent in one period (`month#2026-11`), in the company's partition beside its budgets. */
  /** An address we no longer write to (it bounced for good, or its reader complained): one per address. */
  suppressedAddress: (email: string): PrimaryKey => ({ PK: `MAIL#${email.toLowerCase()}`, SK: 'SUPPRESSED' }),
  /** One bounce or complaint SES reported for an address, kept beside its suppression: sorted by when it came. */
  mailFeedback: (email: string, at: string, feedbackId: string): PrimaryKey => ({
    PK: `MAIL#${email.toLowerCase()}`,
    SK: `FEEDBACK#${sortable(at)}#${feedbackId}`,
  }),
  mailFeedbackPrefix: 'FEEDBACK#',
  mailPartition: (email: string): string => `MAIL#${email.toLowerCase()}`,
  /** The integration feed: its events in one partition, by position, and the position last given. */
  feedPartition: 'FEED',
  feedCounter: { PK: 'FEED', SK: 'LAST' } as PrimaryKey,
  feedEvent: (position: number): PrimaryKey => ({ PK: 'FEED', SK: `EVENT#${String(position).padStart(15, '0')}` }),
  /** Above every event's sort key. */
  feedEventsEnd: 'EVENT#~',
  /** That an event of this id is in the feed, and where: so an event re-sent is appended once. */
  feedEventId: (eventId: string): PrimaryKey => ({ PK: `FEED_EVENT#${eventId}`, SK: 'APPENDED' }),
  /** Every webhook endpoint in one partition: the dispatcher reads them all on each event, and they are few. */
  webhookEndpointsPartition: 'WEBHOOKS',
  webhookEndpoint: (integrationId: string): PrimaryKey => ({ PK: 'WEBHOOKS', SK: `ENDPOINT#${integrationId}` }),
  /** An integration's deliveries by the event's feed position, so its log reads newest first. */
  webhookDeliveriesOf: (integrationId: string): string => `WEBHOOK#${integrationId}`,
  webhookDelivery: (integrationId: string, position: number): PrimaryKey => ({
    PK: `WEBHOOK#${integrationId}`,
    SK: `DELIVERY#${String(position).padStart(15, '0')}`,
  }),
  /** The last quote number given in a year's series (`2026`): RFQs are numbered from it, one atomic increment each. */
  quoteSerial: (series: string): PrimaryKey => ({ PK: 'QUOTE_NUMBER', SK: series }),
  spend: (companyId: string, buyerEmail: string, period: string): PrimaryKey => ({
    PK: `COMPANY#${companyId}`,
    SK: `SPEND#${rep(buyerEmail)}#${period}`,
  }),
} as const;

/** Partition values of the list indexes; the store queries them and checks cursors against them. */
export const listPartitions = {
  rfqsOfCompany: (companyId: string): string => `COMPANY#${companyId}#RFQ`,
  ordersOfCompany: (companyId: string): string => `COMPANY#${companyId}#ORDER`,
  /** A company's orders under one PO number, in any case and spacing: a PO typed twice is one PO. */
  ordersOfCompanyByPo: (companyId: string, poNumber: string): string =>
    `COMPANY#${companyId}#PO#${encodeURIComponent(poNumber.trim().toLowerCase())}`,
  rfqsOfRepByStatus: (repEmail: string): string => `REP#${rep(repEmail)}#RFQ_BY_STATUS`,
  rfqsOfRep: (repEmail: string): string => `REP#${rep(repEmail)}#RFQ`,
  companiesOfRep: (repEmail: string): string => `REP#${rep(repEmail)}#COMPANY`,
  allCompanies: 'ALL#COMPANY',
  allRfqs: 'ALL#RFQ',
  activeProducts: 'CATALOG#ACTIVE',
  allProducts: 'CATALOG#ALL',
  catalogWords: 'CATALOG#WORD',
  catalogWordsIn: (category: string): string => `CATALOG#WORD#${encodeURIComponent(category.toLowerCase())}`,
  allOrders: 'ALL#ORDER',
  linkByHash: (tokenHash: string): string => `LINK#${tokenHash}`,
  tasksOf: (assigneeEmail: string): string => `ASSIGNEE#${rep(assigneeEmail)}#TASK`,
  followUpsOf: (repEmail: string): string => `REP#${rep(repEmail)}#FOLLOW_UP`,
} as const;

/** The sort-key prefix of one status inside a rep's by-status partition. */
export const statusPrefix = (status: RfqStatus): string => `${status}#`;

/**
 * Newest-first sort keys of RFQs end in the status: ids are unique, so the suffix never changes the order, and a
 * keys-only index entry tells a list's status filter whether the RFQ is worth fetching.
 */
const newestWithStatus = (at: string, id: string, status: RfqStatus): string => `${newest(at, id)}#${status}`;
export const hasStatus = (sortKey: string, status: RfqStatus): boolean => sortKey.endsWith(`#${status}`);

/**
 * Index attributes of an RFQ item. Every one but the rep's plain list (GSI3) carries the status, so a transition
 * rewrites them — they are keys-only entries, a write unit each, whatever the size of the RFQ.
 */
export const rfqIndexKeys = (rfq: {
  rfqId: string;
  companyId: string;
  accountRepEmail: string;
  status: RfqStatus;
  createdAt: string;
}): Record<string, string> => ({
  GSI1PK: listPartitions.rfqsOfCompany(rfq.companyId),
  GSI1SK: newestWithStatus(rfq.createdAt, rfq.rfqId, rfq.status),
  GSI2PK: listPartitions.rfqsOfRepByStatus(rfq.accountRepEmail),
  GSI2SK: `${statusPrefix(rfq.status)}${newest(rfq.createdAt, rfq.rfqId)}`,
  GSI3PK: listPartitions.rfqsOfRep(rfq.accountRepEmail),
  GSI3SK: newest(rfq.createdAt, rfq.rfqId),
  GSI4PK: listPartitions.allRfqs,
  GSI4SK: newestWithStatus(rfq.createdAt, rfq.rfqId, rfq.status),
});

/**
 * A follow-up entry's place in its rep's follow-ups (sharing the byRep index under its own prefix): by state, then by
 * its follow-up date, so "quotes expiring by D" and "approvals untouched since T" are each one key range, soonest first.
 */
export const followUpIndexKeys = (entry: {
  rfqId: string;
  accountRepEmail: string;
  status: FollowUpStatus;
  date: string;
}): Record<string, string> => ({
  GSI3PK: listPartitions.followUpsOf(entry.accountRepEmail),
  GSI3SK: `${statusPrefix(entry.status)}${entry.date}#${entry.rfqId}`,
});

/** The follow-up entries of one state whose date is at most `due`: the key range a query reads. */
export const followUpRange = (status: FollowUpStatus, due: string): { from: string; to: string } => ({
  from: statusPrefix(status),
  // Every id after `due#` sorts below the highest code point: the whole of day or instant `due`, nothing after it.
  to: `${statusPrefix(status)}${due}#\u{10FFFF}`,
});

export const orderIndexKeys = (order: {
  orderId: string;
  companyId: string;
  poNumber: string;
  createdAt: string;
}): Record<string, string> => ({
  GSI1PK: listPartitions.ordersOfCompany(order.companyId),
  GSI1SK: newest(order.createdAt, order.orderId),
  GSI3PK: listPartitions.ordersOfCompanyByPo(order.companyId, order.poNumber),
  GSI3SK: newest(order.createdAt, order.orderId),
  GSI4PK: listPartitions.allOrders,
  GSI4SK: newest(order.createdAt, order.orderId),
});

export const companyIndexKeys = (company: { companyId: string; accountRepEmail: string }): Record<string, string> => ({
  GSI3PK: listPartitions.companiesOfRep(company.accountRepEmail),
  GSI3SK: company.companyId,
  GSI4PK: listPartitions.allCompanies,
  GSI4SK: company.companyId,
});

/**
 * The catalog's list entry, for active products only (a sparse index): sorted by category, then name, then sku, and
 * holding the lower-cased name and sku so a search keeps entries by their key without reading a product. The category
 * is URI-encoded so a `#` in it cannot end it early; a category filter is a prefix of the sort key.
 */
export const catalogCategoryPrefix = (category: string): string => `${encodeURIComponent(category.toLowerCase())}#`;

interface CatalogEntry {
  sku: string;
  name: string;
  category?: string | undefined;
}

export const catalogSortKey = (product: CatalogEntry): string =>
  `${catalogCategoryPrefix(product.category ?? '')}${product.name.toLowerCase()}#${product.sku.toLowerCase()}`;

/** The lower-cased name and sku in a catalog sort key (a word entry's too): after the category, split at the last `#`. */
export const catalogNameAndSku = (sortKey: string): { name: string; sku: string } => {
  const text = sortKey.slice(sortKey.indexOf('#') + 1);
  const last = text.lastIndexOf('#');
  return { name: text.slice(0, last), sku: text.slice(last + 1) };
};

export const productIndexKeys = (product: CatalogEntry & { active: boolean }): Record<string, string> => ({
  // Every product, active or not, for the seller's admin: by sku, holding the name so a search reads keys only.
  GSI3PK: listPartitions.allProducts,
  GSI3SK: `${product.sku.toLowerCase()}#${product.name.toLowerCase()}`,
  ...(product.active && { GSI4PK: listPartitions.activeProducts, GSI4SK: catalogSortKey(product) }),
});

/**
 * A word entry of an active product, in two partitions: the whole catalog's and its category's. Sorted by the word,
 * then as the catalog list is, so a search reads the entries of the words that begin with what was typed, in order.
 * Words hold letters and digits only, so the word ends at the first `#`.
 */
export const productWordIndexKeys = (product: CatalogEntry, word: string): Record<string, string> => ({
  GSI1PK: listPartitions.catalogWords,
  GSI1SK: `${word}#${catalogSortKey(product)}`,
  GSI2PK: listPartitions.catalogWordsIn(product.category ?? ''),
  GSI2SK: `${word}#${catalogSortKey(product)}`,
});

/** The word of a word entry's sort key, and the catalog sort key after it. */
export const catalogWordEntry = (sortKey: string): { word: string; entry: string } => {
  const end = sortKey.indexOf('#');
  return { word: sortKey.slice(0, end), entry: sortKey.slice(end + 1) };
};

export const linkIndexKeys = (link: { tokenHash: string }): Record<string, string> => ({
  GSI5PK: listPartitions.linkByHash(link.tokenHash),
});

/**
 * A pending link is a task of its approver: it sits in the approver's task partition (sharing the byRep index under
 * its own prefix), soonest due first. Deciding or revoking the link removes these two attributes, so the index holds
 * open tasks only (a sparse index) and "what waits for me" is one query, never a scan.
 */
export const taskIndexKeys = (link: {
  approver: string;
  expiresAt: string;
  rfqId: string;
  tokenHash: string;
}): Record<string, string> => ({
  GSI3PK: listPartitions.tasksOf(link.approver),
  GSI3SK: `${sortable(link.expiresAt)}#${link.rfqId}#${link.tokenHash}`,
});

/** The attributes `taskIndexKeys` sets, removed when a link stops waiting. */
export const taskIndexAttributes = [
  tableDefinition.indexes.byRep.partitionKey,
  tableDefinition.indexes.byRep.sortKey,
] as const;

/** Every attribute that exists only for DynamoDB; the item → domain mapping strips them. */
export const keyAttributeNames: ReadonlySet<string> = new Set([
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  tableDefinition.timeToLiveAttribute,
  ...Object.values(tableDefinition.indexes).flatMap((i) =>
    'sortKey' in i ? [i.partitionKey, i.sortKey] : [i.partitionKey],
  ),
]);
