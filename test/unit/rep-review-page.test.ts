import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAdjustments } from '#domain/rep-authority.ts';
import { authorityAdvice, lineAuthority, repAuthorityHtml } from '#functions/pages/rep-review.ts';
import { aQuote } from '../builders/quote.ts';

const rep = { email: 'riley@northwind.example', role: 'rep' as const };

describe('the rep review page’s pricing authority', () => {
  it('tells the rep the very price at which the sales manager becomes necessary', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 0, max: 5000 }).map((bp) => bp / 100),
        (contractPrice, maxRepDiscountPercent) => {
          const quote = aQuote()
            .withLine('SKU-1', 3, contractPrice, { contractPrice, listPrice: contractPrice + 100 })
            .build();
          const floor = lineAuthority(quote.lines[0]!, maxRepDiscountPercent).repFloor!;
          const needsManager = (unitPrice: number) => {
            const result = applyAdjustments(quote, [{ sku: 'SKU-1', unitPrice }], {
              maxRepDiscountPercent,
              actor: rep,
            });
            return result.ok && result.needsManager.length > 0;
          };
          expect(needsManager(floor)).toBe(false);
          if (floor > 0) expect(needsManager(floor - 1)).toBe(true);
        },
      ),
    );
  });

  it('measures from the list price when the contract has none, and says when cost is the real floor', () => {
    const quote = aQuote()
      .withLine('GLOVES', 100, 14_50, { cost: 7_60 })
      .withLine('SCANNER', 2, 189_00, { contractPrice: 172_00, cost: 160_00, name: 'Handheld 2D scanner' })
      .build();
    const html = repAuthorityHtml(quote, 10).value;

    expect(lineAuthority(quote.lines[0]!, 10)).toMatchObject({ repFloor: 13_05, reference: { basis: 'list' } });
    expect(html).toContain(
      'Down to $13.05 on your own (10% off list $14.50); below that the sales manager must approve; never below cost, $7.60.',
    );
    expect(html).toContain(
      'Handheld 2D scanner</strong> (SCANNER): Down to $160.00 (cost) on your own; nobody may go lower.',
    );
  });

  it('speaks to a sales manager about the rep’s authority, not as if they were the rep', () => {
    const quote = aQuote()
      .withLine('GLOVES', 100, 14_50, { cost: 7_60 })
      .withLine('SCANNER', 2, 189_00, { contractPrice: 172_00, cost: 160_00 })
      .build();
    const [gloves, scanner] = quote.lines.map((line) => lineAuthority(line, 10));
    expect(authorityAdvice(gloves!, 'USD', '10', 'sales-manager')).toBe(
      'Rep may go down to $13.05 alone (10% off list $14.50); below that needs your approval; never below cost, $7.60.',
    );
    expect(authorityAdvice(scanner!, 'USD', '10', 'sales-manager')).toBe(
      'Rep may go down to $160.00 (cost) alone; nobody may go lower.',
    );
    expect(authorityAdvice(gloves!, 'USD', '10', 'rep')).toMatch(/^Down to \$13\.05 on your own/);
  });

  it('leaves an unpriced line to the rep, and escapes what it echoes', () => {
    const quote = aQuote()
      .withUnpricedLine('MYSTERY-1', 4)
      .withLine('X-1', 1, 10_00, { name: '<script>alert(1)</script>' })
      .build();
    const html = repAuthorityHtml(quote, 10).value;

    expect(html).toContain('No catalog price: any price you enter is yours.');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
