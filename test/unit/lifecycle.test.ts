import { describe, expect, it } from 'vitest';
import {
  canApply,
  IllegalTransition,
  nextStatus,
  rfqActions,
  rfqStatuses,
  terminalStatuses,
  transitions,
} from '#domain/lifecycle.ts';

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

describe('the lifecycle table, for every action and status', () => {
  it('answers nextStatus exactly where canApply says yes, and refuses everywhere else', () => {
    for (const action of rfqActions) {
      for (const status of rfqStatuses) {
        if (canApply(action, status)) expect(nextStatus(action, status)).toBe(transitions[action].to);
        else expect(() => nextStatus(action, status)).toThrow(new IllegalTransition(action, status));
      }
    }
  });

  it('lets a buyer ask for a revision only of a quote they were sent', () => {
    expect(rfqStatuses.filter((s) => canApply('revise', s))).toEqual(['QUOTED']);
  });

  it('can fail an RFQ from any open status, so no execution leaves one stuck', () => {
    for (const status of rfqStatuses.filter((s) => !terminalStatuses.has(s))) {
      expect(nextStatus('fail', status)).toBe('FAILED');
    }
  });
});
