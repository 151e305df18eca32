import { createHash } from 'node:crypto';
import type { HistoryEvent } from './ports.ts';

/** The prevHash of an RFQ's first event. */
export const genesisHash = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so one event has exactly one text to hash. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );

export const hashEvent = (event: Omit<HistoryEvent, 'hash'>): string =>
  createHash('sha256').update(canonicalJson(event)).digest('hex');

/** Completes an event with its hash. */
export const sealEvent = (event: Omit<HistoryEvent, 'hash'>): HistoryEvent => {
  const unsealed = JSON.parse(JSON.stringify(event)) as Omit<HistoryEvent, 'hash'>;
  return { ...unsealed, hash: hashEvent(unsealed) };
};

/** Where the chain ends according to the RFQ item: the last event's seq and hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export type Verdict = { ok: true } | { ok: false; brokenAt: number; reason: string };

/**
 * Walks the chain from seq 1: every seq present in order, every prevHash the previous hash, every hash recomputed,
 * and the last event agreeing with the head stored on the RFQ item (which catches a deleted or rewritten tail).
 */
export const verifyChain = (events: readonly HistoryEvent[], head: ChainHead): Verdict => {
  let prevHash = genesisHash;
  let expected = 1;
  for (const event of events) {
    if (event.seq !== expected) return { ok: false, brokenAt: expected, reason: `event ${expected} is missing` };
    if (event.prevHash !== prevHash) {
      return { ok: false, brokenAt: event.seq, reason: `event ${event.seq} does not follow event ${event.seq - 1}` };
    }
    const { hash, ...rest } = event;
    if (hashEvent(rest) !== hash) return { ok: false, brokenAt: event.seq, reason: `event ${event.seq} was altered` };
    prevHash = hash;
    expected += 1;
  }
  const last = expected - 1;
  if (head.seq > last) return { ok: false, brokenAt: last + 1, reason: `event ${last + 1} is missing` };
  if (head.seq < last) {
    return { ok: false, brokenAt: head.seq + 1, reason: `event ${head.seq + 1} is not recorded on the RFQ` };
  }
  if (head.hash !== prevHash) {
    return { ok: false, brokenAt: last, reason: `event ${last} does not match the head recorded on the RFQ` };
  }
  return { ok: true };
};
