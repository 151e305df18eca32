import type { Delegation } from '#domain/delegation.ts';
import { fromItem, toItem } from './item.ts';
import { keys } from './keys.ts';
import type { DelegationStore } from './ports.ts';
import type { TableClient } from './table-client.ts';

/** One item per person, replaced whole; read by the person's email whenever a wait opens for them. */
export const createDelegationStore = (table: TableClient): DelegationStore => ({
  async put(delegation) {
    await table.put({ Item: toItem(keys.delegation(delegation.personEmail), {}, { ...delegation }) });
  },
  async get(personEmail) {
    const item = await table.get(keys.delegation(personEmail));
    return item && (fromItem(item) as unknown as Delegation);
  },
  async delete(personEmail) {
    await table.delete({ Key: keys.delegation(personEmail) });
  },
});
