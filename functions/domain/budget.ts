import * as z from 'zod';
import { email } from './company.ts';
import { nonNegativeMinorUnits } from './money.ts';

export const budgetPeriods = ['month', 'quarter'] as const;
export type BudgetPeriod = (typeof budgetPeriods)[number];

const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Berlin');

export const budgetSchema = z.strictObject({
  /** Absent: the limit of every buyer who has no budget of their own for this period. */
  buyerEmail: email.optional(),
  period: z.enum(budgetPeriods),
  /** In the company's currency, minor units. */
  amount: nonNegativeMinorUnits,
});
export type Budget = z.infer<typeof budgetSchema>;

const budgetsFields = {
  timeZone: timeZone.default('UTC'),
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
  budgets: z.array(budgetSchema).max(500),
};

/** One budget per buyer (or every buyer) and period: a second would leave which one limits unclear. */
const oneBudgetEach = ({ budgets }: { budgets: Budget[] }, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  budgets.forEach((budget, index) => {
    const key = `${budget.buyerEmail ?? '*'}|${budget.period}`;
    if (seen.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['budgets', index],
        message: `a second ${budget.period} budget for ${budget.buyerEmail ?? 'every buyer'}`,
      });
    }
    seen.add(key);
  });
};

/**
 * A company's spending limits and the calendar its periods follow: months and quarters begin at midnight in its time
 * zone, and its fiscal year (so its first quarter) begins in `fiscalYearStartMonth`.
 */
export const budgetsSchema = z.object(budgetsFields).superRefine(oneBudgetEach);
/** The body of PUT /companies/{companyId}/budgets: the same, refusing unknown fields. */
export const budgetsBodySchema = z.strictObject(budgetsFields).superRefine(oneBudgetEach);
export type Budgets = z.infer<typeof budgetsSchema>;
export type BudgetCalendar = Pick<Budgets, 'timeZone' | 'fiscalYearStartMonth'>;

/** One period of one kind, named by its first month: `{ period: 'quarter', start: '2026-10' }`. */
export interface PeriodOf {
  period: BudgetPeriod;
  start: string;
}

const monthKey = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

/** The calendar year and month (1–12) of an instant in a time zone. */
const localMonth = (at: Date, zone: string): { year: number; month: number } => {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric' }).formatToParts(
    at,
  );
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: value('year'), month: value('month') };
};

/**
 * The period an instant falls in, in the company's calendar: its month, or its fiscal quarter (the three months from
 * the fiscal year's start month, then the next three ...).
 */
export const periodOf = (at: Date, period: BudgetPeriod, calendar: BudgetCalendar): PeriodOf => {
  if (Number.isNaN(at.getTime())) throw new RangeError('not an instant');
  const { year, month } = localMonth(at, calendar.timeZone);
  if (period === 'month') return { period, start: monthKey(year, month) };
  const intoQuarter = (month - calendar.fiscalYearStartMonth + 12) % 3;
  const startMonth = month - intoQuarter;
  return startMonth >= 1
    ? { period, start: monthKey(year, startMonth) }
    : { period, start: monthKey(year - 1, startMonth + 12) };
};

/**
 * The budgets that limit one buyer: per period, the buyer's own budget if the company gave them one, else the
 * every-buyer budget. Each buyer spends against their own limit; an every-buyer budget is not a shared pool.
 */
export const budgetsOf = (budgets: readonly Budget[], buyerEmail: string): Budget[] => {
  const buyer = buyerEmail.toLowerCase();
  return budgetPeriods.flatMap((period) => {
    const own = budgets.find((b) => b.period === period && b.buyerEmail === buyer);
    const everyone = budgets.find((b) => b.period === period && b.buyerEmail === undefined);
    const chosen = own ?? everyone;
    return chosen ? [chosen] : [];
  });
};

/** Where one budget stands in the period an order would be placed in. */
export const budgetStandingSchema = z.object({
  period: z.enum(budgetPeriods),
  start: z.string().describe('The period’s first month, YYYY-MM'),
  amount: z.number().int(),
  spent: z.number().int(),
  remaining: z
    .number()
    .int()
    .describe('Never below zero: an order approved over budget overspends, the next order’s room is not negative'),
});
export type BudgetStanding = z.infer<typeof budgetStandingSchema>;

/** What a buyer has spent per period, keyed by `spendKey`. */
export type Spent = ReadonlyMap<string, number>;

export const spendKey = (period: PeriodOf): string => `${period.period}#${period.start}`;

/** Each budget limiting the buyer, with what they spent in the period that contains `at` and what remains. */
export const budgetStanding = (
  resource: Pick<Budgets, 'budgets'> & BudgetCalendar,
  buyerEmail: string,
  at: Date,
  spent: Spent,
): BudgetStanding[] =>
  budgetsOf(resource.budgets, buyerEmail).map((budget) => {
    const period = periodOf(at, budget.period, resource);
    const used = spent.get(spendKey(period)) ?? 0;
    return { ...period, amount: budget.amount, spent: used, remaining: Math.max(0, budget.amount - used) };
  });

/** An order fits when it fits every budget that limits its buyer; a buyer without budgets has no limit. */
export const fitsBudget = (total: number, standing: readonly BudgetStanding[]): boolean =>
  standing.every((s) => total <= s.remaining);

/** The reason an over-budget level carries, shown to its approvers and in the history. */
export const OVER_BUDGET = 'over budget';

/** What an order placed at `at` is charged to: the period of each kind, limited where a budget limits its buyer. */
export const chargesOf = (
  resource: (Pick<Budgets, 'budgets'> & BudgetCalendar) | undefined,
  buyerEmail: string,
  at: Date,
  options: { limited: boolean },
): { period: PeriodOf; limit?: number }[] => {
  const calendar = resource ?? { timeZone: 'UTC', fiscalYearStartMonth: 1 };
  const limits = resource && options.limited ? budgetsOf(resource.budgets, buyerEmail) : [];
  return budgetPeriods.map((kind) => {
    const limit = limits.find((b) => b.period === kind)?.amount;
    return { period: periodOf(at, kind, calendar), ...(limit !== undefined && { limit }) };
  });
};

/** Budgets naming someone who is not a buyer of the company, as field errors (`budgets.2.buyerEmail`). */
export const buyersOutsideCompany = (
  budgets: readonly Budget[],
  users: readonly { email: string; roles: readonly string[] }[],
): { path: string; message: string }[] => {
  const buyers = new Set(users.filter((u) => u.roles.includes('buyer')).map((u) => u.email));
  return budgets.flatMap((budget, index) =>
    budget.buyerEmail === undefined || buyers.has(budget.buyerEmail)
      ? []
      : [{ path: `budgets.${index}.buyerEmail`, message: `${budget.buyerEmail} is not a buyer of this company` }],
  );
};
