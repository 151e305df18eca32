import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { StandInEnded } from '#domain/delegation.ts';
import { isLostRace } from './conflict.ts';
import { expiresAtEpoch, fromItem, toItem } from './item.ts';
import { keys, linkIndexKeys, listPartitions, taskIndexAttributes, taskIndexKeys } from './keys.ts';
import { type ApprovalLink, ConflictError, type LinkStore } from './ports.ts';
import { tableDefinition } from './table.ts';
import type { Item, TableClient } from './table-client.ts';

/** An expired link stays this long before TTL removes it, so it still answers "expired" (410), not "unknown". */
const LINK_RETENTION_SECONDS = 30 * 24 * 3600;
const MAX_LINKS_PER_WAIT = 100;

const toLink = (item: Item): ApprovalLink => fromItem(item) as unknown as ApprovalLink;

/** `expiresAt` is compared as a string inside DynamoDB conditions, so it is always stored in one ISO shape. */
const iso = (at: string): string => new Date(at).toISOString();

const linkItem = (link: ApprovalLink): Item => ({
  ...toItem(
    keys.link(link.rfqId, link.tokenHash),
    { ...linkIndexKeys(link), ...(link.status === 'PENDING' && taskIndexKeys(link)) },
    {
      ...link,
      createdAt: iso(link.createdAt),
      expiresAt: iso(link.expiresAt),
    },
  ),
  [tableDefinition.timeToLiveAttribute]: expiresAtEpoch(link.expiresAt, LINK_RETENTION_SECONDS),
});

/** The old image DynamoDB returns with a failed condition is in attribute-value form; only two strings matter. */
/** A link that stops waiting leaves its approver's task list in the same write. */
const leaveTasks = `REMOVE ${taskIndexAttributes.join(', ')}`;

const oldString = (item: unknown, name: string): string | undefined =>
  (item as Record<string, { S?: string } | undefined> | undefined)?.[name]?.S;

export const createLinkStore = (table: TableClient): LinkStore => {
  const linksOf = async (rfqId: string): Promise<ApprovalLink[]> =>
    (
      await table.queryAll({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.rfqPartition(rfqId), ':prefix': keys.linkPrefix },
        ConsistentRead: true,
      })
    ).map(toLink);

  /** PENDING → REVOKED (with why, for a stand-in withdrawn), one conditional write each; answers how many it revoked. */
  const revokeEach = async (pending: readonly ApprovalLink[], withdrawn?: StandInEnded): Promise<number> => {
    const revoked = await Promise.all(
      pending.map(async (l) => {
        try {
          await table.update({
            Key: keys.link(l.rfqId, l.tokenHash),
            UpdateExpression: `SET #status = :revoked${withdrawn ? ', #withdrawn = :withdrawn' : ''} ${leaveTasks}`,
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status', ...(withdrawn && { '#withdrawn': 'withdrawn' }) },
            ExpressionAttributeValues: {
              ':revoked': 'REVOKED',
              ':pending': 'PENDING',
              ...(withdrawn && { ':withdrawn': withdrawn }),
            },
          });
          return 1;
        } catch (error) {
          // Decided (or revoked) between the read and this write: it is no longer pending, which is all we wanted.
          if (error instanceof ConditionalCheckFailedException) return 0;
          throw error;
        }
      }),
    );
    return revoked.reduce<number>((sum, n) => sum + n, 0);
  };

  return {
    /** All links of one wait in one transaction: either every email can be sent, or none. */
    async createLinks(links) {
      if (links.length === 0) return;
      if (links.length > MAX_LINKS_PER_WAIT) {
        throw new RangeError(`a wait has at most ${MAX_LINKS_PER_WAIT} links, got ${links.length}`);
      }
      try {
        await table.transactWrite(
          links.map((link) => ({ Put: { Item: linkItem(link), ConditionExpression: 'attribute_not_exists(PK)' } })),
        );
      } catch (error) {
        if (isLostRace(error))
          throw new ConflictError('an approval link with that token hash exists', { cause: error });
        throw error;
      }
    },

    /** The index is eventually consistent and holds keys only; the link itself comes from a consistent read. */
    async findByHash(tokenHash) {
      const { items } = await table.query({
        IndexName: tableDefinition.indexes.byTokenHash.indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': tableDefinition.indexes.byTokenHash.partitionKey },
        ExpressionAttributeValues: { ':pk': listPartitions.linkByHash(tokenHash) },
        Limit: 1,
      });
      const found = items[0];
      if (!found) return undefined;
      const item = await table.get({ PK: found.PK as string, SK: found.SK as string });
      return item && toLink(item);
    },

    async decide(link, decision, now) {
      const key = keys.link(link.rfqId, link.tokenHash);
      try {
        const decided = await table.update({
          Key: key,
          UpdateExpression: `SET #status = :decided, #decision = :decision ${leaveTasks}`,
          ConditionExpression: 'attribute_exists(PK) AND #status = :pending AND #expiresAt > :now',
          ExpressionAttributeNames: { '#status': 'status', '#decision': 'decision', '#expiresAt': 'expiresAt' },
          ExpressionAttributeValues: {
            ':decided': 'DECIDED',
            ':pending': 'PENDING',
            ':decision': JSON.parse(JSON.stringify(decision)),
            ':now': iso(now),
          },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        });
        return { ok: true, link: toLink(decided ?? {}) };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        if (!error.Item) return { ok: false, reason: 'missing' };
        const status = oldString(error.Item, 'status');
        if (status === 'DECIDED') return { ok: false, reason: 'decided' };
        if (status === 'REVOKED') return { ok: false, reason: 'revoked' };
        return { ok: false, reason: 'expired' };
      }
    },

    async revoke(rfqId, filter = {}) {
      const pending = (await linksOf(rfqId)).filter(
        (l) =>
          l.status === 'PENDING' &&
          (filter.waitId === undefined || l.waitId === filter.waitId) &&
          l.tokenHash !== filter.exceptHash &&
          (filter.person === undefined || (l.onBehalfOf ?? l.approver) === filter.person),
      );
      return revokeEach(pending);
    },

    revokeLinks: (links, withdrawn) =>
      revokeEach(
        links.filter((l) => l.status === 'PENDING'),
        withdrawn,
      ),

    async withdraw(link) {
      try {
        await table.update({
          Key: keys.link(link.rfqId, link.tokenHash),
          UpdateExpression: 'SET #status = :revoked',
          ConditionExpression: '#status = :decided',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':revoked': 'REVOKED', ':decided': 'DECIDED' },
        });
      } catch (error) {
        // Not decided (never was, or withdrawn already): nothing counts on it, which is all we wanted.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },

    listForRfq: linksOf,

    /**
     * The approver's open tasks from the sparse task index (soonest due first; expired ones skipped by the key
     * condition), each link then read consistently and kept only if it still waits: the index may lag a decision.
     */
    async pendingFor(approver, now) {
      const index = tableDefinition.indexes.byRep;
      const entries = await table.queryAll({
        IndexName: index.indexName,
        KeyConditionExpression: '#pk = :pk AND #sk > :now',
        ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
        ExpressionAttributeValues: { ':pk': listPartitions.tasksOf(approver), ':now': iso(now) },
      });
      const found = await table.batchGet(entries.map((e) => ({ PK: e.PK as string, SK: e.SK as string })));
      return found
        .map(toLink)
        .filter((l) => l.status === 'PENDING' && l.expiresAt > iso(now))
        .sort((a, b) => (a.expiresAt < b.expiresAt ? -1 : a.expiresAt > b.expiresAt ? 1 : 0));
    },
  };
};
