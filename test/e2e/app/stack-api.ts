import { randomUUID } from 'node:crypto';
import type { Answer, User } from '../api.ts';
import type { TestStack } from '../test-stack.ts';

/**
 * The API of a browser test's stack, called as one person through the stack's client: for the parts a test sets up.
 * Each call carries an Idempotency-Key of its own, as the app's writes do.
 */
export const stackApi = (stack: TestStack) => ({
  call: (method: string, path: string, as: User, body?: unknown): Promise<Answer> =>
    stack.call(method, path, { as, body, headers: { 'idempotency-key': randomUUID() } }),
});
