import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followUpDate, followUpDue, needsFollowUp } from '#domain/follow-ups.ts';
import { rfqStatuses } from '#domain/lifecycle.ts';
import { aQuote } from '../builders/quote.ts';

const day = 86_400_000;
const instants = fc.date({
  min: new Date('2001-01-01T00:00:00Z'),
  max: new Date('2099-01-01T00:00:00Z'),
  noInvalidDate: true,
});
const iso = (ms: number) => new Date(ms).toISOString();

describe("a rep's follow-ups", () => {
  it('hold a quote whose last valid day ends within 7 days (expired or not), and no later one', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: -40, max: 40 }), (now, daysAhead) => {
        const validUntil = iso(now.getTime() + daysAhead * day).slice(0, 10);
        const rfq = {
          status: 'QUOTED' as const,
          updatedAt: iso(now.getTime()),
          quote: aQuote().validUntil(validUntil).build(),
        };
        const endsIn = Date.parse(`${validUntil}T23:59:59.000Z`) - now.getTime();
        expect(needsFollowUp(rfq, now)).toBe(endsIn <= 7 * day);
      }),
    );
  });

  it('hold a purchase in the approval chain untouched for a day or more, and none touched since', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 5 * day }), (now, untouchedFor) => {
        const rfq = { status: 'PENDING_APPROVAL' as const, updatedAt: iso(now.getTime() - untouchedFor) };
        expect(needsFollowUp(rfq, now)).toBe(untouchedFor >= day);
      }),
    );
  });

  it('hold nothing in any other state, however old', () => {
    const old = { updatedAt: '2001-01-01T00:00:00.000Z', quote: aQuote().validUntil('2001-01-02').build() };
    const others = rfqStatuses.filter((s) => s !== 'QUOTED' && s !== 'PENDING_APPROVAL');
    for (const status of others) {
      expect(followUpDate({ ...old, status }), status).toBeUndefined();
      expect(needsFollowUp({ ...old, status }, new Date()), status).toBe(false);
    }
  });

  it('are due by a day for quotes and by an instant for approvals, both sortable as the keys are', () => {
    expect(followUpDue(new Date('2026-12-08T00:30:00.000Z'))).toEqual({
      QUOTED: '2026-12-14',
      PENDING_APPROVAL: '2026-12-07T00:30:00.000Z',
    });
  });
});
