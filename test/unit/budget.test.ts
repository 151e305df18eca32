import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvedOverBudget, NoEligibleApprover, overBudgetLevel } from '#domain/approval-chain.ts';
import {
  type Budget,
  budgetStanding,
  budgetsOf,
  budgetsSchema,
  buyersOutsideCompany,
  fitsBudget,
  OVER_BUDGET,
  periodOf,
  spendKey,
} from '#domain/budget.ts';
import type { ApprovalStep } from '#domain/rfq.ts';
import { aCompany } from '../builders/company.ts';

const utc = { timeZone: 'UTC', fiscalYearStartMonth: 1 };
const dana = 'dana@acme.example';
const admin = 'admin@acme.example';

describe('the period an order is placed in', () => {
  it('is the month and the calendar quarter in UTC by default', () => {
    const at = new Date('2026-11-29T19:00:00Z');
    expect(periodOf(at, 'month', utc)).toEqual({ period: 'month', start: '2026-11' });
    expect(periodOf(at, 'quarter', utc)).toEqual({ period: 'quarter', start: '2026-10' });
  });

  it("follows the company's time zone: 23:30 UTC on 31 March is already April in Berlin", () => {
    const at = new Date('2026-03-31T23:30:00Z');
    expect(periodOf(at, 'month', { ...utc, timeZone: 'Europe/Berlin' }).start).toBe('2026-04');
    expect(periodOf(at, 'quarter', { ...utc, timeZone: 'Europe/Berlin' }).start).toBe('2026-04');
    expect(periodOf(at, 'quarter', utc).start).toBe('2026-01');
  });

  it('follows the fiscal year: with a year from April, February is in the quarter that began in the previous January', () => {
    const calendar = { timeZone: 'UTC', fiscalYearStartMonth: 4 };
    expect(periodOf(new Date('2026-02-10T00:00:00Z'), 'quarter', calendar).start).toBe('2026-01');
    expect(periodOf(new Date('2026-04-01T00:00:00Z'), 'quarter', calendar).start).toBe('2026-04');
    const november = { timeZone: 'UTC', fiscalYearStartMonth: 11 };
    expect(periodOf(new Date('2026-01-15T00:00:00Z'), 'quarter', november).start).toBe('2025-11');
  });

  const instants = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  });
  const calendars = fc.record({
    timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland'),
    fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
  });
  const months = (start: string) => {
    const [year, month] = start.split('-').map(Number) as [number, number];
    return year * 12 + month - 1;
  };

  it('a quarter starts in a month three apart from the fiscal year start and holds the month of the order', () => {
    fc.assert(
      fc.property(instants, calendars, (at, calendar) => {
        const month = months(periodOf(at, 'month', calendar).start);
        const quarter = months(periodOf(at, 'quarter', calendar).start);
        expect(month - quarter).toBeGreaterThanOrEqual(0);
        expect(month - quarter).toBeLessThan(3);
        expect(((((quarter % 12) - (calendar.fiscalYearStartMonth - 1)) % 3) + 3) % 3).toBe(0);
      }),
    );
  });

  it('moves forward with time: a later instant is never in an earlier period', () => {
    fc.assert(
      fc.property(
        instants,
        instants,
        calendars,
        fc.constantFrom('month' as const, 'quarter' as const),
        (a, b, calendar, kind) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          expect(months(periodOf(early, kind, calendar).start)).toBeLessThanOrEqual(
            months(periodOf(late, kind, calendar).start),
          );
        },
      ),
    );
  });
});

describe('the budgets that limit a buyer', () => {
  const everyone: Budget = { period: 'month', amount: 5_000_00 };
  const own: Budget = { buyerEmail: dana, period: 'month', amount: 20_000_00 };
  const quarter: Budget = { period: 'quarter', amount: 30_000_00 };

  it("a buyer's own budget replaces the every-buyer budget of the same period, not the other periods'", () => {
    expect(budgetsOf([everyone, own, quarter], dana)).toEqual([own, quarter]);
    expect(budgetsOf([everyone, own, quarter], 'lee@acme.example')).toEqual([everyone, quarter]);
    expect(budgetsOf([], dana)).toEqual([]);
  });

  it('remaining is the amount less what the buyer spent in the period of the order, never below zero', () => {
    const at = new Date('2026-11-29T12:00:00Z');
    const spent = new Map([
      [spendKey({ period: 'month', start: '2026-11' }), 4_000_00],
      [spendKey({ period: 'month', start: '2026-10' }), 9_999_00],
      [spendKey({ period: 'quarter', start: '2026-10' }), 31_000_00],
    ]);
    expect(budgetStanding({ ...utc, budgets: [everyone, quarter] }, 'lee@acme.example', at, spent)).toEqual([
      { period: 'month', start: '2026-11', amount: 5_000_00, spent: 4_000_00, remaining: 1_000_00 },
      { period: 'quarter', start: '2026-10', amount: 30_000_00, spent: 31_000_00, remaining: 0 },
    ]);
  });

  it('an order fits exactly when it fits every budget that limits its buyer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.nat(1_000_000), spent: fc.nat(1_000_000) }), { maxLength: 2 }),
        fc.nat(2_000_000),
        (limits, total) => {
          const standing = limits.map(({ amount, spent }, i) => ({
            period: i === 0 ? ('month' as const) : ('quarter' as const),
            start: '2026-10',
            amount,
            spent,
            remaining: Math.max(0, amount - spent),
          }));
          expect(fitsBudget(total, standing)).toBe(standing.every((s) => s.spent + total <= s.amount || total === 0));
        },
      ),
    );
  });

  it('refuses two budgets of one period for the same buyer, naming the second', () => {
    const result = budgetsSchema.safeParse({ budgets: [everyone, { ...everyone, amount: 1 }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['budgets', 1]);
    expect(budgetsSchema.safeParse({ timeZone: 'Mars/Olympus', budgets: [] }).success).toBe(false);
    expect(budgetsSchema.parse({ budgets: [] })).toEqual({ timeZone: 'UTC', fiscalYearStartMonth: 1, budgets: [] });
  });
});

describe("a company's budgets name its buyers", () => {
  it('names each budget whose buyer is not a buyer of the company', () => {
    const users = [
      { email: dana, roles: ['buyer'] },
      { email: admin, roles: ['admin'] },
    ];
    const budgets: Budget[] = [
      { period: 'month', amount: 1 },
      { buyerEmail: dana, period: 'month', amount: 2 },
      { buyerEmail: admin, period: 'quarter', amount: 3 },
      { buyerEmail: 'eve@elsewhere.example', period: 'month', amount: 4 },
    ];
    expect(buyersOutsideCompany(budgets, users).map((e) => e.path)).toEqual([
      'budgets.2.buyerEmail',
      'budgets.3.buyerEmail',
    ]);
  });
});

describe('the over-budget level', () => {
  const company = aCompany().withBuyer(dana).withAdmin(admin).withUser('boss@acme.example', 'admin', 'buyer').build();
  const lead: ApprovalStep = {
    level: 1,
    mode: 'any',
    approvers: ['lead@acme.example'],
    ruleIds: ['big'],
    escalated: false,
    decisions: [],
    status: 'WAITING',
  };

  it("comes after the chain's levels: any one of the company's admins, never the buyer, for the reason over budget", () => {
    expect(overBudgetLevel([lead], company, 'boss@acme.example')).toEqual({
      level: 2,
      mode: 'any',
      approvers: [admin],
      ruleIds: [],
      escalated: false,
      reason: OVER_BUDGET,
      decisions: [],
      status: 'WAITING',
    });
    expect(overBudgetLevel([], company, dana).approvers).toEqual([admin, 'boss@acme.example']);
  });

  it('cannot be formed when the only admin is the buyer', () => {
    const alone = aCompany().withUser(dana, 'buyer', 'admin').build();
    expect(() => overBudgetLevel([], alone, dana)).toThrow(NoEligibleApprover);
  });

  it('once approved, lets the order count beyond the budget', () => {
    const level = overBudgetLevel([lead], company, dana);
    expect(approvedOverBudget([lead, level])).toBe(false);
    expect(approvedOverBudget([lead, { ...level, status: 'APPROVED' }])).toBe(true);
    expect(approvedOverBudget([{ ...lead, status: 'APPROVED' }])).toBe(false);
  });
});
