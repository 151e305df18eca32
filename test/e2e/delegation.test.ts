import { beforeAll, describe, expect, it } from 'vitest';
import type { User } from './api.ts';
import { useTestStack } from './test-stack.ts';
import { people, seed } from './world.ts';

/**
 * GET, PUT, DELETE /me/delegation as people use them: bad input is a problem naming the field and stores nothing;
 * a delegate must be someone who could decide in the person's place; admins set it for the people they administer.
 * Which decisions then reach the delegate is the workflow's (test/workflow/delegation.test.ts).
 */
const api = useTestStack('delegation', { seed: false, holdWorkflow: true });
beforeAll(() => seed(api));

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const window = { from: inDays(1), to: inDays(8) };
const al = people.acmeApprover;
const put = (as: User, body: unknown, query = '') => api.call('PUT', `/me/delegation${query}`, { as, body });
const fieldsOf = (answer: { body: { errors?: { path: string }[] } }) => (answer.body.errors ?? []).map((e) => e.path);

describe('PUT /me/delegation refuses, naming the field, and stores nothing', () => {
  it.each<[string, unknown, string[]]>([
    [
      'a date that is no timestamp',
      { delegateEmail: people.acmeAdmin.email, from: '2026-12-01', to: window.to },
      ['from'],
    ],
    [
      'a timestamp without an offset',
      { delegateEmail: people.acmeAdmin.email, from: '2026-12-01T09:00:00', to: window.to },
      ['from'],
    ],
    ['an end before the start', { delegateEmail: people.acmeAdmin.email, from: window.to, to: window.from }, ['to']],
    ['a window of over a year', { delegateEmail: people.acmeAdmin.email, from: window.from, to: inDays(400) }, ['to']],
    ['a window already over', { delegateEmail: people.acmeAdmin.email, from: inDays(-5), to: inDays(-1) }, ['to']],
    ['no delegate', { from: window.from, to: window.to }, ['delegateEmail']],
    ['a delegate who is no address', { delegateEmail: 'ada at acme', ...window }, ['delegateEmail']],
    ['oneself as delegate (in any case)', { delegateEmail: 'AL@acme.example', ...window }, ['delegateEmail']],
    [
      'a buyer as delegate (who approves nothing)',
      { delegateEmail: people.acmeBuyer.email, ...window },
      ['delegateEmail'],
    ],
    ['someone of another company', { delegateEmail: people.globexApprover.email, ...window }, ['delegateEmail']],
  ])('%s', async (_, body, fields) => {
    const answer = await put(al, body);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(fieldsOf(answer)).toEqual(fields);
    expect((await api.call('GET', '/me/delegation', { as: al })).status).toBe(404);
  });

  it('refuses a rep’s delegate who is not one of the seller’s staff', async () => {
    const answer = await put(people.acmeRep, { delegateEmail: al.email, ...window });
    expect(answer.status, answer.text).toBe(400);
    expect(fieldsOf(answer)).toEqual(['delegateEmail']);
  });
});

describe('a delegation set, read, replaced and cleared', () => {
  it('is the person’s own: set, read back in UTC, replaced whole, cleared', async () => {
    const set = await put(al, {
      delegateEmail: 'Ada@Acme.example',
      from: '2030-03-02T09:00:00+01:00',
      to: '2030-03-09T18:00:00+01:00',
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toEqual({
      personEmail: al.email,
      companyId: 'acme',
      delegateEmail: people.acmeAdmin.email,
      from: '2030-03-02T08:00:00.000Z',
      to: '2030-03-09T17:00:00.000Z',
      setBy: al.email,
      setAt: expect.any(String),
    });
    expect((await api.call('GET', '/me/delegation', { as: al })).body).toEqual(set.body);

    const replaced = await put(al, { delegateEmail: people.acmeAdmin.email, ...window });
    expect(replaced.body).toMatchObject({ from: window.from, to: window.to });
    expect((await api.call('GET', '/me/delegation', { as: al })).body).toEqual(replaced.body);

    const cleared = await api.call('DELETE', '/me/delegation', { as: al });
    expect(cleared.status).toBe(204);
    expect(cleared.text).toBe('');
    expect((await api.call('GET', '/me/delegation', { as: al })).status).toBe(404);
    expect((await api.call('DELETE', '/me/delegation', { as: al })).status).toBe(404);
  });

  it('is set for a colleague by the company’s admin, recorded as set by the admin; an approver may not', async () => {
    const query = `?for=${encodeURIComponent(al.email)}`;
    const byAdmin = await put(people.acmeAdmin, { delegateEmail: people.acmeAdmin.email, ...window }, query);
    expect(byAdmin.status, byAdmin.text).toBe(200);
    expect(byAdmin.body).toMatchObject({ personEmail: al.email, setBy: people.acmeAdmin.email });
    expect((await api.call('GET', `/me/delegation${query}`, { as: people.acmeAdmin })).body).toEqual(byAdmin.body);
    expect((await api.call('GET', '/me/delegation', { as: al })).body).toEqual(byAdmin.body);

    const adaQuery = `?for=${encodeURIComponent(people.acmeAdmin.email)}`;
    const byApprover = await put(al, { delegateEmail: al.email, ...window }, adaQuery);
    expect(byApprover.status, byApprover.text).toBe(403);
    expect((await api.call('DELETE', `/me/delegation${query}`, { as: people.acmeAdmin })).status).toBe(204);
  });

  it('is not set for someone who is not the admin’s to administer', async () => {
    const unknown = await put(people.acmeAdmin, { delegateEmail: al.email, ...window }, '?for=nobody@acme.example');
    expect(unknown.status, unknown.text).toBe(404);
    const notStaff = await put(
      people.admin,
      { delegateEmail: people.acmeRep.email, ...window },
      '?for=al@acme.example',
    );
    expect(notStaff.status, notStaff.text).toBe(404);
    const badFor = await api.call('GET', '/me/delegation?for=not-an-address', { as: people.acmeAdmin });
    expect(badFor.status).toBe(400);
    expect(fieldsOf(badFor)).toEqual(['query.for']);
  });

  it('is set for a rep by the seller’s admin', async () => {
    const query = `?for=${encodeURIComponent(people.acmeRep.email)}`;
    const set = await put(people.admin, { delegateEmail: people.globexRep.email, ...window }, query);
    expect(set.status, set.text).toBe(200);
    expect((await api.call('GET', '/me/delegation', { as: people.acmeRep })).body).toMatchObject({
      delegateEmail: people.globexRep.email,
      setBy: people.admin.email,
    });
    expect((await api.call('DELETE', `/me/delegation${query}`, { as: people.admin })).status).toBe(204);
  });
});
