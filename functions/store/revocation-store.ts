import { isLostRace } from './conflict.ts';
import { keys } from './keys.ts';
import type { RevocationStore } from './ports.ts';
import type { TableClient } from './table-client.ts';

/**
 * One item per person ever revoked, beside their local account: `validSince`, the first second whose tokens count. A
 * token issued in the very second of the revocation is void too (`iat` has whole seconds), so a person re-listed at
 * once signs in a second later.
 */
export const createRevocationStore = (table: TableClient): RevocationStore => ({
  async validSince(email) {
    const item = await table.get(keys.tokensRevoked(email), {
      projection: '#validSince',
      names: { '#validSince': 'validSince' },
    });
    return typeof item?.validSince === 'number' ? item.validSince : undefined;
  },
  async revoke(emails, at) {
    const validSince = Math.floor(at.getTime() / 1000) + 1;
    await Promise.all(
      [...new Set(emails.map((e) => e.toLowerCase()))].map((email) =>
        table
          .update({
            Key: keys.tokensRevoked(email),
            // Never backwards: a slower writer of an earlier revocation leaves the later one standing.
            UpdateExpression: 'SET #validSince = :validSince, #email = :email',
            ConditionExpression: 'attribute_not_exists(#validSince) OR #validSince < :validSince',
            ExpressionAttributeNames: { '#validSince': 'validSince', '#email': 'email' },
            ExpressionAttributeValues: { ':validSince': validSince, ':email': email },
          })
          .catch((error: unknown) => {
            if (!isLostRace(error)) throw error;
          }),
      ),
    );
  },
});
