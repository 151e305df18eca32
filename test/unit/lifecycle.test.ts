import { describe, expect, it } from 'vitest';
import { IllegalTransition, nextStatus, rfqStatuses, terminalStatuses, transitions } from '#domain/lifecycle.ts';

describe('the RFQ lifecycle', () => {
  it('moves a submitted RFQ into review once priced', () => {
    expect(nextStatus('price', 'SUBMITTED')).toBe('IN_REVIEW');
  });

  it('refuses to accept a quote that was never sent', () => {
    expect(() => nextStatus('accept', 'IN_REVIEW')).toThrow(IllegalTransition);
  });

  it('never leaves a terminal status', () => {
    for (const status of terminalStatuses) {
      for (const rule of Object.values(transitions)) {
        expect(rule.from as readonly string[]).not.toContain(status);
      }
    }
  });

  it('reaches every status from SUBMITTED', () => {
    const reached = new Set<string>(['SUBMITTED']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const rule of Object.values(transitions)) {
        if (rule.from.some((s) => reached.has(s)) && !reached.has(rule.to)) {
          reached.add(rule.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...rfqStatuses].sort());
  });

  it('lets a buyer cancel anything not yet ordered, and nothing after', () => {
    expect(nextStatus('cancel', 'APPROVED')).toBe('CANCELLED');
    expect(() => nextStatus('cancel', 'ORDERED')).toThrow(/cannot cancel an RFQ that is ORDERED/);
  });
});
