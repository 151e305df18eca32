import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { delegateWindow, delegationBodySchema, delegationOf, delegationProblems } from '#domain/delegation.ts';
import { mayStandIn } from '#domain/policy.ts';

const al = { email: 'al@acme.example', companyId: 'acme' };
const body = (from: string, to: string, delegateEmail = 'ann@acme.example') => ({ delegateEmail, from, to });

/** Instants as ISO strings over a few years, so windows, waits and "now" overlap in every way. */
const instant = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2028-01-01T00:00:00Z') })
  .map((ms) => new Date(ms).toISOString());
const window = fc.tuple(instant, instant).filter(([a, b]) => a < b);

describe('the part of a wait a delegate may decide', () => {
  it('is exactly the instants in both the window and the rest of the wait', () => {
    fc.assert(
      fc.property(window, instant, instant, instant, ([from, to], now, expiresAt, t) => {
        const got = delegateWindow({ from, to }, { now: new Date(now), expiresAt });
        const inBoth = from <= t && t < to && now <= t && t < expiresAt;
        const inGot = got !== undefined && got.activeFrom <= t && t < got.expiresAt;
        expect(inGot).toBe(inBoth);
        if (got) expect(got.activeFrom < got.expiresAt).toBe(true);
      }),
    );
  });

  it('is nothing when the window ended before now or begins after the wait', () => {
    const wait = { now: new Date('2026-06-10T09:00:00Z'), expiresAt: '2026-06-12T09:00:00.000Z' };
    expect(delegateWindow({ from: '2026-06-01T00:00:00.000Z', to: '2026-06-10T09:00:00.000Z' }, wait)).toBeUndefined();
    expect(delegateWindow({ from: '2026-06-12T09:00:00.000Z', to: '2026-06-20T00:00:00.000Z' }, wait)).toBeUndefined();
    expect(delegateWindow({ from: '2026-06-11T00:00:00.000Z', to: '2026-06-20T00:00:00.000Z' }, wait)).toEqual({
      activeFrom: '2026-06-11T00:00:00.000Z',
      expiresAt: '2026-06-12T09:00:00.000Z',
    });
  });
});

describe('a delegation as set through PUT /me/delegation', () => {
  const fieldsOf = (input: unknown) => {
    const parsed = delegationBodySchema.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
  };

  it('names the field that is wrong', () => {
    expect(fieldsOf(body('2026-12-01', '2026-12-05T00:00:00Z'))).toEqual(['from']);
    expect(fieldsOf(body('2026-12-05T00:00:00Z', '2026-12-01T00:00:00Z'))).toEqual(['to']);
    expect(fieldsOf(body('2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'))).toEqual(['to']);
    expect(fieldsOf(body('2026-12-01T00:00:00Z', '2028-12-01T00:00:00Z'))).toEqual(['to']);
    expect(fieldsOf(body('2026-12-01T00:00:00Z', '2026-12-05T00:00:00Z', 'not an address'))).toEqual(['delegateEmail']);
    expect(fieldsOf({ ...body('2026-12-01T00:00:00Z', '2026-12-05T00:00:00Z'), extra: 1 })).toEqual(['']);
  });

  it('keeps the window in UTC and the delegate in lower case, whatever offset and case were sent', () => {
    const parsed = delegationBodySchema.parse(
      body('2026-12-01T09:00:00+02:00', '2026-12-05T18:00:00-05:00', 'Ann@Acme.Example'),
    );
    const at = new Date('2026-11-30T10:00:00Z');
    expect(delegationOf(al, parsed, 'ada@acme.example', at)).toEqual({
      personEmail: 'al@acme.example',
      companyId: 'acme',
      delegateEmail: 'ann@acme.example',
      from: '2026-12-01T07:00:00.000Z',
      to: '2026-12-05T23:00:00.000Z',
      setBy: 'ada@acme.example',
      setAt: '2026-11-30T10:00:00.000Z',
    });
  });

  it('refuses the person as their own delegate, and a window that has already ended', () => {
    const now = new Date('2026-12-03T00:00:00Z');
    const ok = delegationBodySchema.parse(body('2026-12-01T00:00:00Z', '2026-12-05T00:00:00Z'));
    expect(delegationProblems(al, ok, now)).toEqual([]);
    const self = delegationBodySchema.parse(body('2026-12-01T00:00:00Z', '2026-12-05T00:00:00Z', 'AL@acme.example'));
    expect(delegationProblems(al, self, now).map((p) => p.path)).toEqual(['delegateEmail']);
    const past = delegationBodySchema.parse(body('2026-11-01T00:00:00Z', '2026-12-03T00:00:00Z'));
    expect(delegationProblems(al, past, now).map((p) => p.path)).toEqual(['to']);
  });
});

describe('who may stand in on one decision (separation of duties)', () => {
  const decision = {
    personEmail: 'al@acme.example',
    buyerEmail: 'bea@acme.example',
    proposedBy: 'rita@seller.example',
    asked: ['al@acme.example', 'lee@acme.example'],
  };

  it.each([
    ['a colleague nobody else asked', 'ann@acme.example', true],
    ['the buyer who submitted the purchase', 'bea@acme.example', false],
    ['the person who proposed the discount', 'rita@seller.example', false],
    ['the person themselves', 'al@acme.example', false],
    ['someone the same wait already asks', 'lee@acme.example', false],
  ])('%s: %s', (_, delegate, allowed) => {
    expect(mayStandIn(delegate, decision)).toBe(allowed);
  });

  it('never lets the buyer or the proposer stand in, whoever else is involved', () => {
    const email = fc.emailAddress().map((e) => e.toLowerCase());
    fc.assert(
      fc.property(email, email, email, fc.array(email, { maxLength: 4 }), (person, buyer, proposer, asked) => {
        const d = { personEmail: person, buyerEmail: buyer, proposedBy: proposer, asked };
        expect(mayStandIn(buyer, d)).toBe(false);
        expect(mayStandIn(proposer, d)).toBe(false);
        for (const one of asked) expect(mayStandIn(one, d)).toBe(false);
      }),
    );
  });
});
