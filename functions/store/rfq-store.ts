import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type Comment, commentSchema } from '#domain/comment.ts';
import { type FollowUpStatus, followUpDate, isFollowUpStatus } from '#domain/follow-ups.ts';
import { nextStatus, type RfqAction, type RfqStatus } from '#domain/lifecycle.ts';
import { stampMilestones } from '#domain/milestones.ts';
import { type Order, orderIdFor } from '#domain/order.ts';
import { formatQuoteNumber, quoteNumberSeries } from '#domain/quote-number.ts';
import { type QuoteVersion, quoteChanges, quoteVersionSchema } from '#domain/quote-version.ts';
import { type Rfq, rfqSchema } from '#domain/rfq.ts';
import { spendWrite } from './budget-store.ts';
import { isLostRace } from './conflict.ts';
import { type ChainHead, genesisHash, sealEvent, verifyChain } from './history.ts';
import { fromItem, toItem } from './item.ts';
import {
  followUpIndexKeys,
  followUpRange,
  hasStatus,
  keys,
  listPartitions,
  orderIndexKeys,
  rfqIndexKeys,
  statusPrefix,
} from './keys.ts';
import { type ListSpec, listPage } from './list-page.ts';
import { packLarge, unpack } from './packed.ts';
import {
  BudgetExceeded,
  ConflictError,
  type EventInput,
  type HistoryEvent,
  type ListQuery,
  type Page,
  type RfqStore,
} from './ports.ts';
import { tableDefinition } from './table.ts';
import type { Item, TableClient, TransactWrite } from './table-client.ts';

const { byCompany, byRepStatus, byRep, byCreated } = tableDefinition.indexes;

/**
 * Where an RFQ's history chain ends, carried on the RFQ objects this store hands out (a symbol key: spreads keep it,
 * JSON never shows it), so appending an event needs no extra read. Without it the store reads the head first; the
 * write is guarded by version and seq either way, so a stale head can only cause a ConflictError, never a fork.
 */
const chainHead = Symbol('historyChainHead');
type Carried = Rfq & { [chainHead]?: ChainHead };

const withHead = (rfq: Rfq, head: ChainHead): Rfq => Object.assign(rfq, { [chainHead]: head });

const STORE_ONLY = ['historySeq', 'historyHead'] as const;

/** The parts of an RFQ that grow with its lines; packed when the item would near DynamoDB's size limit. */
const BULKY: readonly (keyof Rfq)[] = ['lines', 'quote', 'approvals'];

/** An RFQ item (as stored, or from a stream image) → the RFQ. */
export const toRfq = (item: Item): Rfq =>
  withHead(rfqSchema.parse(fromItem(unpack(item), STORE_ONLY)), {
    seq: item.historySeq as number,
    hash: item.historyHead as string,
  });

const rfqItem = (rfq: Rfq, head: ChainHead): Item =>
  packLarge(
    { ...toItem(keys.rfq(rfq.rfqId), rfqIndexKeys(rfq), rfq), historySeq: head.seq, historyHead: head.hash },
    BULKY,
  );

const historyItem = (event: HistoryEvent): Item => toItem(keys.historyEvent(event.rfqId, event.seq), {}, event);

const toEvent = (item: Item): HistoryEvent => fromItem(item) as unknown as HistoryEvent;

const commentItem = (comment: Comment): Item =>
  toItem(keys.comment(comment.rfqId, comment.at, comment.commentId), {}, comment);

const versionItem = (version: QuoteVersion): Item =>
  packLarge(toItem(keys.quoteVersion(version.rfqId, version.version), {}, version), ['quote', 'changes']);

const toVersion = (item: Item): QuoteVersion => quoteVersionSchema.parse(fromItem(unpack(item)));

/**
 * What a write adds beside the RFQ and its event: the decision's comment in the thread, and the quote version when the
 * write makes a new one (with what changed from the current one; a seller note never becomes a change's reason).
 */
const companions = (current: Rfq, next: Rfq, input: EventInput, seq: number): TransactWrite[] => {
  const writes: TransactWrite[] = [];
  (input.comments ?? []).forEach((posted, n) => {
    const comment: Comment = {
      commentId: `${current.rfqId}-${seq}-${n + 1}`,
      rfqId: current.rfqId,
      at: next.updatedAt,
      author: posted.by?.email ?? input.actor.email,
      role: posted.by?.role ?? input.actor.role,
      visibility: posted.visibility,
      text: posted.text,
      quoteVersion: next.quote?.version ?? null,
      decision: input.action,
    };
    writes.push({ Put: { Item: commentItem(comment), ConditionExpression: 'attribute_not_exists(PK)' } });
  });
  // Only a newer version is written: a refused revision puts the version the buyer holds back, which exists already.
  if (next.quote && next.quote.version > (current.quote?.version ?? 0)) {
    const shared = input.comments?.filter((c) => c.visibility === 'shared').map((c) => c.text);
    const reason = shared?.length ? shared.join('\n') : undefined;
    const version: QuoteVersion = {
      rfqId: current.rfqId,
      version: next.quote.version,
      createdAt: next.updatedAt,
      createdBy: input.actor,
      quote: next.quote,
      changes: quoteChanges(current.quote, next.quote, input.actor, reason),
    };
    writes.push({ Put: { Item: versionItem(version), ConditionExpression: 'attribute_not_exists(PK)' } });
  }
  return writes;
};

/** The RFQ's follow-up entry's index keys, when it is in a follow-up state with a date. */
const followUpKeys = (rfq: Rfq): Record<string, string> | undefined => {
  const date = followUpDate(rfq);
  return date !== undefined && isFollowUpStatus(rfq.status)
    ? followUpIndexKeys({ rfqId: rfq.rfqId, accountRepEmail: rfq.accountRepEmail, status: rfq.status, date })
    : undefined;
};

/**
 * The write that keeps the RFQ's follow-up entry in step with it, in the RFQ's own transaction: put where it now
 * belongs (a new state, date or rep), deleted once it left the follow-up states; none when its place did not move.
 */
const followUpWrite = (current: Rfq | undefined, next: Rfq): TransactWrite[] => {
  const before = current && followUpKeys(current);
  const after = followUpKeys(next);
  if (before?.GSI3PK === after?.GSI3PK && before?.GSI3SK === after?.GSI3SK) return [];
  if (after) return [{ Put: { Item: toItem(keys.followUp(next.rfqId), after, { rfqId: next.rfqId }) } }];
  return [{ Delete: { Key: keys.followUp(next.rfqId) } }];
};

/** A status filter on a newest-first index whose sort keys end in the status. */
const statusFilter = (status: RfqStatus | undefined): Pick<ListSpec, 'keep'> =>
  status ? { keep: (sortKey) => hasStatus(sortKey, status) } : {};

const now = (): string => new Date().toISOString();

export const createRfqStore = (table: TableClient): RfqStore => {
  /** The chain head as stored on the RFQ item (a consistent read of two attributes). */
  const storedHead = async (rfqId: string): Promise<ChainHead | undefined> => {
    const item = await table.get(keys.rfq(rfqId), {
      projection: '#seq, #head',
      names: { '#seq': 'historySeq', '#head': 'historyHead' },
    });
    return item && { seq: item.historySeq as number, hash: item.historyHead as string };
  };

  const headOf = async (rfq: Rfq): Promise<ChainHead> => {
    const head = (rfq as Carried)[chainHead] ?? (await storedHead(rfq.rfqId));
    if (!head) throw new ConflictError(`RFQ ${rfq.rfqId} does not exist`);
    return head;
  };

  /** The next state of the RFQ; identity fields never change, and the result must still be a valid RFQ. */
  const nextRfq = (current: Rfq, changes: Partial<Rfq>, at: string): Rfq => {
    const status = changes.status ?? current.status;
    return rfqSchema.parse({
      ...current,
      ...changes,
      rfqId: current.rfqId,
      ...(current.quoteNumber !== undefined && { quoteNumber: current.quoteNumber }),
      companyId: current.companyId,
      accountRepEmail: current.accountRepEmail,
      createdAt: current.createdAt,
      status,
      version: current.version + 1,
      updatedAt: at,
      milestones: status === current.status ? current.milestones : stampMilestones(current.milestones, status, at),
    });
  };

  /**
   * One transaction: the RFQ item (only if it is still at the status, version and chain position the caller saw),
   * the next history event (only if its seq is free), and whatever else must happen with them.
   */
  const write = async (current: Rfq, next: Rfq, input: EventInput, also: TransactWrite[] = []): Promise<Rfq> => {
    const head = await headOf(current);
    const event = sealEvent({
      rfqId: current.rfqId,
      seq: head.seq + 1,
      at: next.updatedAt,
      actor: input.actor,
      action: input.action,
      ...(next.status !== current.status && { from: current.status, to: next.status }),
      ...(input.detail && { detail: input.detail }),
      prevHash: head.hash,
    });
    const nextHead = { seq: event.seq, hash: event.hash };
    try {
      await table.transactWrite([
        ...also,
        ...companions(current, next, input, event.seq),
        ...followUpWrite(current, next),
        {
          Put: {
            Item: rfqItem(next, nextHead),
            ConditionExpression: '#status = :status AND #version = :version AND #seq = :seq',
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version', '#seq': 'historySeq' },
            ExpressionAttributeValues: { ':status': current.status, ':version': current.version, ':seq': head.seq },
          },
        },
        { Put: { Item: historyItem(event), ConditionExpression: 'attribute_not_exists(PK)' } },
      ]);
    } catch (error) {
      if (isLostRace(error)) {
        throw new ConflictError(`RFQ ${current.rfqId} changed after version ${current.version} (${current.status})`, {
          cause: error,
        });
      }
      throw error;
    }
    return withHead(next, nextHead);
  };

  const rfqPartitionOf = (rfqId: string) => ({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.rfqPartition(rfqId), ':prefix': keys.historyPrefix },
    ConsistentRead: true,
  });

  /**
   * A page of RFQs. The index may lag the items (it is eventually consistent), so an RFQ whose status moved on since
   * its entry was written is dropped from a status-filtered page rather than shown under the wrong status.
   */
  const rfqPage = async (query: ListQuery, spec: Omit<ListSpec, 'limit' | 'cursor'>): Promise<Page<Rfq>> => {
    const page = await listPage(table, { ...spec, limit: query.limit, cursor: query.cursor }, toRfq);
    return query.status ? { ...page, items: page.items.filter((r) => r.status === query.status) } : page;
  };

  const history = async (rfqId: string): Promise<HistoryEvent[]> =>
    (await table.queryAll(rfqPartitionOf(rfqId))).map(toEvent);

  const historyBetween = async (rfqId: string, first: number, last: number): Promise<HistoryEvent[]> =>
    (
      await table.queryAll({
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :last',
        ExpressionAttributeValues: {
          ':pk': keys.rfqPartition(rfqId),
          ':first': keys.historyEvent(rfqId, first).SK,
          ':last': keys.historyEvent(rfqId, last).SK,
        },
        ConsistentRead: true,
      })
    ).map(toEvent);

  const partitionPrefix = (rfqId: string, prefix: string) => ({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.rfqPartition(rfqId), ':prefix': prefix },
    ConsistentRead: true,
  });

  return {
    /** Also marks the caller's `rfq` with its chain head, so its first transition needs no read. */
    async create(rfq, input) {
      const series = quoteNumberSeries(rfq.createdAt);
      const drawn = await table.update({
        Key: keys.quoteSerial(series),
        UpdateExpression: 'ADD #last :one',
        ExpressionAttributeNames: { '#last': 'last' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      });
      const created = rfqSchema.parse({ ...rfq, quoteNumber: formatQuoteNumber(series, Number(drawn?.last)) });
      const event = sealEvent({
        rfqId: created.rfqId,
        seq: 1,
        at: created.createdAt,
        actor: input.actor,
        action: input.action,
        to: created.status,
        ...(input.detail && { detail: input.detail }),
        prevHash: genesisHash,
      });
      try {
        await table.transactWrite([
          { Put: { Item: rfqItem(created, event), ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { Item: historyItem(event), ConditionExpression: 'attribute_not_exists(PK)' } },
          ...followUpWrite(undefined, created),
        ]);
      } catch (error) {
        if (isLostRace(error)) throw new ConflictError(`RFQ ${rfq.rfqId} already exists`, { cause: error });
        throw error;
      }
      // The caller's object becomes the stored RFQ, so its first transition keeps the number and needs no read.
      return withHead(Object.assign(rfq, { quoteNumber: created.quoteNumber }), { seq: event.seq, hash: event.hash });
    },

    async get(rfqId) {
      const item = await table.get(keys.rfq(rfqId));
      return item && toRfq(item);
    },

    async transition(rfq, action: RfqAction, changes, input) {
      const to = nextStatus(action, rfq.status);
      const at = now();
      return write(rfq, nextRfq(rfq, { ...changes, status: to }, at), input);
    },

    async update(rfq, changes, input) {
      return write(rfq, nextRfq(rfq, { ...changes, status: rfq.status }, now()), input);
    },

    async reassign(rfq, repEmail, input) {
      return write(rfq, { ...nextRfq(rfq, { status: rfq.status }, now()), accountRepEmail: repEmail }, input);
    },

    async convertToOrder(rfq, order: Order, input, charges = []) {
      const to = nextStatus('convert', rfq.status);
      if (order.orderId !== orderIdFor(rfq.rfqId) || order.rfqId !== rfq.rfqId) {
        throw new Error(
          `order ${order.orderId} is not the order of RFQ ${rfq.rfqId} (expected ${orderIdFor(rfq.rfqId)})`,
        );
      }
      const tooSmall = charges.filter((c) => c.limit !== undefined && order.total > c.limit);
      if (tooSmall.length > 0) throw new BudgetExceeded(tooSmall.map((c) => c.period));
      const next = nextRfq(rfq, { status: to, orderId: order.orderId }, now());
      const orderPut: TransactWrite = {
        Put: {
          Item: toItem(keys.order(order.orderId), orderIndexKeys(order), order),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      };
      const spends = charges.map((c) => spendWrite(order, c.period, c.limit));
      try {
        return await write(rfq, next, input, [orderPut, ...spends]);
      } catch (error) {
        // The RFQ and the order were as expected, only a limited period's spend was not: the budget ran out meanwhile.
        const reasons =
          error instanceof ConflictError && error.cause instanceof TransactionCanceledException
            ? (error.cause.CancellationReasons ?? [])
            : [];
        const failed = charges.filter((_, i) => reasons[1 + i]?.Code === 'ConditionalCheckFailed');
        const othersFine = reasons.every((r, i) => (i >= 1 && i <= charges.length) || r.Code === 'None');
        if (failed.length > 0 && othersFine) throw new BudgetExceeded(failed.map((c) => c.period));
        throw error;
      }
    },

    listByCompany(companyId, query: ListQuery) {
      return rfqPage(query, {
        tag: `rfqs of company ${companyId}|${query.status ?? ''}`,
        index: byCompany,
        partition: listPartitions.rfqsOfCompany(companyId),
        ...statusFilter(query.status),
      });
    },

    listByRep(repEmail, query: ListQuery) {
      return rfqPage(query, {
        tag: `rfqs of rep ${repEmail.toLowerCase()}|${query.status ?? ''}`,
        ...(query.status
          ? {
              index: byRepStatus,
              partition: listPartitions.rfqsOfRepByStatus(repEmail),
              sortPrefix: statusPrefix(query.status),
            }
          : { index: byRep, partition: listPartitions.rfqsOfRep(repEmail) }),
      });
    },

    listAll(query: ListQuery) {
      return rfqPage(query, {
        tag: `all rfqs|${query.status ?? ''}`,
        index: byCreated,
        partition: listPartitions.allRfqs,
        ...statusFilter(query.status),
      });
    },

    async followUps(repEmail, status: FollowUpStatus, due, limit) {
      const { from, to } = followUpRange(status, due);
      const { items: entries } = await table.query({
        IndexName: byRep.indexName,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#pk': byRep.partitionKey, '#sk': byRep.sortKey },
        ExpressionAttributeValues: { ':pk': listPartitions.followUpsOf(repEmail), ':from': from, ':to': to },
        Limit: limit,
      });
      const rfqKeys = entries.map((entry) => keys.rfqOfFollowUp({ PK: String(entry.PK), SK: String(entry.SK) }));
      const found = new Map(
        (await table.batchGet(rfqKeys, { consistent: false })).map((item) => [String(item.PK), toRfq(item)]),
      );
      // The index lags its items: an RFQ that moved on since (another state, rep or date) is left out.
      return rfqKeys.flatMap(({ PK }) => {
        const rfq = found.get(PK);
        const still =
          rfq?.status === status &&
          rfq.accountRepEmail.toLowerCase() === repEmail.toLowerCase() &&
          (followUpDate(rfq) ?? '') <= due;
        return still ? [rfq] : [];
      });
    },

    async indexFollowUp(rfq) {
      const [put] = followUpWrite(undefined, rfq);
      if (!put?.Put) return 'in place';
      try {
        await table.transactWrite([
          { Put: { ...put.Put, ConditionExpression: 'attribute_not_exists(PK)' } },
          {
            ConditionCheck: {
              Key: keys.rfq(rfq.rfqId),
              ConditionExpression: '#version = :version',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':version': rfq.version },
            },
          },
        ]);
        return 'indexed';
      } catch (error) {
        if (isLostRace(error)) return 'in place';
        throw error;
      }
    },

    history,

    async versions(rfqId) {
      return (await table.queryAll(partitionPrefix(rfqId, keys.quoteVersionPrefix))).map(toVersion);
    },

    async version(rfqId, version) {
      const item = await table.get(keys.quoteVersion(rfqId, version));
      return item && toVersion(item);
    },

    async comments(rfqId) {
      return (await table.queryAll(partitionPrefix(rfqId, keys.commentPrefix))).map((item) =>
        commentSchema.parse(fromItem(item)),
      );
    },

    async addComment(comment) {
      await table.put({
        Item: commentItem(commentSchema.parse(comment)),
        ConditionExpression: 'attribute_not_exists(PK)',
      });
    },

    /**
     * Reads the events, then the head: a transition writes its event and the head in one transaction and the head
     * only moves forward, so every event up to the head read afterwards exists and is read next. An event beyond
     * that head was never recorded on the RFQ, which the chain check reports; one written after it is not looked at.
     */
    async verifyHistory(rfqId) {
      const events = await history(rfqId);
      const head = await storedHead(rfqId);
      if (!head) return { ok: false, brokenAt: 0, reason: `RFQ ${rfqId} does not exist` };
      const last = events.at(-1)?.seq ?? 0;
      const since = head.seq > last ? await historyBetween(rfqId, last + 1, head.seq) : [];
      return verifyChain([...events, ...since], head);
    },
  };
};
