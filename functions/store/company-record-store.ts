import { type Company, companySchema } from '#domain/company.ts';
import { isLostRace } from './conflict.ts';
import { fromItem, toItem } from './item.ts';
import { companyIndexKeys, keys } from './keys.ts';
import { type CompanyRecordStore, type CompanySave, StaleRevision } from './ports.ts';
import type { Item, TableClient } from './table-client.ts';

const REVISION = 'revision';
const PENDING = 'pendingAccounts';
const MOVING_OUT = 'movingOut';
const names = { '#revision': REVISION };

/** The condition that the company item is still at `revision` (0: stored before items had one). */
const atRevision = (revision: number) =>
  revision === 0
    ? {
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#revision)',
        ExpressionAttributeNames: names,
      }
    : {
        ConditionExpression: '#revision = :revision',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':revision': revision },
      };

const pendingOf = (item: Item): string[] => {
  const pending = item[PENDING];
  return pending instanceof Set ? [...pending].map(String).sort() : [];
};

const movingOutOf = (item: Item): Record<string, string> => {
  const moving = item[MOVING_OUT];
  return typeof moving === 'object' && moving !== null && !(moving instanceof Set)
    ? Object.fromEntries(
        Object.entries(moving).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      )
    : {};
};

/**
 * The company item at its next revision, with the people pending and those moving out, written only over the revision
 * read.
 */
const putOver = (company: Company, over: CompanySave['over']) => {
  const pending = [...new Set(over.pendingAccounts.map((e) => e.toLowerCase()))];
  return {
    Item: {
      ...toItem(keys.company(company.companyId), companyIndexKeys(company), {
        ...company,
        [REVISION]: (over.revision ?? 0) + 1,
      }),
      ...(pending.length > 0 && { [PENDING]: new Set(pending) }),
      ...(Object.keys(over.movingOut).length > 0 && { [MOVING_OUT]: { ...over.movingOut } }),
    },
    ...(over.revision === undefined ? { ConditionExpression: 'attribute_not_exists(PK)' } : atRevision(over.revision)),
  };
};

/**
 * The company item with its lock (`revision`) and the people whose accounts wait to be brought in line (a string set,
 * so one reconciler's done emails are taken out without touching another's). Approval rules stay their own item; a
 * rules save moves the company's revision in the same transaction.
 */
export const createCompanyRecordStore = (table: TableClient): CompanyRecordStore => ({
  async get(companyId) {
    const item = await table.get(keys.company(companyId));
    if (!item) return undefined;
    const revision = item[REVISION];
    return {
      company: companySchema.parse(fromItem(item)),
      revision: typeof revision === 'number' ? revision : 0,
      pendingAccounts: pendingOf(item),
      movingOut: movingOutOf(item),
    };
  },
  async save(company, over) {
    try {
      await table.put(putOver(company, over));
    } catch (error) {
      if (isLostRace(error)) throw new StaleRevision(company.companyId);
      throw error;
    }
    return (over.revision ?? 0) + 1;
  },
  async saveTogether(saves) {
    try {
      await table.transactWrite(saves.map(({ company, over }) => ({ Put: putOver(company, over) })));
    } catch (error) {
      if (isLostRace(error)) throw new StaleRevision(saves.map(({ company }) => company.companyId).join(', '));
      throw error;
    }
    return saves.map(({ over }) => (over.revision ?? 0) + 1);
  },
  async saveRules(companyId, rules, revision) {
    const condition = atRevision(revision);
    try {
      await table.transactWrite([
        {
          Update: {
            Key: keys.company(companyId),
            UpdateExpression: 'SET #revision = :next',
            ...condition,
            ExpressionAttributeValues: { ...condition.ExpressionAttributeValues, ':next': revision + 1 },
          },
        },
        { Put: { Item: toItem(keys.approvalRules(companyId), {}, { companyId, rules }) } },
      ]);
    } catch (error) {
      if (isLostRace(error)) throw new StaleRevision(companyId);
      throw error;
    }
    return revision + 1;
  },
  async pend(companyId, emails) {
    if (emails.length === 0) return;
    try {
      await table.update({
        Key: keys.company(companyId),
        UpdateExpression: 'ADD #pending :emails',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#pending': PENDING },
        ExpressionAttributeValues: { ':emails': new Set(emails.map((e) => e.toLowerCase())) },
      });
    } catch (error) {
      if (!isLostRace(error)) throw error;
    }
  },
  async movedOut(companyId, email, to) {
    try {
      await table.update({
        Key: keys.company(companyId),
        UpdateExpression: 'REMOVE #moving.#email',
        ConditionExpression: '#moving.#email = :to',
        ExpressionAttributeNames: { '#moving': MOVING_OUT, '#email': email.toLowerCase() },
        ExpressionAttributeValues: { ':to': to },
      });
    } catch (error) {
      if (!isLostRace(error)) throw error;
    }
  },
  async accountsInLine(companyId, revision, emails) {
    if (emails.length === 0) return true;
    const condition = atRevision(revision);
    try {
      await table.update({
        Key: keys.company(companyId),
        UpdateExpression: 'DELETE #pending :done',
        ...condition,
        ExpressionAttributeNames: { ...condition.ExpressionAttributeNames, '#pending': PENDING },
        ExpressionAttributeValues: { ...condition.ExpressionAttributeValues, ':done': new Set(emails) },
      });
      return true;
    } catch (error) {
      if (isLostRace(error)) return false;
      throw error;
    }
  },
});
