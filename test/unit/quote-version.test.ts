import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { threadView } from '#domain/comment.ts';
import { nextLineId, quoteChanges, versionView } from '#domain/quote-version.ts';
import type { Quote } from '#domain/rfq.ts';
import { aQuote } from '../builders/quote.ts';

const rita = { email: 'rita@seller.example', role: 'rep' as const };
const bea = { email: 'bea@acme.example', role: 'buyer' as const };

const v1: Quote = aQuote().withLine('BOLT', 100, 9_00, { cost: 6_00 }).withLine('NUT', 50, 2_00).build();

describe('what changed between two quote versions', () => {
  it('is nothing for the first version', () => {
    expect(quoteChanges(undefined, v1, rita)).toEqual([]);
  });

  it('names each changed field of a kept line, an added line and a removed line, by line id', () => {
    const [bolt, nut] = v1.lines;
    const v2: Quote = {
      ...v1,
      version: 2,
      lines: [
        { ...bolt!, quantity: 120, unitPrice: 8_80, lineTotal: 1056_00 },
        { ...bolt!, lineId: 'L3', sku: 'WASHER', name: 'Washer', quantity: 10 },
      ],
    };
    expect(quoteChanges(v1, v2, rita, 'volume')).toEqual([
      { lineId: 'L1', sku: 'BOLT', field: 'quantity', from: 100, to: 120, by: rita.email, reason: 'volume' },
      { lineId: 'L1', sku: 'BOLT', field: 'unitPrice', from: 9_00, to: 8_80, by: rita.email, reason: 'volume' },
      { lineId: 'L3', sku: 'WASHER', field: 'added', from: null, to: 'WASHER', by: rita.email, reason: 'volume' },
      { lineId: 'L2', sku: nut!.sku, field: 'removed', from: 'NUT', to: null, by: rita.email, reason: 'volume' },
    ]);
  });

  it('calls a substituted sku a change of the same line', () => {
    const v2: Quote = { ...v1, lines: [{ ...v1.lines[0]!, sku: 'BOLT-ZINC', name: 'Zinc bolt' }, v1.lines[1]!] };
    expect(quoteChanges(v1, v2, rita).map((c) => [c.lineId, c.field, c.from, c.to])).toEqual([
      ['L1', 'sku', 'BOLT', 'BOLT-ZINC'],
      ['L1', 'name', 'Product BOLT', 'Zinc bolt'],
    ]);
  });

  it('is empty exactly when the lines are the same (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 10_000 })), { maxLength: 8 }),
        (lines) => {
          const quote = lines.reduce((q, [qty, price], i) => q.withLine(`S${i}`, qty, price), aQuote()).build();
          expect(quoteChanges(quote, structuredClone(quote), rita)).toEqual([]);
        },
      ),
    );
  });

  it('never reuses a line id', () => {
    expect(nextLineId(v1.lines)).toBe('L3');
    expect(nextLineId([v1.lines[0]!])).toBe('L2');
    expect(nextLineId([v1.lines[0]!], 7)).toBe('L8');
  });
});

describe('a version as each side reads it', () => {
  const record = {
    rfqId: 'r1',
    version: 2,
    createdAt: '2026-11-29T10:00:00.000Z',
    createdBy: rita,
    quote: v1,
    changes: [
      { lineId: 'L1', sku: 'BOLT', field: 'unitPrice' as const, from: 10_00, to: 9_00, by: rita.email },
      { lineId: 'L1', sku: 'BOLT', field: 'cost' as const, from: 5_00, to: 6_00, by: rita.email },
    ],
  };

  it('gives seller staff everything', () => {
    const view = versionView(record, 'seller');
    expect(view.createdBy).toBe(rita.email);
    expect(view.changes).toHaveLength(2);
    expect(view.lines[0]).toMatchObject({ cost: 6_00, margin: 3_00 });
  });

  it('gives the buyer side prices and quantities, the seller as one party, never cost', () => {
    const view = versionView(record, 'buyer');
    expect(view.createdBy).toBe('seller');
    expect(view.changes).toEqual([
      { lineId: 'L1', sku: 'BOLT', field: 'unitPrice', from: 10_00, to: 9_00, by: 'seller' },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/cost|margin|seller\.example/);
    expect(versionView({ ...record, createdBy: bea }, 'buyer').createdBy).toBe(bea.email);
  });
});

describe('the thread as each reader sees it', () => {
  const post = (visibility: 'shared' | 'seller', text: string) => ({
    commentId: text,
    rfqId: 'r1',
    at: '2026-11-29T10:00:00.000Z',
    author: rita.email,
    role: 'rep' as const,
    visibility,
    text,
    quoteVersion: 1,
  });
  const comments = [post('shared', 'hello'), post('seller', 'internal'), post('shared', 'bye')];

  it('shows seller notes only to those who read them', () => {
    expect(threadView(comments, true).map((c) => c.text)).toEqual(['hello', 'internal', 'bye']);
    expect(threadView(comments, false).map((c) => c.text)).toEqual(['hello', 'bye']);
  });
});
