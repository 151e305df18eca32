import { describe, expect, it } from 'vitest';
import type { Caller } from '#domain/caller.ts';
import { mayDecidePurchaseLevel, mayWorkOnTask, type TaskPurpose } from '#domain/policy.ts';

const callers = {
  acmeApprover: { sub: '1', email: 'al@acme.example', groups: ['approver'], companyId: 'acme' },
  acmeBuyerApprover: { sub: '2', email: 'bea@acme.example', groups: ['buyer', 'approver'], companyId: 'acme' },
  acmeBuyer: { sub: '3', email: 'bo@acme.example', groups: ['buyer'], companyId: 'acme' },
  globexApprover: { sub: '4', email: 'al@acme.example', groups: ['approver'], companyId: 'globex' },
  rep: { sub: '5', email: 'rita@seller.example', groups: ['rep'] },
  salesManager: { sub: '6', email: 'sam@seller.example', groups: ['sales-manager'] },
  repOnACompanyToken: { sub: '7', email: 'rita@seller.example', groups: ['buyer'], companyId: 'acme' },
} satisfies Record<string, Caller>;
type Who = keyof typeof callers;

const rfq = { companyId: 'acme', buyerEmail: 'bea@acme.example' };
const issuedTo: Record<TaskPurpose, string> = {
  'rep-review': 'rita@seller.example',
  'discount-approval': 'sam@seller.example',
  'approval-level': 'al@acme.example',
};

/** purpose × caller → does the wait issued to `issuedTo[purpose]` show up as the caller's task. */
const table: [TaskPurpose, Who, boolean][] = [
  ['rep-review', 'rep', true],
  ['rep-review', 'salesManager', false],
  ['rep-review', 'repOnACompanyToken', false],
  ['rep-review', 'acmeApprover', false],
  ['discount-approval', 'salesManager', true],
  ['discount-approval', 'rep', false],
  ['approval-level', 'acmeApprover', true],
  ['approval-level', 'globexApprover', false],
  ['approval-level', 'acmeBuyer', false],
  ['approval-level', 'rep', false],
];

describe('who works on which open wait', () => {
  it.each(table)('a %s wait is a task of %s: %s', (purpose, who, expected) => {
    expect(mayWorkOnTask(callers[who], { purpose, approver: issuedTo[purpose], ...rfq })).toBe(expected);
  });

  it('matches the person by email whatever its case', () => {
    expect(
      mayWorkOnTask(callers.acmeApprover, { purpose: 'approval-level', approver: 'Al@Acme.Example', ...rfq }),
    ).toBe(true);
  });

  it('never gives the buyer who submitted a purchase its approval, even when they are an approver', () => {
    const self = { purpose: 'approval-level' as const, approver: callers.acmeBuyerApprover.email, ...rfq };
    expect(mayWorkOnTask(callers.acmeBuyerApprover, self)).toBe(false);
    expect(mayDecidePurchaseLevel(callers.acmeBuyerApprover, rfq, { approvers: [self.approver] })).toBe(false);
  });
});

describe('who decides a purchase approval level in the app', () => {
  const level = { approvers: ['al@acme.example', 'fin@acme.example'] };
  const table: [Who, boolean][] = [
    ['acmeApprover', true],
    ['globexApprover', false],
    ['acmeBuyer', false],
    ['rep', false],
    ['salesManager', false],
  ];
  it.each(table)('%s: %s', (who, expected) => {
    expect(mayDecidePurchaseLevel(callers[who], rfq, level)).toBe(expected);
  });

  it('is refused to an approver the level does not name', () => {
    expect(mayDecidePurchaseLevel(callers.acmeApprover, rfq, { approvers: ['fin@acme.example'] })).toBe(false);
  });
});
