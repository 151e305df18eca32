import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildApprovalChain,
  chainOutcome,
  closedByRejection,
  DecisionRefused,
  escalationContacts,
  matches,
  NoEligibleApprover,
  recordDecision,
} from '#domain/approval-chain.ts';
import { type ApprovalRule, approversOutsideCompany, type Condition } from '#domain/approval-rule.ts';
import type { ApprovalStep } from '#domain/rfq.ts';
import {
  allOf,
  always,
  anyOf,
  aRule,
  category,
  lineCount,
  maxLineTotal,
  not,
  sku,
  total,
} from '../builders/approval-rule.ts';
import { aCompany } from '../builders/company.ts';
import { aQuote } from '../builders/quote.ts';

const lead1 = 'lead1@acme.example';
const lead2 = 'lead2@acme.example';
const finance = 'finance@acme.example';
const cfo = 'cfo@acme.example';
const admin = 'admin@acme.example';
const buyer = 'buyer@acme.example';

/** $1,500.00 over two lines: 10 × $100.00 hardware, 1 × $500.00 software. */
const quote = aQuote()
  .withLine('LAPTOP-1', 10, 100_00, { category: 'hardware' })
  .withLine('LICENSE-1', 1, 500_00, { category: 'software' })
  .build();

const company = aCompany().withBuyer(buyer).withAdmin(admin).build();

describe('a rule condition', () => {
  it.each<[string, Condition, boolean]>([
    ['total over $1,000', total.over(1_000_00), true],
    ['total over $1,500', total.over(1_500_00), false],
    ['total at least $1,500', total.atLeast(1_500_00), true],
    ['total under $1,500', total.under(1_500_00), false],
    ['total at most $1,500', total.atMost(1_500_00), true],
    ['total exactly $1,500', total.exactly(1_500_00), true],
    ['two lines', lineCount.exactly(2), true],
    ['more than two lines', lineCount.over(2), false],
    ['a line over $900', maxLineTotal.over(900_00), true],
    ['a line over $1,000', maxLineTotal.over(1_000_00), false],
    ['a LICENSE-1 line', sku.is('LICENSE-1'), true],
    ['a MOUSE-1 line', sku.is('MOUSE-1'), false],
    ['one of MOUSE-1, LAPTOP-1', sku.oneOf('MOUSE-1', 'LAPTOP-1'), true],
    ['software', category.is('software'), true],
    ['furniture', category.is('furniture'), false],
    ['furniture or software', category.oneOf('furniture', 'software'), true],
    ['over $1,000 and software', allOf(total.over(1_000_00), category.is('software')), true],
    ['over $1,000 and furniture', allOf(total.over(1_000_00), category.is('furniture')), false],
    ['over $5,000 or software', anyOf(total.over(5_000_00), category.is('software')), true],
    ['over $5,000 or furniture', anyOf(total.over(5_000_00), category.is('furniture')), false],
    ['no furniture', not(category.is('furniture')), true],
    ['no software', not(category.is('software')), false],
  ])('%s: %s', (_, condition, expected) => {
    expect(matches(condition, quote)).toBe(expected);
  });

  it('never matches a category on a line without one', () => {
    const uncategorized = aQuote().withLine('X-1', 1, 1_00).build();
    expect(matches(category.oneOf('hardware', 'software'), uncategorized)).toBe(false);
  });

  it('reads a single value given to `in` as a list of one, and a list given to `eq` as a choice', () => {
    expect(matches({ field: 'sku', op: 'in', value: 'LAPTOP-1' }, quote)).toBe(true);
    expect(matches({ field: 'sku', op: 'eq', value: ['X', 'LAPTOP-1'] }, quote)).toBe(true);
  });

  it('counts the largest line of a quote with no priced line as zero', () => {
    const unpriced = aQuote().withUnpricedLine('X-1', 3).build();
    expect(matches(maxLineTotal.exactly(0), unpriced)).toBe(true);
  });
});

describe('building the approval chain', () => {
  const chainFor = (rules: ApprovalRule[], submitterEmail = buyer, forCompany = company) =>
    buildApprovalChain({ rules, quote, company: forCompany, submitterEmail });

  it('is empty when no rule matches: approved at once', () => {
    const chain = chainFor([aRule().when(total.over(10_000_00)).approvedBy(cfo).build()]);
    expect(chain).toEqual([]);
    expect(chainOutcome(chain)).toBe('APPROVED');
  });

  it('starts every level waiting, with no decisions', () => {
    expect(
      chainFor([aRule('big').when(total.over(1_000_00)).approvedBy(lead1, lead2).approvedByAll(finance, cfo).build()]),
    ).toEqual([
      {
        level: 1,
        mode: 'any',
        approvers: [lead1, lead2],
        ruleIds: ['big'],
        escalated: false,
        decisions: [],
        status: 'WAITING',
      },
      {
        level: 2,
        mode: 'all',
        approvers: [finance, cfo],
        ruleIds: ['big'],
        escalated: false,
        decisions: [],
        status: 'WAITING',
      },
    ]);
  });

  it('merges matching rules level by level, in rule order, and leaves out rules that do not match', () => {
    const acme = aCompany()
      .withBuyer(buyer)
      .withRule(aRule('team').approvedBy(lead1))
      .withRule(aRule('furniture').when(category.is('furniture')).approvedBy(admin))
      .withRule(aRule('software').when(category.is('software')).approvedBy(lead2).approvedBy(finance));
    const chain = chainFor(acme.rules(), buyer, acme.build());
    expect(chain.map((s) => ({ level: s.level, approvers: s.approvers, ruleIds: s.ruleIds }))).toEqual([
      { level: 1, approvers: [lead1, lead2], ruleIds: ['team', 'software'] },
      { level: 2, approvers: [finance], ruleIds: ['software'] },
    ]);
  });

  it('makes a merged level need everyone when any of its rules does', () => {
    const chain = chainFor([aRule('a').approvedBy(lead1).build(), aRule('b').approvedByAll(finance).build()]);
    expect(chain[0]).toMatchObject({ mode: 'all', approvers: [lead1, finance] });
  });

  it('asks an approver once, at the first level that names them, and drops a level left with nobody new', () => {
    const chain = chainFor([
      aRule('a').approvedBy(lead1, finance).approvedBy(cfo).build(),
      aRule('b').approvedBy(finance).approvedBy(finance, lead1).approvedBy(lead2).build(),
    ]);
    expect(chain.map((s) => s.approvers)).toEqual([[lead1, finance], [cfo], [lead2]]);
    expect(chain.map((s) => s.level)).toEqual([1, 2, 3]);
  });

  it('treats approver emails case-insensitively', () => {
    const chain = chainFor([aRule('a').approvedBy('Lead1@ACME.example').build(), aRule('b').approvedBy(lead1).build()]);
    expect(chain[0]?.approvers).toEqual([lead1]);
  });

  it('skips the submitter: nobody approves their own purchase', () => {
    const chain = chainFor([aRule().approvedBy(lead1, lead2).build()], lead1);
    expect(chain[0]).toMatchObject({ approvers: [lead2], escalated: false });
  });

  it('escalates a level left empty by the submitter to the company admins', () => {
    const admins = aCompany()
      .withBuyer(cfo)
      .withAdmin(admin)
      .withUser('admin2@acme.example', 'approver', 'admin')
      .build();
    const chain = chainFor([aRule('big').approvedBy(lead1).approvedByAll(cfo).build()], 'CFO@acme.example', admins);
    expect(chain[1]).toEqual({
      level: 2,
      mode: 'any',
      approvers: [admin, 'admin2@acme.example'],
      ruleIds: ['big'],
      escalated: true,
      decisions: [],
      status: 'WAITING',
    });
  });

  it('never escalates to the submitter, even when they are an admin', () => {
    const twoAdmins = aCompany().withAdmin(cfo).withAdmin(admin).build();
    const chain = chainFor([aRule().approvedBy(cfo).build()], cfo, twoAdmins);
    expect(chain[0]?.approvers).toEqual([admin]);
  });

  it('refuses, clearly, a chain with nobody left to approve', () => {
    const soleAdmin = aCompany().withAdmin(cfo).build();
    expect(() => chainFor([aRule('big').approvedBy(cfo).build()], cfo, soleAdmin)).toThrow(NoEligibleApprover);
    expect(() => chainFor([aRule('big').approvedBy(cfo).build()], cfo, soleAdmin)).toThrow(/level 1 \(rules big\)/);
  });

  it('carries each level’s escalation contacts from every rule that names one', () => {
    const chain = chainFor([
      aRule('big').approvedBy(lead1).escalatingTo(cfo).build(),
      aRule('software').approvedBy(lead2).escalatingTo('Finance@acme.example').approvedBy(admin).build(),
    ]);
    expect(chain.map((step) => step.escalateTo)).toEqual([[cfo, finance], undefined]);
  });
});

describe('who a level unanswered past its reminder goes to', () => {
  const company = aCompany().withAdmin(admin).withAdmin(buyer).withApprover(cfo).build();

  it('is the contact its rules name', () => {
    expect(escalationContacts({ escalateTo: [cfo] }, company, buyer)).toEqual([cfo]);
  });

  it('is the company’s admins when no rule names one, never the submitter', () => {
    expect(escalationContacts({}, company, buyer)).toEqual([admin]);
  });

  it('skips a named contact who submitted the purchase, and the admins stand in', () => {
    expect(escalationContacts({ escalateTo: [buyer] }, company, buyer)).toEqual([admin]);
  });

  it('is nobody when no one is left: the level then expires', () => {
    expect(escalationContacts({}, aCompany().withAdmin(buyer).build(), buyer)).toEqual([]);
  });
});

describe('recording decisions on a level', () => {
  const at = '2026-11-23T10:00:00.000Z';
  const level = (mode: 'any' | 'all', ...approvers: string[]): ApprovalStep => ({
    level: 1,
    mode,
    approvers,
    ruleIds: ['r'],
    escalated: false,
    decisions: [],
    status: 'PENDING',
  });

  it('approves an `any` level with the first approval', () => {
    const step = recordDecision(level('any', lead1, lead2), lead2, 'approve', at, 'fine by me');
    expect(step.status).toBe('APPROVED');
    expect(step.decisions).toEqual([{ approver: lead2, decision: 'approve', at, comment: 'fine by me' }]);
  });

  it('keeps an `all` level pending until every approver has approved', () => {
    const first = recordDecision(level('all', finance, cfo), cfo, 'approve', at);
    expect(first.status).toBe('PENDING');
    expect(recordDecision(first, finance, 'approve', at).status).toBe('APPROVED');
  });

  it('rejects a level with any rejection, in either mode', () => {
    expect(recordDecision(level('any', lead1, lead2), lead1, 'reject', at).status).toBe('REJECTED');
    const half = recordDecision(level('all', finance, cfo), finance, 'approve', at);
    expect(recordDecision(half, cfo, 'reject', at).status).toBe('REJECTED');
  });

  it('accepts a decision on a level not yet opened', () => {
    expect(recordDecision({ ...level('any', lead1), status: 'WAITING' }, lead1, 'approve', at).status).toBe('APPROVED');
  });

  it('refuses someone who is not an approver of the level', () => {
    expect(() => recordDecision(level('any', lead1), buyer, 'approve', at)).toThrow(DecisionRefused);
  });

  it('refuses a second decision by the same approver', () => {
    const once = recordDecision(level('all', finance, cfo), finance, 'approve', at);
    expect(() => recordDecision(once, 'FINANCE@acme.example', 'reject', at)).toThrow(/already decided/);
  });

  it('refuses any decision once the level is decided', () => {
    const done = recordDecision(level('any', lead1, lead2), lead1, 'approve', at);
    expect(() => recordDecision(done, lead2, 'reject', at)).toThrow(/already approved/);
  });

  it('leaves the step it was given untouched', () => {
    const step = level('any', lead1);
    recordDecision(step, lead1, 'approve', at);
    expect(step).toEqual(level('any', lead1));
  });

  it('lets a contact the level was escalated to decide a whole `all` level, either way', () => {
    const escalated = { ...level('all', lead1, lead2), escalation: { to: [cfo], at } };
    expect(recordDecision(escalated, cfo, 'approve', at).status).toBe('APPROVED');
    expect(recordDecision(escalated, cfo, 'reject', at).status).toBe('REJECTED');
    expect(recordDecision(recordDecision(escalated, lead1, 'approve', at), cfo, 'approve', at).status).toBe('APPROVED');
    expect(() => recordDecision(level('all', lead1, lead2), cfo, 'approve', at)).toThrow(DecisionRefused);
  });
});

describe('the chain as a whole', () => {
  const step = (status: ApprovalStep['status']): ApprovalStep => ({
    level: 1,
    mode: 'any',
    approvers: [lead1],
    ruleIds: [],
    escalated: false,
    decisions: [],
    status,
  });

  it('is approved when every level is, rejected when any is, pending otherwise', () => {
    expect(chainOutcome([step('APPROVED'), step('APPROVED')])).toBe('APPROVED');
    expect(chainOutcome([step('APPROVED'), step('REJECTED'), step('WAITING')])).toBe('REJECTED');
    expect(chainOutcome([step('APPROVED'), step('PENDING')])).toBe('PENDING');
  });

  it('once rejected, reads the levels still to decide as not needed and keeps the decided ones', () => {
    const closed = closedByRejection([step('APPROVED'), step('REJECTED'), step('WAITING'), step('WAITING')]);
    expect(closed.map((s) => s.status)).toEqual(['APPROVED', 'REJECTED', 'NOT_NEEDED', 'NOT_NEEDED']);
    expect(chainOutcome(closed)).toBe('REJECTED');
  });
});

const people = [
  'a@acme.example',
  'b@acme.example',
  'c@acme.example',
  'd@acme.example',
  'e@acme.example',
  'f@acme.example',
];
const personArb = fc.constantFrom(...people);
const conditionArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.constant(always),
  fc.integer({ min: 0, max: 3_000_00 }).map((v) => total.over(v)),
  fc.constantFrom('hardware', 'software', 'furniture').map((c) => category.is(c)),
  fc.constantFrom('LAPTOP-1', 'MOUSE-1').map((s) => not(sku.is(s))),
);
const ruleArb = (ruleId: string) =>
  fc
    .record({
      when: conditionArb,
      levels: fc.array(
        fc.record({
          approvers: fc.uniqueArray(personArb, { minLength: 1, maxLength: 4 }),
          mode: fc.constantFrom<'any' | 'all'>('any', 'all'),
        }),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
    })
    .map(({ when, levels }): ApprovalRule => ({ ruleId, name: ruleId, when, levels }));
const rulesArb = fc
  .integer({ min: 0, max: 5 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => ruleArb(`rule-${i}`))));
const companyArb = fc
  .uniqueArray(fc.record({ email: personArb, admin: fc.boolean() }), { selector: (u) => u.email, maxLength: 6 })
  .map((users) => users.reduce((c, u) => (u.admin ? c.withAdmin(u.email) : c.withBuyer(u.email)), aCompany()).build());

describe('the approval chain, for any rules and any company', () => {
  it('never asks the submitter to approve their own purchase, and never leaves a level empty', () => {
    fc.assert(
      fc.property(rulesArb, companyArb, personArb, (rules, anyCompany, submitter) => {
        let chain: ApprovalStep[];
        try {
          chain = buildApprovalChain({ rules, quote, company: anyCompany, submitterEmail: submitter });
        } catch (error) {
          expect(error).toBeInstanceOf(NoEligibleApprover);
          expect(anyCompany.users.filter((u) => u.roles.includes('admin') && u.email !== submitter)).toEqual([]);
          return;
        }
        for (const step of chain) {
          expect(step.approvers).not.toContain(submitter);
          expect(step.approvers.length).toBeGreaterThan(0);
          expect(new Set(step.approvers).size).toBe(step.approvers.length);
        }
        expect(chain.map((s) => s.level)).toEqual(chain.map((_, i) => i + 1));
        const matching = rules.filter((r) => matches(r.when, quote));
        expect(chain.length === 0).toBe(matching.length === 0);
      }),
    );
  });

  it('asks each approver in one level only, unless an admin steps in for an emptied level', () => {
    fc.assert(
      fc.property(rulesArb, personArb, (rules, submitter) => {
        const chain = buildApprovalChain({ rules, quote, company, submitterEmail: submitter });
        const asked = chain.filter((s) => !s.escalated).flatMap((s) => s.approvers);
        expect(new Set(asked).size).toBe(asked.length);
      }),
    );
  });

  it('keeps rule order: an approver sits at the earliest depth any matching rule names them, depths in order', () => {
    fc.assert(
      fc.property(rulesArb, personArb, (rules, submitter) => {
        const chain = buildApprovalChain({ rules, quote, company, submitterEmail: submitter });
        const matching = rules.filter((r) => matches(r.when, quote));
        const depthOf = new Map<string, number>();
        matching.forEach((rule) => {
          rule.levels.forEach((level, depth) => {
            for (const a of level.approvers) depthOf.set(a, Math.min(depth, depthOf.get(a) ?? depth));
          });
        });
        const levelOf = (a: string) => chain.findIndex((step) => !step.escalated && step.approvers.includes(a));
        const asked = [...depthOf.keys()].filter((a) => a !== submitter);
        for (const x of asked) {
          for (const y of asked) {
            const [dx, dy] = [depthOf.get(x)!, depthOf.get(y)!];
            if (dx < dy) expect(levelOf(x)).toBeLessThan(levelOf(y));
            if (dx === dy) expect(levelOf(x)).toBe(levelOf(y));
          }
        }
        const ruleOrder = rules.map((r) => r.ruleId);
        for (const step of chain) {
          const positions = step.ruleIds.map((id) => ruleOrder.indexOf(id));
          expect(positions).toEqual([...positions].sort((i, j) => i - j));
        }
      }),
    );
  });

  it('approves an `any` level with one approval and an `all` level only with all of them', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(personArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom<'any' | 'all'>('any', 'all'),
        fc.integer({ min: 1, max: 6 }),
        (approvers, mode, howMany) => {
          let step: ApprovalStep = {
            level: 1,
            mode,
            approvers,
            ruleIds: [],
            escalated: false,
            decisions: [],
            status: 'PENDING',
          };
          const deciding = approvers.slice(0, mode === 'any' ? 1 : howMany);
          for (const approver of deciding) step = recordDecision(step, approver, 'approve', '2026-11-23T10:00:00.000Z');
          expect(step.status).toBe(mode === 'any' || deciding.length === approvers.length ? 'APPROVED' : 'PENDING');
        },
      ),
    );
  });
});

describe('who a rule may name', () => {
  it('refuses an escalation contact who is not an approver or admin of the company, naming the field', () => {
    const users = aCompany().withApprover(lead1).withAdmin(admin).withBuyer(buyer).build().users;
    const rules = [
      aRule('big').approvedBy(lead1).escalatingTo(buyer).build(),
      aRule('ok').approvedBy(lead1).escalatingTo(admin).build(),
    ];
    expect(approversOutsideCompany(rules, users)).toEqual([
      { path: 'rules.0.levels.0.escalateTo', message: `${buyer} is not an approver of this company` },
    ]);
  });
});
