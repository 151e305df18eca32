import { afterEach, describe, expect, it } from 'vitest';
import { contrastRatio } from '#domain/brand.ts';
import { brandOf, configSchema, reloadConfig } from '#functions/config.ts';

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

describe('the seller’s brand in the configuration', () => {
  const base = { SIGN_IN_ACCOUNTS: 'local' };

  it('reads the name, the logo and a colour that white text reads on', () => {
    const settings = configSchema.parse({
      ...base,
      SELLER_NAME: 'Northwind Industrial',
      SELLER_LOGO_URL: 'https://cdn.example.com/northwind.svg',
      BRAND_COLOR: '#0f5132',
    });
    expect(brandOf(settings)).toEqual({
      sellerName: 'Northwind Industrial',
      logoUrl: 'https://cdn.example.com/northwind.svg',
      color: '#0f5132',
    });
    expect(brandOf(configSchema.parse(base)).color).toBe('#1d4ed8');
  });

  it('refuses a colour white text would not read on (under 4.5:1), naming the ratio', () => {
    const light = configSchema.safeParse({ ...base, BRAND_COLOR: '#4ea1ff' });
    expect(light.success).toBe(false);
    expect(light.error?.issues[0]).toMatchObject({
      path: ['BRAND_COLOR'],
      message: expect.stringMatching(/2\.\d\d:1.*4\.5:1/),
    });
    expect(configSchema.safeParse({ ...base, BRAND_COLOR: 'navy' }).success).toBe(false);
    expect(configSchema.safeParse({ ...base, SELLER_LOGO_URL: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('takes the logo from an absolute https URL, which every mail client loads; http only on this machine', () => {
    const http = configSchema.safeParse({ ...base, SELLER_LOGO_URL: 'http://cdn.example.com/northwind.svg' });
    expect(http.error?.issues[0]).toMatchObject({ path: ['SELLER_LOGO_URL'], message: expect.stringMatching(/https/) });
    expect(configSchema.safeParse({ ...base, SELLER_LOGO_URL: '/app/brand-logo.svg' }).success).toBe(false);
    const local = configSchema.parse({ ...base, SELLER_LOGO_URL: 'http://127.0.0.1:3000/app/brand-logo.svg' });
    expect(brandOf(local).logoUrl).toBe('http://127.0.0.1:3000/app/brand-logo.svg');
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
