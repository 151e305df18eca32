import { config } from '#functions/config.ts';
import type { RevocationStore } from '#store/ports.ts';
import { adapters } from './adapters.ts';
import { unauthorized } from './problem.ts';

/** The container's memory of each person's revocation: when it was read, and since when their tokens count. */
const known = new Map<string, { readAt: number; validSince: number | undefined }>();
/** Enough for every person a warm container meets; past it the oldest reads are dropped first. */
const largest = 10_000;

/** Where revocations are read: the store's; a test of the middleware alone (no table) passes its own. */
let reader: Pick<RevocationStore, 'validSince'> = {
  validSince: (email) => adapters().store.revocations.validSince(email),
};

/** Reads revocations from `other` (and forgets what was read) until the returned function puts the store's back. */
export const readRevocationsFrom = (other: Pick<RevocationStore, 'validSince'>): (() => void) => {
  const before = reader;
  reader = other;
  known.clear();
  return () => {
    reader = before;
    known.clear();
  };
};

/**
 * A removed or demoted person's tokens stop working within `REVOCATION_CACHE_SECONDS` (at most 30), not at their
 * expiry an hour later: the revocation record ("tokens issued before T are void", written when the company's list
 * changed them; functions/application/company-people.ts) is read once per person and container in that time. So the hot
 * path is one cached lookup, and a read of one item per person every half minute at worst.
 */
export const refuseRevokedToken = async (email: string, issuedAt: unknown, now = Date.now()): Promise<void> => {
  let entry = known.get(email);
  if (!entry || now - entry.readAt >= config().REVOCATION_CACHE_SECONDS * 1000) {
    entry = { readAt: now, validSince: await reader.validSince(email) };
    known.delete(email);
    if (known.size >= largest) known.delete(known.keys().next().value as string);
    known.set(email, entry);
  }
  if (entry.validSince === undefined) return;
  const iat = Number(issuedAt);
  // A token without a usable `iat` cannot show it came after the revocation.
  if (!Number.isFinite(iat) || iat < entry.validSince)
    throw unauthorized('this sign-in was revoked (your access changed); sign in again');
};
