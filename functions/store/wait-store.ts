import { expiresAtEpoch, fromItem, toItem } from './item.ts';
import { keys } from './keys.ts';
import type { TaskWait, WaitStore } from './ports.ts';
import { tableDefinition } from './table.ts';
import type { TableClient } from './table-client.ts';

/** A wait outlives its timeout by a day before TTL removes it, long enough to answer a late click clearly. */
const WAIT_RETENTION_SECONDS = 24 * 3600;

/** One item per RFQ and kind; a new callback attempt overwrites the previous attempt's task token. */
export const createWaitStore = (table: TableClient): WaitStore => ({
  async put(wait) {
    await table.put({
      Item: {
        ...toItem(keys.wait(wait.rfqId, wait.kind), {}, wait),
        [tableDefinition.timeToLiveAttribute]: expiresAtEpoch(wait.expiresAt, WAIT_RETENTION_SECONDS),
      },
    });
  },
  async get(rfqId, kind) {
    const item = await table.get(keys.wait(rfqId, kind));
    return item && (fromItem(item) as unknown as TaskWait);
  },
  async delete(rfqId, kind) {
    await table.delete({ Key: keys.wait(rfqId, kind) });
  },
});
