import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buyerActions, rfqActionsFor } from '#domain/buyer-actions.ts';
import type { Caller } from '#domain/caller.ts';
import { canApply, rfqStatuses, terminalStatuses } from '#domain/lifecycle.ts';

const buyer: Caller = { sub: 's-dana', email: 'dana@acme.example', groups: ['buyer'], companyId: 'acme' };
const otherBuyer: Caller = { sub: 's-gus', email: 'gus@globex.example', groups: ['buyer'], companyId: 'globex' };
const approver: Caller = { sub: 's-avery', email: 'avery@acme.example', groups: ['approver'], companyId: 'acme' };
const rep: Caller = { sub: 's-riley', email: 'riley@northwind.example', groups: ['rep'] };
const rfqIn = (status: (typeof rfqStatuses)[number]) => ({ status, companyId: 'acme' });

describe('what a caller may do to an RFQ now', () => {
  it('offers the buyer the quote’s three decisions and withdrawing while quoted, and nothing once it is closed', () => {
    expect(rfqActionsFor(buyer, rfqIn('QUOTED'))).toEqual({
      actions: ['accept', 'revise', 'decline', 'cancel'],
      open: true,
    });
    expect(rfqActionsFor(buyer, rfqIn('IN_REVIEW'))).toEqual({ actions: ['cancel'], open: true });
    expect(rfqActionsFor(buyer, rfqIn('ORDERED'))).toEqual({ actions: [], open: false });
  });

  it('offers nothing to people who may not decide for the company: another company, an approver, the rep', () => {
    for (const caller of [otherBuyer, approver, rep])
      expect(rfqActionsFor(caller, rfqIn('QUOTED')).actions, caller.email).toEqual([]);
  });

  it('offers exactly what the transition table allows from each status, and is open exactly until it is closed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...rfqStatuses), (status) => {
        const { actions, open } = rfqActionsFor(buyer, rfqIn(status));
        expect(actions).toEqual(buyerActions.filter((action) => canApply(action, status)));
        expect(open).toBe(!terminalStatuses.has(status));
      }),
    );
  });
});
