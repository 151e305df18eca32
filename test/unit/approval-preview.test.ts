import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildApprovalChain } from '#domain/approval-chain.ts';
import { previewChain } from '#domain/approval-preview.ts';
import { companyUsersProblems } from '#domain/company-users.ts';
import { aRule, category, total } from '../builders/approval-rule.ts';
import { aCompany } from '../builders/company.ts';
import { aQuote } from '../builders/quote.ts';

const company = aCompany('acme')
  .withBuyer('bea@acme.example')
  .withApprover('lead@acme.example')
  .withApprover('fin@acme.example')
  .withAdmin('ada@acme.example')
  .build();
const rules = [
  aRule('over-1000').named('Orders over $1,000').when(total.over(1_000_00)).approvedBy('lead@acme.example').build(),
  aRule('over-5000')
    .named('Orders over $5,000')
    .when(total.over(5_000_00))
    .approvedBy('lead@acme.example')
    .approvedBy('fin@acme.example')
    .build(),
  aRule('screens').named('Screens').when(category.is('screens')).approvedBy('ada@acme.example').build(),
];

describe('which levels an order of a given total would need', () => {
  it('names the levels, their approvers and the rules behind them', () => {
    expect(previewChain(rules, company, 2_500_00)).toEqual([
      { level: 1, mode: 'any', approvers: ['lead@acme.example'], rules: ['Orders over $1,000'], escalated: false },
    ]);
    expect(previewChain(rules, company, 6_000_00)).toEqual([
      {
        level: 1,
        mode: 'any',
        approvers: ['lead@acme.example'],
        rules: ['Orders over $1,000', 'Orders over $5,000'],
        escalated: false,
      },
      { level: 2, mode: 'any', approvers: ['fin@acme.example'], rules: ['Orders over $5,000'], escalated: false },
    ]);
    expect(previewChain(rules, company, 1_000_00)).toEqual([]);
  });

  it('is the chain the workflow builds for a line-less order of that total by an outside submitter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (amount) => {
        const quote = { ...aQuote().build(), lines: [], subtotal: amount, total: amount, discountTotal: 0 };
        const chain = buildApprovalChain({ rules, quote, company, submitterEmail: '' });
        expect(previewChain(rules, company, amount).map((l) => l.approvers)).toEqual(chain.map((s) => s.approvers));
      }),
    );
  });
});

describe("what a company's new list of users may not break", () => {
  it('accepts the users as they are', () => {
    expect(companyUsersProblems(company.users, rules)).toEqual([]);
  });

  it('refuses a person listed twice, a company left without an admin, and an approver a rule still names', () => {
    const users = company.users.filter((u) => u.email !== 'fin@acme.example' && u.email !== 'ada@acme.example');
    expect(companyUsersProblems([...users, users[0]!], rules)).toEqual([
      { path: 'users.2.email', message: 'bea@acme.example is listed twice' },
      { path: 'users', message: 'a company keeps at least one admin' },
      {
        path: 'users',
        message:
          'fin@acme.example is not an approver of this company, but an approval rule names them (rules.1.levels.1.approvers.0): change the rule first',
      },
      {
        path: 'users',
        message:
          'ada@acme.example is not an approver of this company, but an approval rule names them (rules.2.levels.0.approvers.0): change the rule first',
      },
    ]);
  });
});
