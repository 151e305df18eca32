import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, genesisHash, sealEvent, verifyChain } from '#store/history.ts';
import type { HistoryEvent } from '#store/ports.ts';

const chainOf = (actions: string[]): HistoryEvent[] => {
  const events: HistoryEvent[] = [];
  for (const [i, action] of actions.entries()) {
    events.push(
      sealEvent({
        rfqId: 'rfq_1',
        seq: i + 1,
        at: new Date(Date.UTC(2026, 10, 23, 9, i)).toISOString(),
        actor: { email: 'buyer@acme.example', role: 'buyer' },
        action,
        detail: { step: i, note: action },
        prevHash: events.at(-1)?.hash ?? genesisHash,
      }),
    );
  }
  return events;
};
const headOf = (events: HistoryEvent[]) => ({ seq: events.at(-1)!.seq, hash: events.at(-1)!.hash });
const actions = fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 2, maxLength: 12 });

describe('the history chain', () => {
  it('hashes an event the same whatever the order of its keys', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (detail) => {
        const reversed = Object.fromEntries(Object.entries(detail).reverse());
        expect(canonicalJson({ b: 1, a: detail })).toBe(canonicalJson({ a: reversed, b: 1 }));
      }),
    );
  });

  it('verifies an intact chain', () => {
    fc.assert(
      fc.property(actions, (names) => {
        const events = chainOf(names);
        expect(verifyChain(events, headOf(events))).toEqual({ ok: true });
      }),
    );
  });

  it('breaks at the event that was edited', () => {
    fc.assert(
      fc.property(actions, fc.nat(), (names, pick) => {
        const events = chainOf(names);
        const at = pick % events.length;
        const edited = events.map((e, i) => (i === at ? { ...e, action: `${e.action}!` } : e));
        expect(verifyChain(edited, headOf(events))).toMatchObject({ ok: false, brokenAt: at + 1 });
      }),
    );
  });

  it('breaks where an event is missing, the last one included', () => {
    fc.assert(
      fc.property(actions, fc.nat(), (names, pick) => {
        const events = chainOf(names);
        const at = pick % events.length;
        const gap = events.filter((_, i) => i !== at);
        expect(verifyChain(gap, headOf(events))).toMatchObject({ ok: false, brokenAt: at + 1 });
      }),
    );
  });

  it('breaks when two events swap places', () => {
    const events = chainOf(['submitted', 'priced', 'quote sent']);
    const swapped = [events[0]!, { ...events[2]!, seq: 2 }, { ...events[1]!, seq: 3 }];
    expect(verifyChain(swapped, headOf(events))).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
