import { randomUUID } from 'node:crypto';
import type { LocalStack } from '../../../local/stack.ts';
import type { Answer, User } from '../api.ts';
import { contractFetch } from '../contract.ts';

/**
 * The API of a browser test's stack, called as one person with a dev token: for the parts a test sets up. Every answer
 * is checked by the contract.
 */
export const stackApi = (stack: LocalStack) => ({
  call: async (method: string, path: string, as: User, body?: unknown): Promise<Pick<Answer, 'status' | 'body'>> => {
    const response = await contractFetch(`${stack.urls.api}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await stack.tokenFor(as)}`,
        'idempotency-key': randomUUID(),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  },
});

/** Asks again until the answer is there: each probe is a server round trip, never a sleep standing in for one. */
export const until = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
  for (const deadline = Date.now() + 60_000; ; ) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
