import { describe, expect, it } from 'vitest';
import { IllegalTransition } from '#domain/lifecycle.ts';
import type { Actor } from '#domain/rfq.ts';
import { ConflictError } from '#store/ports.ts';
import { anRfq } from '../builders/rfq.ts';
import { freshTable } from './store/fresh-table.ts';

const { store } = freshTable();
const system: Actor = { email: 'system@seller.example', role: 'system' };
const buyer: Actor = { email: 'buyer@acme.example', role: 'buyer' };

const submitted = async () => {
  const rfq = anRfq().build();
  await store.rfqs.create(rfq, { actor: buyer, action: 'submitted' });
  return rfq;
};

describe('storing an RFQ', () => {
  it('reads back what was submitted, with its first history event', async () => {
    const rfq = await submitted();
    expect(await store.rfqs.get(rfq.rfqId)).toEqual(rfq);
    const [first] = await store.rfqs.history(rfq.rfqId);
    expect(first).toMatchObject({ seq: 1, action: 'submitted', to: 'SUBMITTED', prevHash: '0'.repeat(64) });
  });

  it('refuses a second RFQ with the same id', async () => {
    const rfq = await submitted();
    await expect(store.rfqs.create(rfq, { actor: buyer, action: 'submitted' })).rejects.toThrow(ConflictError);
  });

  it('moves through the lifecycle one guarded step at a time', async () => {
    const rfq = await submitted();
    const inReview = await store.rfqs.transition(rfq, 'price', {}, { actor: system, action: 'priced' });
    expect(inReview).toMatchObject({ status: 'IN_REVIEW', version: 2 });
    expect(await store.rfqs.get(rfq.rfqId)).toEqual(inReview);
    expect(await store.rfqs.history(rfq.rfqId)).toHaveLength(2);
    expect(await store.rfqs.verifyHistory(rfq.rfqId)).toEqual({ ok: true });
  });

  it('rejects a write based on a stale version and changes nothing', async () => {
    const rfq = await submitted();
    const current = await store.rfqs.transition(rfq, 'price', {}, { actor: system, action: 'priced' });
    await expect(store.rfqs.transition(rfq, 'cancel', {}, { actor: buyer, action: 'cancelled' })).rejects.toThrow(
      ConflictError,
    );
    await expect(store.rfqs.update(rfq, { note: 'stale' }, { actor: buyer, action: 'noted' })).rejects.toThrow(
      ConflictError,
    );
    expect(await store.rfqs.get(rfq.rfqId)).toEqual(current);
    expect(await store.rfqs.history(rfq.rfqId)).toHaveLength(2);
  });

  it('refuses an illegal transition before writing anything', async () => {
    const rfq = await submitted();
    await expect(store.rfqs.transition(rfq, 'accept', {}, { actor: buyer, action: 'accepted' })).rejects.toThrow(
      IllegalTransition,
    );
    expect(await store.rfqs.get(rfq.rfqId)).toEqual(rfq);
    expect(await store.rfqs.history(rfq.rfqId)).toHaveLength(1);
  });
});
