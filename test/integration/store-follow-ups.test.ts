import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Actor, Rfq } from '#domain/rfq.ts';
import { indexFollowUps } from '../../migrations/follow-ups.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';
import { freshTable } from './store/fresh-table.ts';

const { store, doc, tableName } = freshTable();
const system: Actor = { email: 'system@seller.example', role: 'system' };
const buyer: Actor = { email: 'buyer@acme.example', role: 'buyer' };
/** Every approval ever untouched, however recently: an instant after anything this test writes. */
const anyTime = '2100-01-01T00:00:00.000Z';

let reps = 0;
const aRep = () => `rep-${reps++}@seller.example`;

/** An RFQ of the rep's, submitted and quoted until `validUntil`. */
const quoted = async (repEmail: string, validUntil: string): Promise<Rfq> => {
  const rfq = anRfq().for('acme', repEmail).build();
  const submitted = await store.rfqs.create(rfq, { actor: buyer, action: 'submitted' });
  const priced = await store.rfqs.transition(
    submitted,
    'price',
    { quote: aQuote().withLine('SKU-1', 10, 12_00).validUntil(validUntil).build() },
    { actor: system, action: 'priced' },
  );
  return store.rfqs.transition(priced, 'sendQuote', {}, { actor: system, action: 'quote-sent' });
};
const ids = (rfqs: Rfq[]) => rfqs.map((r) => r.rfqId);

describe("a rep's follow-ups", () => {
  it('hold their quotes by last valid day, soonest first, up to the day asked', async () => {
    const rep = aRep();
    const later = await quoted(rep, '2026-12-20');
    const sooner = await quoted(rep, '2026-12-10');
    await quoted(aRep(), '2026-12-01');

    expect(ids(await store.rfqs.followUps(rep.toUpperCase(), 'QUOTED', '2026-12-20', 100))).toEqual([
      sooner.rfqId,
      later.rfqId,
    ]);
    expect(ids(await store.rfqs.followUps(rep, 'QUOTED', '2026-12-19', 100))).toEqual([sooner.rfqId]);
    expect(ids(await store.rfqs.followUps(rep, 'QUOTED', '2026-12-09', 100))).toEqual([]);
    expect(ids(await store.rfqs.followUps(rep, 'QUOTED', '2026-12-20', 1))).toEqual([sooner.rfqId]);
  });

  it('follow the RFQ through the buyer’s approval chain and leave once it is ordered', async () => {
    const rep = aRep();
    const accepted = await store.rfqs.transition(
      await quoted(rep, '2026-12-10'),
      'accept',
      {},
      {
        actor: buyer,
        action: 'accepted',
      },
    );
    expect(await store.rfqs.followUps(rep, 'QUOTED', '2026-12-31', 100)).toEqual([]);
    const pending = await store.rfqs.transition(accepted, 'startApproval', {}, { actor: system, action: 'approval' });
    expect(ids(await store.rfqs.followUps(rep, 'PENDING_APPROVAL', anyTime, 100))).toEqual([pending.rfqId]);
    // Untouched since its last change, not before it.
    const justBefore = new Date(Date.parse(pending.updatedAt) - 1).toISOString();
    expect(await store.rfqs.followUps(rep, 'PENDING_APPROVAL', justBefore, 100)).toEqual([]);

    const approved = await store.rfqs.transition(pending, 'approve', {}, { actor: system, action: 'approved' });
    expect(await store.rfqs.followUps(rep, 'PENDING_APPROVAL', anyTime, 100)).toEqual([]);
    const entry = await doc.send(
      new GetCommand({ TableName: tableName, Key: { PK: `RFQ#${approved.rfqId}`, SK: 'FOLLOW_UP' } }),
    );
    expect(entry.Item).toBeUndefined();
  });

  it('move to the rep an RFQ is given to, in the same write', async () => {
    const [ann, bob] = [aRep(), aRep()];
    const rfq = await quoted(ann, '2026-12-10');
    await store.rfqs.reassign(rfq, bob, { actor: system, action: 'reassigned' });
    expect(await store.rfqs.followUps(ann, 'QUOTED', '2026-12-31', 100)).toEqual([]);
    expect(ids(await store.rfqs.followUps(bob, 'QUOTED', '2026-12-31', 100))).toEqual([rfq.rfqId]);
  });

  it('take a revised quote’s new last day, and nothing from a write that lost its race', async () => {
    const rep = aRep();
    const rfq = await quoted(rep, '2026-12-10');
    const stale = { ...rfq };
    await store.rfqs.update(
      rfq,
      { quote: aQuote().withLine('SKU-1', 10, 11_00).validUntil('2026-12-24').build() },
      { actor: system, action: 'quote-extended' },
    );
    await expect(
      store.rfqs.update(stale, { quote: aQuote().validUntil('2026-12-02').build() }, { actor: system, action: 'lost' }),
    ).rejects.toThrow(/changed after version/);
    expect(ids(await store.rfqs.followUps(rep, 'QUOTED', '2026-12-23', 100))).toEqual([]);
    expect(ids(await store.rfqs.followUps(rep, 'QUOTED', '2026-12-24', 100))).toEqual([rfq.rfqId]);
  });

  it('are given to RFQs stored before they were kept, once, by the migration', async () => {
    const rep = aRep();
    const rfq = await quoted(rep, '2026-12-10');
    await doc.send(new DeleteCommand({ TableName: tableName, Key: { PK: `RFQ#${rfq.rfqId}`, SK: 'FOLLOW_UP' } }));
    expect(await store.rfqs.followUps(rep, 'QUOTED', '2026-12-31', 100)).toEqual([]);

    const first = await indexFollowUps(store.rfqs, () => undefined);
    expect(first.indexed).toBe(1);
    expect(ids(await store.rfqs.followUps(rep, 'QUOTED', '2026-12-31', 100))).toEqual([rfq.rfqId]);
    expect(await indexFollowUps(store.rfqs, () => undefined)).toEqual({ seen: first.seen, indexed: 0 });
    // A copy read before the RFQ moved on gets no entry: the write that moved it placed its own.
    const accepted = await store.rfqs.transition(rfq, 'accept', {}, { actor: buyer, action: 'accepted' });
    await doc.send(new DeleteCommand({ TableName: tableName, Key: { PK: `RFQ#${rfq.rfqId}`, SK: 'FOLLOW_UP' } }));
    expect(await store.rfqs.indexFollowUp(rfq)).toBe('in place');
    expect(await store.rfqs.indexFollowUp(accepted)).toBe('in place');
  });
});
