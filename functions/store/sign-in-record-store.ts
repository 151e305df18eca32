import { keys } from './keys.ts';
import type { SignInRecordStore } from './ports.ts';
import type { TableClient } from './table-client.ts';

/** One item per person seen signed in, beside their local account; written once, never removed. */
export const createSignInRecordStore = (table: TableClient): SignInRecordStore => ({
  async signedIn(emails) {
    if (emails.length === 0) return new Set();
    const people = [...new Set(emails.map((e) => e.toLowerCase()))];
    // Eventually consistent is enough: a record missed is only a question to the pool that it answers the same.
    const found = await table.batchGet(people.map(keys.signedIn), { consistent: false });
    return new Set(found.map((item) => String(item.email)));
  },
  async record(emails) {
    const people = [...new Set(emails.map((e) => e.toLowerCase()))];
    await table.batchPut(people.map((email) => ({ ...keys.signedIn(email), email })));
  },
});
