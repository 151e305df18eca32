import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from './api.ts';
import { useTestStack } from './test-stack.ts';
import { acme, bolts, idempotencyKey, people } from './world.ts';

/**
 * Text that would forge a mail header or spoof what a reader sees is refused at the edge, naming the field, before any
 * RFQ is looked up or stored — the PO number `PO1\r\nBcc: …` once reached an approval email's subject, and U+202E
 * (right-to-left override) reached emails and pages unchanged.
 */
const api = useTestStack('clean-text', { seed: false, holdWorkflow: true });

beforeAll(async () => {
  for (const [path, body] of [
    [`/products/${bolts.sku}`, bolts],
    ['/companies/acme', acme],
  ] as const) {
    expect((await api.call('PUT', path, { as: people.admin, body })).status).toBe(200);
  }
});

const fieldsOf = (answer: Answer): string[] =>
  (answer.body?.errors ?? []).map((error: { path: string }) => error.path.replace(/^body\./, ''));

describe('header and display spoofing in what people type', () => {
  it('refuses a PO number carrying a line break and a header, naming poNumber', async () => {
    const answer = await api.call('POST', '/rfqs/rfq_someone/accept', {
      as: people.acmeBuyer,
      body: { poNumber: 'PO1\r\nBcc: x@x.example', quoteVersion: 1 },
    });
    expect(answer.status, answer.text).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(fieldsOf(answer)).toEqual(['poNumber']);
  });

  it('refuses a right-to-left override in a PO number, a decline reason and an RFQ note, storing nothing', async () => {
    const override = '\u202E';
    const accept = await api.call('POST', '/rfqs/rfq_someone/accept', {
      as: people.acmeBuyer,
      body: { poNumber: `PO-${override}7`, quoteVersion: 1 },
    });
    expect([accept.status, fieldsOf(accept)]).toEqual([400, ['poNumber']]);
    const decline = await api.call('POST', '/rfqs/rfq_someone/decline', {
      as: people.acmeBuyer,
      body: { reason: `too dear ${override}gnp.exe`, quoteVersion: 1 },
    });
    expect([decline.status, fieldsOf(decline)]).toEqual([400, ['reason']]);
    const submitted = await api.call('POST', '/rfqs', {
      as: people.acmeBuyer,
      body: { lines: [{ sku: bolts.sku, quantity: 10 }], note: `ship to ${override}enoz` },
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect([submitted.status, fieldsOf(submitted)]).toEqual([400, ['note']]);
    expect((await api.call('GET', '/rfqs', { as: people.acmeBuyer })).body.items).toEqual([]);
  });

  it('takes the same words without the override', async () => {
    const submitted = await api.call('POST', '/rfqs', {
      as: people.acmeBuyer,
      body: { lines: [{ sku: bolts.sku, quantity: 10 }], note: 'ship to dock 4 — ask for Bea' },
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(submitted.status, submitted.text).toBe(201);
  });
});
