import { afterEach, describe, expect, it } from 'vitest';
import { reloadConfig } from '#functions/config.ts';

describe('the configuration', () => {
  const saved = process.env.MAX_REP_DISCOUNT_PERCENT;
  afterEach(() => {
    if (saved === undefined) delete process.env.MAX_REP_DISCOUNT_PERCENT;
    else process.env.MAX_REP_DISCOUNT_PERCENT = saved;
    reloadConfig();
  });

  it('takes a rep discount limit with two decimals', () => {
    process.env.MAX_REP_DISCOUNT_PERCENT = '7.5';
    expect(reloadConfig().MAX_REP_DISCOUNT_PERCENT).toBe(7.5);
  });

  it('refuses at start a rep discount limit the pricing rules could not apply', () => {
    process.env.MAX_REP_DISCOUNT_PERCENT = '7.555';
    expect(() => reloadConfig()).toThrow(/at most two decimals/);
    process.env.MAX_REP_DISCOUNT_PERCENT = '120';
    expect(() => reloadConfig()).toThrow();
  });
});
