import { beforeAll, describe, expect, it } from 'vitest';
import { useTestStack } from './test-stack.ts';
import { anRfqRequest, bolts, gloves, idempotencyKey, people, seed, submit } from './world.ts';

const api = useTestStack('rfqs', { seed: false, holdWorkflow: true });
beforeAll(() => seed(api));

describe('submitting an RFQ', () => {
  it('answers 201 with the new RFQ, where to find it, and starts its workflow', async () => {
    const answer = await api.call('POST', '/rfqs', {
      as: people.acmeBuyer,
      body: anRfqRequest(),
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      rfqId: expect.stringMatching(/^rfq_/),
      quoteNumber: expect.stringMatching(/^Q-\d{4}-\d{5,}$/),
      status: 'SUBMITTED',
    });
    expect(answer.headers.get('location')).toBe(`/rfqs/${answer.body.rfqId}`);
    const executions = api.stepFunctions.executions().filter((e) => e.name === answer.body.rfqId);
    expect(executions).toHaveLength(1);
    expect(JSON.parse(executions[0]!.input)).toEqual({ rfqId: answer.body.rfqId });
  });

  it('needs an Idempotency-Key', async () => {
    const answer = await api.call('POST', '/rfqs', { as: people.acmeBuyer, body: anRfqRequest() });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body.errors).toEqual([{ path: 'headers.idempotency-key', message: 'required' }]);
  });

  it('replays the first answer for a retried key, and refuses the key with another body (422)', async () => {
    const key = idempotencyKey();
    const first = await api.call('POST', '/rfqs', {
      as: people.acmeBuyer,
      body: anRfqRequest(),
      headers: { 'idempotency-key': key },
    });
    const again = await api.call('POST', '/rfqs', {
      as: people.acmeBuyer,
      body: anRfqRequest(),
      headers: { 'idempotency-key': key },
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const other = await api.call('POST', '/rfqs', {
      as: people.acmeBuyer,
      body: anRfqRequest([{ sku: 'GLOVE-L', quantity: 5 }]),
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
  });

  it('lets the account rep submit on a buyer’s behalf, recorded as such in the history', async () => {
    const rfqId = await submit(api, people.acmeRep, {
      ...anRfqRequest(),
      companyId: 'acme',
      buyerEmail: people.acmeBuyer.email,
    });
    const view = await api.call('GET', `/rfqs/${rfqId}`, { as: people.acmeBuyer });
    expect(view.status).toBe(200);
    expect(view.body.buyerEmail).toBe(people.acmeBuyer.email);
    expect(view.body.history[0]).toMatchObject({
      action: 'submitted',
      actor: { email: people.acmeRep.email, role: 'rep', onBehalfOf: people.acmeBuyer.email },
    });
  });

  it('refuses a rep who does not own the account, and a buyer who is not one', async () => {
    const notTheirs = await api.call('POST', '/rfqs', {
      as: people.globexRep,
      body: { ...anRfqRequest(), companyId: 'acme', buyerEmail: people.acmeBuyer.email },
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(notTheirs.status).toBe(403);
    const notABuyer = await api.call('POST', '/rfqs', {
      as: people.acmeRep,
      body: { ...anRfqRequest(), companyId: 'acme', buyerEmail: people.acmeApprover.email },
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(notABuyer.status).toBe(422);
    expect(notABuyer.body.errors[0].path).toBe('buyerEmail');
  });

  it('refuses an unknown or inactive sku with a 400 naming the line, and stores nothing', async () => {
    await api.store.catalog.putProduct({ ...gloves, sku: 'OLD-GLOVE', active: false });
    const answer = await api.call('POST', '/rfqs', {
      as: people.acmeBuyer,
      body: anRfqRequest([
        { sku: bolts.sku, quantity: 1 },
        { sku: 'NOPE-123', quantity: 2 },
        { sku: 'OLD-GLOVE', quantity: 3 },
      ]),
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(answer.status, answer.text).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.errors).toEqual([
      { path: 'lines.1.sku', message: expect.stringContaining('NOPE-123') },
      { path: 'lines.2.sku', message: expect.stringContaining('no longer sold') },
    ]);
    expect((await api.call('GET', '/rfqs', { as: people.acmeBuyer })).body.items).not.toContainEqual(
      expect.objectContaining({ lineCount: 3 }),
    );
  });

  it('ships to the place the RFQ names, else the company’s first, and refuses a place the company lacks', async () => {
    const submitted = async (shipToId?: string) =>
      api.call('POST', '/rfqs', {
        as: people.acmeBuyer,
        body: { ...anRfqRequest(), ...(shipToId !== undefined && { shipToId }) },
        headers: { 'idempotency-key': idempotencyKey() },
      });
    const named = await submitted('reno');
    const unnamed = await submitted();
    for (const [answer, shipToId] of [
      [named, 'reno'],
      [unnamed, 'oakland'],
    ] as const) {
      expect(answer.status, answer.text).toBe(201);
      const view = await api.call('GET', `/rfqs/${answer.body.rfqId}`, { as: people.acmeBuyer });
      expect(view.body.request.shipToId).toBe(shipToId);
    }
    const unknown = await submitted('nowhere');
    expect(unknown.status, unknown.text).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'shipToId', message: expect.stringContaining('ship-to') }]);
  });

  it('accepts a described custom item the catalog lacks, flagged for the rep', async () => {
    const rfqId = await submit(
      api,
      people.acmeBuyer,
      anRfqRequest([{ sku: 'ACME-BRACKET-7', quantity: 4, description: 'Bracket to drawing ACME-7 rev B' }]),
    );
    expect((await api.store.rfqs.get(rfqId))?.lines).toEqual([
      { sku: 'ACME-BRACKET-7', quantity: 4, description: 'Bracket to drawing ACME-7 rev B' },
    ]);
  });

  it('matches skus without regard to case and merges lines of one sku, so tiers see the total', async () => {
    const rfqId = await submit(
      api,
      people.acmeBuyer,
      anRfqRequest([
        { sku: bolts.sku.toLowerCase(), quantity: 5 },
        { sku: gloves.sku, quantity: 1 },
        { sku: bolts.sku, quantity: 7, targetUnitPrice: 9_00 },
      ]),
    );
    expect((await api.store.rfqs.get(rfqId))?.lines).toEqual([
      { sku: bolts.sku, quantity: 12, targetUnitPrice: 9_00 },
      { sku: gloves.sku, quantity: 1 },
    ]);
  });
});

describe('reading RFQs', () => {
  it('shows an RFQ with its request, quote fields and history', async () => {
    const rfqId = await submit(api, people.acmeBuyer);
    const view = await api.call('GET', `/rfqs/${rfqId}`, { as: people.acmeApprover });
    expect(view.status).toBe(200);
    expect(view.headers.get('cache-control')).toBe('no-store');
    expect(view.body).toMatchObject({
      rfqId,
      status: 'SUBMITTED',
      companyId: 'acme',
      request: { lines: [{ sku: 'BOLT-M8', quantity: 100 }], note: 'for the new line' },
      lines: [],
      currency: 'USD',
      version: null,
      total: null,
      approvals: [],
      orderId: null,
    });
    expect(view.body.history).toHaveLength(1);
  });

  it('lists newest first, pages with an opaque cursor, filters by status', async () => {
    const globexIds = [];
    for (let i = 0; i < 3; i++) globexIds.push(await submit(api, people.globexBuyer));
    const first = await api.call('GET', '/rfqs?limit=2', { as: people.globexApprover });
    expect(first.status).toBe(200);
    expect(first.body.items.map((r: { rfqId: string }) => r.rfqId)).toEqual([globexIds[2], globexIds[1]]);
    const second = await api.call('GET', `/rfqs?limit=2&cursor=${encodeURIComponent(first.body.cursor)}`, {
      as: people.globexApprover,
    });
    expect(second.body.items.map((r: { rfqId: string }) => r.rfqId)).toEqual([globexIds[0]]);
    expect(second.body.cursor).toBeUndefined();
    const quoted = await api.call('GET', '/rfqs?status=QUOTED', { as: people.globexBuyer });
    expect(quoted.body.items).toEqual([]);
  });

  it('refuses a tampered cursor and a bad status with 400', async () => {
    const cursor = await api.call('GET', '/rfqs?cursor=bm90LWEtY3Vyc29y', { as: people.acmeBuyer });
    expect(cursor.status).toBe(400);
    const status = await api.call('GET', '/rfqs?status=NOPE&limit=0', { as: people.acmeBuyer });
    expect(status.status).toBe(400);
    expect(status.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.limit', 'query.status']);
  });
});
