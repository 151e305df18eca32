import { describe, expect, it } from 'vitest';
import { mintToken } from '../../local/stepfunctions/callback-waits.ts';

/** A base64url token begins with '-' one time in 64; pasted after `--task-token` the AWS CLI reads it as an option. */
describe('task tokens of the local Step Functions', () => {
  it('never begin with "-", and stay 43 base64url characters, all distinct', () => {
    const tokens = Array.from({ length: 5_000 }, mintToken);
    expect(tokens.filter((t) => t.startsWith('-'))).toEqual([]);
    expect(tokens.every((t) => /^[A-Za-z0-9_-]{43}$/.test(t))).toBe(true);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});
