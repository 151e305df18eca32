import { describe, expect, it } from 'vitest';
import { checkDecision, parseMajorUnits } from '#application/check-decision.ts';
import { hashLinkToken, isWellFormedLinkToken, linkUrl, mintLinkToken, waitIdFor } from '#application/link-token.ts';
import { aQuote } from '../builders/quote.ts';

describe('an approval link token', () => {
  it('is 256 random bits in base64url, and only its SHA-256 is kept', () => {
    const { token, tokenHash } = mintLinkToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLinkToken(token)).toBe(tokenHash);
    expect(tokenHash).not.toContain(token);
  });

  it('is never the same twice', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => mintLinkToken().token));
    expect(tokens.size).toBe(1000);
  });

  it('is refused without a read when truncated, padded or carrying other characters', () => {
    const { token } = mintLinkToken();
    expect(isWellFormedLinkToken(token)).toBe(true);
    for (const bad of [
      token.slice(1),
      `${token}=`,
      `${token.slice(0, -1)}+`,
      `${token.slice(0, -1)}/`,
      '',
      'a'.repeat(44),
    ]) {
      expect(isWellFormedLinkToken(bad), bad).toBe(false);
    }
  });

  it('makes the link URL from the public base URL, whatever its trailing slashes', () => {
    expect(linkUrl('https://quotes.example.com/', 'abc')).toBe('https://quotes.example.com/approvals/abc');
  });

  it('names its wait after the task token one-way: stable for the same token, revealing nothing of it', () => {
    const taskToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAf'.repeat(20);
    expect(waitIdFor(taskToken)).toBe(waitIdFor(taskToken));
    expect(waitIdFor(taskToken)).not.toBe(waitIdFor(`${taskToken}x`));
    expect(taskToken).not.toContain(waitIdFor(taskToken));
    expect(waitIdFor(taskToken)).toHaveLength(22);
  });
});

describe('a price typed on the approval page', () => {
  it('becomes exact minor units, in the currency’s own decimals', () => {
    expect(parseMajorUnits('12.5', 'USD')).toBe(12_50);
    expect(parseMajorUnits(' 1234.56 ', 'USD')).toBe(1234_56);
    expect(parseMajorUnits('0,99', 'EUR')).toBe(99);
    expect(parseMajorUnits('1500', 'JPY')).toBe(1500);
    expect(parseMajorUnits('0.1', 'KWD')).toBe(100);
  });

  it('is refused when it is not a plain amount', () => {
    for (const bad of ['12.345', '-1', '1e3', '$12', '', '12.5.1'])
      expect(parseMajorUnits(bad, 'USD'), bad).toBeUndefined();
    expect(parseMajorUnits('15.5', 'JPY')).toBeUndefined();
  });
});

describe('a seller decision checked before the link is spent', () => {
  const quote = aQuote()
    .withLine('VALVE', 10, 90_00, { contractPrice: 90_00, cost: 60_00 })
    .withLine('GASKET', 4, 25_00)
    .build();
  const rep = { maxRepDiscountPercent: 10, actor: { email: 'rep@seller.example', role: 'rep' as const } };

  it('keeps only the prices that changed', () => {
    const checked = checkDecision(
      'rep-review',
      quote,
      { decision: 'approve', prices: { VALVE: '85.00', GASKET: '25.00' } },
      rep,
    );
    expect(checked).toEqual({ ok: true, adjustments: [{ sku: 'VALVE', unitPrice: 85_00 }], needsManager: 0 });
  });

  it('refuses a price whose line total money cannot hold, naming the line, instead of failing', () => {
    const checked = checkDecision(
      'rep-review',
      quote,
      { decision: 'approve', prices: { VALVE: '9999999999999.99' } },
      rep,
    );
    expect(checked).toEqual({
      ok: false,
      errors: [{ path: 'price:VALVE', message: expect.stringContaining('too large') }],
    });
  });

  it('lets a rep go beyond their authority (the sales manager decides) but never below cost', () => {
    expect(checkDecision('rep-review', quote, { decision: 'approve', prices: { VALVE: '70' } }, rep).ok).toBe(true);
    const belowCost = checkDecision('rep-review', quote, { decision: 'approve', prices: { VALVE: '59.99' } }, rep);
    expect(belowCost).toMatchObject({ ok: false, errors: [{ path: 'price:VALVE' }] });
  });

  it('lets nobody but the rep review adjust prices', () => {
    const checked = checkDecision('approval-level', quote, { decision: 'approve', prices: { VALVE: '85.00' } }, rep);
    expect(checked).toMatchObject({ ok: false, errors: [{ path: 'adjustments' }] });
  });

  it('refuses to approve a quote with a line nobody priced', () => {
    const unpriced = aQuote().withLine('VALVE', 1, 90_00).withUnpricedLine('MYSTERY', 2).build();
    expect(checkDecision('rep-review', unpriced, { decision: 'approve' }, rep)).toMatchObject({
      ok: false,
      errors: [{ path: 'price:MYSTERY' }],
    });
    expect(checkDecision('rep-review', unpriced, { decision: 'approve', prices: { MYSTERY: '5.00' } }, rep).ok).toBe(
      true,
    );
    expect(checkDecision('rep-review', unpriced, { decision: 'reject' }, rep).ok).toBe(true);
  });
});
