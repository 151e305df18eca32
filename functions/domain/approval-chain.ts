import type { ApprovalRule, Condition } from './approval-rule.ts';
import { OVER_BUDGET } from './budget.ts';
import type { Company } from './company.ts';
import type { ApprovalStep, Quote } from './rfq.ts';

type Decision = ApprovalStep['decisions'][number];

const compare = (actual: number, op: 'gt' | 'gte' | 'lt' | 'lte' | 'eq', expected: number): boolean => {
  switch (op) {
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
    case 'eq':
      return actual === expected;
  }
};

/**
 * Whether a rule's condition holds for a quote. Amounts are the quote's minor units; `maxLineTotal` of a quote without
 * priced lines is 0. For `sku` and `category`, `eq` means some line has that value and `in` some line has one of them.
 */
export const matches = (condition: Condition, quote: Quote): boolean => {
  if ('all' in condition) return condition.all.every((c) => matches(c, quote));
  if ('any' in condition) return condition.any.some((c) => matches(c, quote));
  if ('not' in condition) return !matches(condition.not, quote);
  switch (condition.field) {
    case 'total':
      return compare(quote.total, condition.op, condition.value);
    case 'lineCount':
      return compare(quote.lines.length, condition.op, condition.value);
    case 'maxLineTotal':
      return compare(Math.max(0, ...quote.lines.map((line) => line.lineTotal ?? 0)), condition.op, condition.value);
    case 'sku':
    case 'category': {
      const field = condition.field;
      const wanted = new Set(typeof condition.value === 'string' ? [condition.value] : condition.value);
      return quote.lines.some((line) => line[field] !== undefined && wanted.has(line[field]));
    }
  }
};

/** No one is left to approve a level: the company has no admin besides the submitter. The workflow fails clearly. */
export class NoEligibleApprover extends Error {
  override readonly name = 'NoEligibleApprover';
  constructor(
    readonly level: number,
    readonly ruleIds: readonly string[],
  ) {
    super(
      `approval level ${level} (${ruleIds.length > 0 ? `rules ${ruleIds.join(', ')}` : OVER_BUDGET}) has no approver but the submitter, and the company has no other admin`,
    );
  }
}

export interface ChainRequest {
  /** The company's rules, in their stored order. */
  rules: readonly ApprovalRule[];
  quote: Quote;
  company: Pick<Company, 'users'>;
  /** The buyer who submitted (or on whose behalf a rep submitted): never an approver of their own purchase. */
  submitterEmail: string;
}

/**
 * The one approval chain for a quote: every matching rule, in rule order, merged level by level — level i is the union
 * of each matching rule's level i, `all` if any of them says `all`. An approver sits in one level only, the first that
 * names them; a level left with nobody new is dropped. The submitter is skipped (segregation of duties); a level left
 * empty by that escalates to the company's admins (any of them, never the submitter), and throws NoEligibleApprover
 * when there is none. No matching rule: an empty chain, approved at once.
 */
export const buildApprovalChain = ({ rules, quote, company, submitterEmail }: ChainRequest): ApprovalStep[] => {
  const submitter = submitterEmail.toLowerCase();
  const matching = rules.filter((rule) => matches(rule.when, quote));
  const depth = Math.max(0, ...matching.map((rule) => rule.levels.length));
  const placed = new Set<string>();
  const chain: ApprovalStep[] = [];

  for (let i = 0; i < depth; i++) {
    const contributing = matching.flatMap((rule) => {
      const level = rule.levels[i];
      return level ? [{ ruleId: rule.ruleId, level }] : [];
    });
    const named = [...new Set(contributing.flatMap(({ level }) => level.approvers.map((a) => a.toLowerCase())))];
    const fresh = named.filter((approver) => !placed.has(approver));
    if (fresh.length === 0) continue;
    for (const approver of fresh) placed.add(approver);

    const ruleIds = [...new Set(contributing.map(({ ruleId }) => ruleId))];
    const level = chain.length + 1;
    const approvers = fresh.filter((approver) => approver !== submitter);
    if (approvers.length > 0) {
      const mode = contributing.some(({ level }) => level.mode === 'all') ? 'all' : 'any';
      const escalateTo = [
        ...new Set(contributing.flatMap(({ level }) => (level.escalateTo ? [level.escalateTo.toLowerCase()] : []))),
      ];
      chain.push({
        level,
        mode,
        approvers,
        ruleIds,
        escalated: false,
        ...(escalateTo.length > 0 && { escalateTo }),
        decisions: [],
        status: 'WAITING',
      });
      continue;
    }
    const admins = adminsBut(company, submitter);
    if (admins.length === 0) throw new NoEligibleApprover(level, ruleIds);
    chain.push({ level, mode: 'any', approvers: admins, ruleIds, escalated: true, decisions: [], status: 'WAITING' });
  }
  return chain;
};

/** The company's admins, never the submitter. */
const adminsBut = (company: Pick<Company, 'users'>, submitter: string): string[] => [
  ...new Set(
    company.users
      .filter((user) => user.roles.includes('admin'))
      .map((user) => user.email.toLowerCase())
      .filter((admin) => admin !== submitter),
  ),
];

/**
 * The level an order beyond its buyer's remaining budget adds after the chain's last: any one of the company's admins
 * (never the submitter), with the reason "over budget". Throws NoEligibleApprover when the company has no such admin.
 */
export const overBudgetLevel = (
  chain: readonly ApprovalStep[],
  company: Pick<Company, 'users'>,
  submitterEmail: string,
): ApprovalStep => {
  const level = chain.length + 1;
  const approvers = adminsBut(company, submitterEmail.toLowerCase());
  if (approvers.length === 0) throw new NoEligibleApprover(level, []);
  return {
    level,
    mode: 'any',
    approvers,
    ruleIds: [],
    escalated: false,
    reason: OVER_BUDGET,
    decisions: [],
    status: 'WAITING',
  };
};

/** Whether the company's admins approved this purchase beyond the budget: then it counts against it unconditionally. */
export const approvedOverBudget = (chain: readonly ApprovalStep[]): boolean =>
  chain.some((step) => step.reason === OVER_BUDGET && step.status === 'APPROVED');

/**
 * Who decides a level its approvers left unanswered past their reminder: the contacts its rules name, else the
 * company's admins — never the submitter (a contact who is the submitter is skipped, and the admins stand in). Empty
 * when nobody is left: the level then expires.
 */
export const escalationContacts = (
  step: Pick<ApprovalStep, 'escalateTo'>,
  company: Pick<Company, 'users'>,
  submitterEmail: string,
): string[] => {
  const submitter = submitterEmail.toLowerCase();
  const named = (step.escalateTo ?? []).map((e) => e.toLowerCase()).filter((e) => e !== submitter);
  return named.length > 0 ? [...new Set(named)] : adminsBut(company, submitter);
};

/** A decision the step cannot take: the approver is not in the level, has decided already, or the level is closed. */
export class DecisionRefused extends Error {
  override readonly name = 'DecisionRefused';
}

/**
 * One approver's decision on one level. `any`: the first approval approves the level; `all`: the last missing approval
 * does. Any rejection rejects it. A contact the level was escalated to decides it for the whole level. Returns the new
 * step; the step passed in is left as it was.
 */
export const recordDecision = (
  step: ApprovalStep,
  approver: string,
  decision: Decision['decision'],
  at: string,
  comment?: string,
  delegate?: string,
): ApprovalStep => {
  const who = approver.toLowerCase();
  if (step.status === 'APPROVED' || step.status === 'REJECTED') {
    throw new DecisionRefused(`level ${step.level} is already ${step.status.toLowerCase()}`);
  }
  const escalatedTo = step.escalation?.to.includes(who) === true;
  if (!step.approvers.includes(who) && !escalatedTo)
    throw new DecisionRefused(`${who} is not an approver of level ${step.level}`);
  if (step.decisions.some((d) => d.approver === who)) {
    throw new DecisionRefused(`${who} has already decided level ${step.level}`);
  }
  const decisions: Decision[] = [
    ...step.decisions,
    {
      approver: who,
      ...(delegate !== undefined && { delegate: delegate.toLowerCase() }),
      decision,
      at,
      ...(comment !== undefined && { comment }),
    },
  ];
  const approvedBy = new Set(decisions.filter((d) => d.decision === 'approve').map((d) => d.approver));
  const status =
    decision === 'reject'
      ? 'REJECTED'
      : escalatedTo || step.mode === 'any' || step.approvers.every((a) => approvedBy.has(a))
        ? 'APPROVED'
        : 'PENDING';
  return { ...step, decisions, status };
};

/** Where a chain stands: approved when every level is (an empty chain is), rejected when any level is. */
/**
 * The chain once a level rejected the purchase: the levels still to decide are not needed any more, so no reader sees
 * them waiting on a purchase that has ended; the levels already decided stay as they were.
 */
export const closedByRejection = (steps: readonly ApprovalStep[]): ApprovalStep[] =>
  steps.map((step) =>
    step.status === 'WAITING' || step.status === 'PENDING' ? { ...step, status: 'NOT_NEEDED' } : step,
  );

export const chainOutcome = (steps: readonly ApprovalStep[]): 'APPROVED' | 'REJECTED' | 'PENDING' => {
  if (steps.some((step) => step.status === 'REJECTED')) return 'REJECTED';
  return steps.every((step) => step.status === 'APPROVED') ? 'APPROVED' : 'PENDING';
};
