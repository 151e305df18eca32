import { beforeAll, describe, expect, it } from 'vitest';
import { readIn } from '../../../web/src/i18n/language.ts';
import { type TimelineEvent, timelineQuotes, timelineSentence } from '../../../web/src/rfqs/timeline-words.ts';

const dana = { email: 'dana@acme.example', role: 'buyer' as const };
const riley = { email: 'riley@northwind.example', role: 'rep' as const };
const system = { email: 'quotes@example.com', role: 'system' as const };
const event = (action: string, actor: TimelineEvent['actor'], detail: TimelineEvent['detail'] = {}): TimelineEvent => ({
  seq: 1,
  at: '2026-12-07T10:00:00.000Z',
  actor,
  action,
  detail,
});
const read = (e: TimelineEvent, reader = 'dana@acme.example') => timelineSentence(e, reader, 'USD');

describe('the timeline in sentences a buyer understands', () => {
  beforeAll(() => readIn('en'));

  it('names the reader as you, and others by address and role', () => {
    expect(read(event('submitted', dana, { lines: 3 }))).toBe('You asked for a quote on 3 lines.');
    expect(read(event('submitted', dana, { lines: 1 }), 'sam@acme.example')).toBe(
      'dana@acme.example (buyer) asked for a quote on 1 line.',
    );
  });

  it('says what a review decided and who decided it', () => {
    expect(read(event('reviewed', riley, { quoteVersion: 1 }))).toBe(
      'riley@northwind.example (sales rep) reviewed the quote and approved it.',
    );
    expect(read(event('rejected', riley, { comment: 'Out of stock' }))).toBe(
      'riley@northwind.example (sales rep) turned the request down.',
    );
    expect(timelineQuotes(event('rejected', riley, { comment: 'Out of stock' }))).toEqual(['Out of stock']);
  });

  it('says what the system did without naming its mail address', () => {
    const priced = read(event('priced', system, { quoteVersion: 1, total: 1066525, unpricedLines: 0 }));
    expect(priced).toMatch(/^The request was priced at your contract prices: \$10,665\.25\.$/);
    expect(priced).not.toContain('quotes@example.com');
    expect(read(event('quoted', system, { quoteVersion: 2, validUntil: '2026-12-21' }))).toMatch(
      /^The seller sent quote version 2, valid until .*21.*\.$/,
    );
  });

  it('names the approvers and their outcome', () => {
    const sam = { email: 'sam@acme.example', role: 'approver' as const };
    const decisions = [{ approver: 'sam@acme.example', decision: 'approve', comment: 'Fine' }];
    expect(read(event('level-approved', sam, { level: 1, decisions }))).toBe(
      'Approved at level 1 by sam@acme.example.',
    );
    expect(read(event('approval-rejected', sam, { level: 2, decisions }))).toBe(
      'Rejected at level 2 by sam@acme.example: the purchase will not be ordered.',
    );
    expect(timelineQuotes(event('approved', sam, { level: 2, decisions }))).toEqual(['Fine']);
    expect(read(event('approved', system, { reason: 'no approval rule applies' }))).toBe(
      'Approved at once: none of the company’s approval rules applies.',
    );
    expect(timelineQuotes(event('approved', system, { reason: 'no approval rule applies' }))).toEqual([]);
  });

  it('says who was asked to do what', () => {
    expect(read(event('decision-requested', system, { purpose: 'approval-level', level: 1 }))).toBe(
      'The company’s approvers were asked to approve the purchase at level 1.',
    );
    expect(read(event('reminder-sent', system, { purpose: 'rep-review', to: ['riley@northwind.example'] }))).toBe(
      'riley@northwind.example was reminded to review the quote.',
    );
  });

  it('says which order was placed', () => {
    expect(read(event('ordered', system, { orderId: 'ORD-1', total: 500 }))).toBe('Order ORD-1 was placed for $5.00.');
  });

  it('reads an event it does not know as words, never as a code', () => {
    expect(read(event('budget-warned', riley))).toBe('Budget warned by riley@northwind.example (sales rep).');
  });
});

describe('the timeline in the reader’s language', () => {
  it('tells a Swedish and a Spanish buyer what happened in their words, with their plurals', async () => {
    await readIn('sv');
    expect(read(event('submitted', dana, { lines: 3 }))).toBe('Du bad om en offert på 3 rader.');
    expect(read(event('decision-requested', system, { purpose: 'approval-level', level: 2 }))).toBe(
      'Företagets attestanter ombads attestera köpet på nivå 2.',
    );
    await readIn('es');
    expect(read(event('submitted', dana, { lines: 1 }), 'sam@acme.example')).toBe(
      'dana@acme.example (comprador) solicitó un presupuesto de 1 línea.',
    );
    expect(read(event('decision-requested', system, { purpose: 'rep-review', to: ['riley@northwind.example'] }))).toBe(
      'Se pidió a riley@northwind.example revisar el presupuesto.',
    );
    await readIn('en');
  });
});
