import { describe, expect, it } from 'vitest';
import { headerText, multiLine, singleLine } from '#domain/text.ts';
import { acceptBody, companyBody, createRfqBody, declineBody, linkDecisionBody } from '#http/schemas.ts';
import { aCompany } from '../builders/company.ts';

const rlo = '\u202E';
const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('free text is clean at the edge', () => {
  it('refuses a PO number with CR LF (it reached the approval email’s subject) or a bidi override', () => {
    expect(pathsOf(acceptBody.safeParse({ poNumber: 'PO1\r\nBcc: x@x.example', quoteVersion: 1 }))).toEqual([
      'poNumber',
    ]);
    expect(pathsOf(acceptBody.safeParse({ poNumber: `PO1${rlo}`, quoteVersion: 1 }))).toEqual(['poNumber']);
    expect(acceptBody.parse({ poNumber: '  PO-2026/17 ', quoteVersion: 1 }).poNumber).toBe('PO-2026/17');
  });

  it('refuses bidi overrides in notes, comments, reasons and names, and keeps line breaks in multi-line text', () => {
    const rfq = { lines: [{ sku: 'BOLT-M8', quantity: 1 }] };
    expect(pathsOf(createRfqBody.safeParse({ ...rfq, note: `urgent ${rlo}gpj.exe` }))).toEqual(['note']);
    expect(createRfqBody.safeParse({ ...rfq, note: 'line one\nline two\tindented' }).success).toBe(true);
    expect(pathsOf(declineBody.safeParse({ reason: `too dear\u2066`, quoteVersion: 1 }))).toEqual(['reason']);
    expect(pathsOf(linkDecisionBody.safeParse({ decision: 'approve', comment: `ok${rlo}` }))).toEqual(['comment']);
    expect(pathsOf(linkDecisionBody.safeParse({ decision: 'approve', comment: 'ok\u0007' }))).toEqual(['comment']);
    const company = aCompany('acme').withBuyer('bea@acme.example').build();
    expect(pathsOf(companyBody.safeParse({ ...company, name: `Acme${rlo} Inc.` }))).toEqual(['name']);
    expect(pathsOf(companyBody.safeParse({ ...company, users: [{ ...company.users[0], name: 'Bea\nEvil' }] }))).toEqual(
      ['users.0.name'],
    );
  });

  it('names the rule in its message', () => {
    expect(singleLine(10).safeParse('a\rb').error?.issues[0]?.message).toMatch(/one line/);
    expect(multiLine(10).safeParse(`a${rlo}`).error?.issues[0]?.message).toMatch(/bidirectional/);
  });

  it('makes any stored or configured text safe for a mail header', () => {
    expect(headerText(`Approve purchase rfq_1 (PO PO1\r\nBcc: x@x.example${rlo}) for Acme`)).toBe(
      'Approve purchase rfq_1 (PO PO1 Bcc: x@x.example) for Acme',
    );
  });
});
