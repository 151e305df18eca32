import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movePerson } from '#application/move-person.ts';
import type { AccountChange } from '#domain/account-changes.ts';
import { approversOutsideCompany } from '#domain/approval-rule.ts';
import type { CompanyUser } from '#domain/company.ts';
import { createTableAccounts } from '#functions/accounts/table-accounts.ts';
import { documentClient } from '#functions/clients/dynamodb.ts';
import { reloadConfig } from '#functions/config.ts';
import { freePort } from '../../local/free-port.ts';
import { type DemoUser, demoPassword, demoUser } from '../../local/seed/seed.ts';
import { aRule, total } from '../builders/approval-rule.ts';
import { useTestStack } from './test-stack.ts';

/**
 * A company's admin manages its people, and the people's sign-in follows: the whole local stack (the seeded demo),
 * the real handler, the local user pool in DynamoDB Local and the local OIDC provider, signed in to through its own
 * authorization-code + PKCE flow over HTTP, as the web app does — no mocks.
 */
describe('a company admin’s users are the people who can sign in', () => {
  const stack = useTestStack('e2e-accounts');
  const chris = demoUser('chris@acme.example');
  const pat: CompanyUser = { email: 'pat@acme.example', name: 'Pat Quinn (approver)', roles: ['approver'] };

  const call = (
    method: string,
    path: string,
    body?: unknown,
    as: DemoUser | string = chris,
    headers: Record<string, string> = {},
  ) => stack.call(method, path, { as, body, headers });
  const acmeUsers = async (): Promise<CompanyUser[]> => (await call('GET', '/companies/acme')).body.users;

  /** The app's sign-in, by HTTP: authorize with PKCE, the provider's login form, the code for tokens. */
  const signIn = async (email: string, password = demoPassword) => {
    const issuer = stack.urls.signIn;
    const redirectUri = `${stack.urls.app}callback`;
    const verifier = randomBytes(32).toString('base64url');
    const cookies = new Map<string, string>();
    const go = async (url: string, init: RequestInit = {}) => {
      // The sign-in provider is not the API: its answers are OpenID Connect's, not the route table's.
      const response = await fetch(new URL(url, issuer), {
        ...init,
        redirect: 'manual',
        headers: { ...init.headers, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ''] = cookie.split(';');
        const at = pair.indexOf('=');
        cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
      return response;
    };
    const authorize = new URL(`${issuer}/auth`);
    authorize.search = new URLSearchParams({
      client_id: stack.issuer.audience,
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      state: randomUUID(),
    }).toString();
    let response = await go(authorize.href);
    const interaction = response.headers.get('location') ?? '';
    expect(interaction).toMatch(/\/oidc\/interaction\//);
    response = await go(`${interaction}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password }).toString(),
    });
    if (response.status !== 303 && response.status !== 302) return { refused: response.status };
    let location = response.headers.get('location') ?? '';
    while (!location.startsWith(redirectUri)) {
      response = await go(location);
      location = response.headers.get('location') ?? '';
      expect(location, `a redirect from ${response.url}`).not.toBe('');
    }
    const code = new URL(location).searchParams.get('code') ?? '';
    const tokens = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: stack.issuer.audience,
        code_verifier: verifier,
      }).toString(),
    });
    expect(tokens.status).toBe(200);
    const { id_token: idToken } = (await tokens.json()) as { id_token: string };
    return { idToken, claims: decodeJwt(idToken) };
  };

  it('a new approver signs in at once, for the company and as an approver, and the API takes their token', async () => {
    expect(await signIn(pat.email)).toEqual({ refused: 401 });
    const before = await acmeUsers();
    const put = await call('PUT', '/companies/acme/users', { users: [...before, pat] });
    expect(put.status).toBe(200);

    const signedIn = await signIn(pat.email);
    expect(signedIn.claims).toMatchObject({
      email: pat.email,
      name: pat.name,
      'custom:companyId': 'acme',
      'cognito:groups': ['approver'],
    });
    expect((await stack.call('GET', '/me/tasks', { as: signedIn.idToken })).status).toBe(200);
  });

  it('a changed role shows in the next sign-in; a removed person signs in no more, and comes back when listed', async () => {
    const users = (await acmeUsers()).filter((u) => u.email !== pat.email);
    await call('PUT', '/companies/acme/users', { users: [...users, { ...pat, roles: ['approver', 'buyer'] }] });
    expect((await signIn(pat.email)).claims?.['cognito:groups']).toEqual(['approver', 'buyer']);

    expect((await call('PUT', '/companies/acme/users', { users })).status).toBe(200);
    expect(await signIn(pat.email)).toEqual({ refused: 401 });

    expect((await call('PUT', '/companies/acme/users', { users: [...users, pat] })).status).toBe(200);
    expect((await signIn(pat.email)).claims?.['cognito:groups']).toEqual(['approver']);
  });

  it('an email in any case is one person: stored lower-case, signed in in any case, never listed twice', async () => {
    const users = (await acmeUsers()).filter((u) => u.email !== 'noor@acme.example');
    const noor = { email: 'Noor.Haddad@Acme.Example', name: 'Noor Haddad', roles: ['buyer'] };
    const put = await call('PUT', '/companies/acme/users', { users: [...users, noor] });
    expect(put.status).toBe(200);
    expect(put.body.users.at(-1).email).toBe('noor.haddad@acme.example');
    expect((await localPool().get('NOOR.HADDAD@acme.example'))?.email).toBe('noor.haddad@acme.example');
    expect((await signIn('NOOR.haddad@ACME.example')).claims?.email).toBe('noor.haddad@acme.example');

    const twice = await call('PUT', '/companies/acme/users', {
      users: [...users, noor, { ...noor, email: 'noor.haddad@acme.example', roles: ['approver'] }],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toContainEqual({
      path: `users.${users.length + 1}.email`,
      message: expect.stringMatching(/listed twice/),
    });
    expect((await call('PUT', '/companies/acme/users', { users })).status).toBe(200);
  });

  it('a newcomer is mailed an invitation naming the app; their admin sends it again until they sign in', async () => {
    const email = `ines-${randomUUID().slice(0, 8)}@acme.example`;
    const users = await acmeUsers();
    expect(
      (await call('PUT', '/companies/acme/users', { users: [...users, { email, name: 'Ines', roles: ['buyer'] }] }))
        .status,
    ).toBe(200);
    const [invitation] = await stack.inbox.emailsTo(email);
    expect(invitation?.subject).toBe('Your sign-in to order from Northwind Industrial');
    expect(invitation?.text).toContain(`online, at ${stack.urls.app}`);
    // The local provider never asks for a password of its own: the local mail says what is true here.
    expect(invitation?.text).toContain(`Sign in with your email, ${email}, and the local password: ${demoPassword}`);
    expect(invitation?.text).toContain('you are never asked to choose another');
    expect(invitation?.text).not.toMatch(/temporary password|choose a password of your own|works for 3 days/);
    expect(invitation?.html).toContain(`href="${stack.urls.app}"`);

    // The company screen offers the invitation again to those who never signed in: the API says who they are.
    const open = await call('GET', '/companies/acme/invitations');
    expect(open.status).toBe(200);
    expect(open.body.open).toContain(email);
    const resent = await call('POST', `/companies/acme/users/${email}/invitation`);
    expect(resent.status).toBe(204);
    const mailed = await stack.inbox.emailsTo(email);
    expect(mailed.map((m) => m.text)).toEqual([invitation?.text, invitation?.text]);
    expect((await call('POST', '/companies/acme/users/nobody@acme.example/invitation')).status).toBe(404);
    expect(
      (await call('POST', `/companies/acme/users/${email}/invitation`, undefined, demoUser('jonas@globex.example')))
        .status,
    ).toBe(403);

    await signIn(email.toUpperCase());
    const after = await call('POST', `/companies/acme/users/${email}/invitation`);
    expect(after.status).toBe(409);
    expect(after.body.detail).toMatch(/has signed in already/);
    expect((await call('GET', '/companies/acme/invitations')).body.open).not.toContain(email);
    expect(await stack.inbox.emailsTo(email)).toHaveLength(2);
    expect((await call('PUT', '/companies/acme/users', { users })).status).toBe(200);
  });

  it.each([
    ['the seller’s rep', 'riley@northwind.example', undefined],
    ['another company’s buyer', 'LENA@globex.example', 'globex'],
  ])('refuses to list %s, naming the field, and changes nothing', async (_, email, companyId) => {
    const users = await acmeUsers();
    const put = await call('PUT', '/companies/acme/users', {
      users: [...users, { email, name: 'Taken Over', roles: ['admin'] }],
    });
    expect(put.status).toBe(409);
    expect(put.headers.get('content-type')).toBe('application/problem+json');
    expect(put.body.errors).toEqual([{ path: `users.${users.length}.email`, message: expect.any(String) }]);
    expect(await acmeUsers()).toEqual(users);
    const owner = await signIn(email.toLowerCase());
    expect(owner.claims?.['custom:companyId']).toBe(companyId);
    expect(owner.claims?.['cognito:groups']).toEqual(demoUser(email.toLowerCase()).groups);
  });

  it('the seller’s admin puts a new company with its people, who sign in for it; never with another’s', async () => {
    const ops = demoUser('ops@northwind.example');
    const initech = {
      companyId: 'initech',
      name: 'Initech',
      accountRepEmail: 'riley@northwind.example',
      paymentTerms: 'NET30',
      currency: 'USD',
      users: [{ email: 'bill@initech.example', name: 'Bill Lumbergh', roles: ['admin', 'approver'] }],
    };
    const refused = await call(
      'PUT',
      '/companies/initech',
      { ...initech, users: [...initech.users, { email: 'dana@acme.example', name: 'Dana', roles: ['buyer'] }] },
      ops,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([{ path: 'users.1.email', message: expect.any(String) }]);
    expect(await signIn('bill@initech.example')).toEqual({ refused: 401 });

    expect((await call('PUT', '/companies/initech', initech, ops)).status).toBe(200);
    expect((await signIn('bill@initech.example')).claims).toMatchObject({
      'custom:companyId': 'initech',
      'cognito:groups': ['admin', 'approver'],
    });
    expect((await signIn('dana@acme.example')).claims?.['custom:companyId']).toBe('acme');
  });

  it('answers 503 with Retry-After when the user pool does not answer, and records nothing', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    Object.assign(process.env, {
      SIGN_IN_ACCOUNTS: 'cognito',
      USER_POOL_ID: 'us-east-1_Local',
      COGNITO_ENDPOINT: closed,
    });
    reloadConfig();
    try {
      const users = await acmeUsers();
      const put = await call('PUT', '/companies/acme/users', {
        users: [...users, { email: 'newcomer@acme.example', name: 'New', roles: ['buyer'] }],
      });
      expect(put.status).toBe(503);
      expect(put.headers.get('retry-after')).toBe('5');
      expect(put.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
      expect(await acmeUsers()).toEqual(users);
    } finally {
      for (const name of ['SIGN_IN_ACCOUNTS', 'USER_POOL_ID', 'COGNITO_ENDPOINT']) delete process.env[name];
      reloadConfig();
    }
  });

  const ops = demoUser('ops@northwind.example');
  const person = (email: string, roles: CompanyUser['roles']): CompanyUser => ({
    email,
    name: email.split('@')[0]!,
    roles,
  });
  const asCompanyUser = (user: CompanyUser, companyId: string): DemoUser => ({
    email: user.email,
    name: user.name,
    groups: user.roles,
    companyId,
  });
  /**
   * Rounds of a race, each on a company of its own, a few at a time. Where a round's time went (a loaded run took
   * 70 s for 20): over half in setting a reused company afresh — its rules reset, the last round's people removed
   * (their tokens revoked, their delegations looked up) — a quarter in the race, the rest in the checks. A company per
   * round needs one save to set up, and rounds of different companies wait on the local services side by side, while
   * each round's two saves still race each other alone.
   */
  const inRounds = async (rounds: number, round: (i: number) => Promise<void>, together = 4) => {
    for (let first = 0; first < rounds; first += together)
      await Promise.all(
        Array.from({ length: Math.min(together, rounds - first) }, (_, offset) => round(first + offset)),
      );
  };
  /** A company of the seller's admin's making, for a test of its own: its record, people and rules set afresh. */
  const aCompany = async (companyId: string, users: CompanyUser[], rules: unknown[] = []) => {
    const company = {
      companyId,
      name: companyId,
      accountRepEmail: 'riley@northwind.example',
      paymentTerms: 'NET30',
      currency: 'USD',
      users,
    };
    // Rules left from an earlier test could name someone the new list drops.
    if (await stack.store.companies.get(companyId))
      expect((await call('PUT', `/companies/${companyId}/approval-rules`, { rules: [] }, ops)).status).toBe(200);
    const put = await call('PUT', `/companies/${companyId}`, company, ops);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    if (rules.length > 0)
      expect((await call('PUT', `/companies/${companyId}/approval-rules`, { rules }, ops)).status).toBe(200);
    return company;
  };
  const localPool = () => createTableAccounts(documentClient(), stack.tableName);
  /**
   * The seller's admin's move of `mover` to `to` (as a buyer), held once the lists are saved and before their account
   * changes, until `letGo`: what other saves do in that window is the test.
   */
  const aHeldMove = async (mover: CompanyUser, to: string) => {
    let moving = () => {};
    let letGo = () => {};
    const atMove = new Promise<void>((resolve) => {
      moving = resolve;
    });
    const released = new Promise<void>((resolve) => {
      letGo = resolve;
    });
    const pool = localPool();
    const accounts = {
      ...pool,
      apply: async (changes: readonly AccountChange[], deadline?: number) => {
        if (changes.some((c) => c.kind === 'move' && c.email === mover.email)) {
          moving();
          await released;
        }
        return pool.apply(changes, deadline);
      },
    };
    const deps = { store: stack.store, accounts, now: () => new Date() };
    const record = await stack.store.companies.get(to);
    const move = movePerson(deps, record!, { ...mover, roles: ['buyer'] }, { deadline: Date.now() + 60_000 });
    await atMove;
    return { move, letGo };
  };

  /**
   * The stored list, the sign-in accounts and the rules agree: every listed person signs in for the company with their
   * roles as groups, nobody else of `emails` does, every approver a rule names is listed as one — and an admin listed
   * can sign in.
   */
  const expectAgreement = async (companyId: string, emails: readonly string[]) => {
    const stored = (await call('GET', `/companies/${companyId}`, undefined, ops)).body as { users: CompanyUser[] };
    const rules = (await call('GET', `/companies/${companyId}/approval-rules`, undefined, ops)).body.rules;
    const accounts = await localPool().find([...emails, ...stored.users.map((u) => u.email)]);
    const signsIn = [...accounts.values()]
      .filter((a) => a.enabled && a.companyId === companyId)
      .map((a) => `${a.email}:${[...a.groups].sort().join('+')}`)
      .sort();
    const listed = stored.users.map((u) => `${u.email}:${[...new Set(u.roles)].sort().join('+')}`).sort();
    expect(signsIn).toEqual(listed);
    expect(approversOutsideCompany(rules, stored.users)).toEqual([]);
    expect(stored.users.some((u) => u.roles.includes('admin') && accounts.get(u.email)?.groups.includes('admin'))).toBe(
      true,
    );
  };

  describe('one save at a time: the company record is locked (If-Match, 412), accounts follow the stored list', () => {
    it('a save over a revision somebody else moved past is 412 and stores nothing; the same list again is no conflict', async () => {
      const read = await call('GET', '/companies/acme');
      const etag = read.headers.get('etag') ?? '';
      expect(etag).toMatch(/^"\d+"$/);
      const kim = person('kim@acme.example', ['buyer']);
      const first = await call('PUT', '/companies/acme/users', { users: [...read.body.users, kim] }, chris, {
        'if-match': etag,
      });
      expect(first.status).toBe(200);
      expect(first.headers.get('etag')).not.toBe(etag);

      const lou = person('lou@acme.example', ['buyer']);
      const stale = await call('PUT', '/companies/acme/users', { users: [...read.body.users, lou] }, chris, {
        'if-match': etag,
      });
      expect(stale.status).toBe(412);
      expect(stale.headers.get('content-type')).toBe('application/problem+json');
      expect((await acmeUsers()).map((u) => u.email)).toContain(kim.email);
      expect(await signIn(lou.email)).toEqual({ refused: 401 });

      const retried = await call('PUT', '/companies/acme/users', { users: [...read.body.users, kim] }, chris, {
        'if-match': etag,
      });
      expect(retried.status).toBe(200);
      expect((await call('PUT', '/companies/acme/users', { users: read.body.users })).status).toBe(200);
    });

    it('rules are saved over the same revision: a rules save on a stale read is 412', async () => {
      const read = await call('GET', '/companies/acme/approval-rules');
      const etag = read.headers.get('etag') ?? '';
      const users = (await acmeUsers()).filter((u) => u.email !== pat.email);
      expect((await call('PUT', '/companies/acme/users', { users })).status).toBe(200);
      expect((await call('PUT', '/companies/acme/users', { users: [...users, pat] })).status).toBe(200);
      const stale = await call('PUT', '/companies/acme/approval-rules', read.body, chris, { 'if-match': etag });
      expect(stale.status).toBe(412);
      const fresh = await call('GET', '/companies/acme/approval-rules');
      const saved = await call('PUT', '/companies/acme/approval-rules', fresh.body, chris, {
        'if-match': fresh.headers.get('etag') ?? '',
      });
      expect(saved.status).toBe(200);
    });

    it('a removed admin’s token — even one issued after — cannot put them back (the stored list decides)', async () => {
      const kai = person('kai@acme.example', ['admin']);
      const users = (await acmeUsers()).filter((u) => u.email !== kai.email);
      expect((await call('PUT', '/companies/acme/users', { users: [...users, kai] })).status).toBe(200);
      expect((await call('PUT', '/companies/acme/users', { users })).status).toBe(200);
      // A token minted after the removal (tokens of its very second are void, revocation.ts), still saying admin.
      await new Promise((resolve) => setTimeout(resolve, 1_000));

      const back = await call('PUT', '/companies/acme/users', { users: [...users, kai] }, asCompanyUser(kai, 'acme'));
      expect(back.status).toBe(403);
      expect(
        (await call('PUT', '/companies/acme/approval-rules', { rules: [] }, asCompanyUser(kai, 'acme'))).status,
      ).toBe(403);
      expect((await acmeUsers()).map((u) => u.email)).not.toContain(kai.email);
      expect(await signIn(kai.email)).toEqual({ refused: 401 });
    });

    it('an admin adding X while the seller’s admin adds Y, 20 times: list, accounts and rules always agree', async () => {
      const admin = person('ann@race-a.example', ['admin']);
      await aCompany('race-a', [admin]);
      const emails = [admin.email];
      for (let i = 0; i < 20; i++) {
        const x = person(`x${i}@race-a.example`, ['buyer']);
        const y = person(`y${i}@race-a.example`, ['approver']);
        emails.push(x.email, y.email);
        const { users } = (await call('GET', '/companies/race-a', undefined, ops)).body;
        const answers = await Promise.all([
          call('PUT', '/companies/race-a/users', { users: [...users, x] }, asCompanyUser(admin, 'race-a')),
          call('PUT', '/companies/race-a/users', { users: [...users, y] }, ops),
        ]);
        expect(answers.map((a) => a.status).filter((status) => status !== 200 && status !== 412)).toEqual([]);
        expect(answers.some((a) => a.status === 200)).toBe(true);
        await expectAgreement('race-a', emails);
      }
    });

    it('two admins removing each other at once, 20 times: one admin always stays and can sign in', async () => {
      await inRounds(20, async (i) => {
        const companyId = `race-b${i}`;
        const a = person(`a@${companyId}.example`, ['admin']);
        const b = person(`b@${companyId}.example`, ['admin']);
        await aCompany(companyId, [a, b]);
        const answers = await Promise.all([
          call('PUT', `/companies/${companyId}/users`, { users: [a] }, asCompanyUser(a, companyId)),
          call('PUT', `/companies/${companyId}/users`, { users: [b] }, asCompanyUser(b, companyId)),
        ]);
        expect(answers.map((x) => x.status).filter((status) => status >= 500)).toEqual([]);
        await expectAgreement(companyId, [a.email, b.email]);
      });
    });

    it('users and rules saved at once, 20 times: no rule ever names someone who is not an approver', async () => {
      await inRounds(20, async (i) => {
        const companyId = `race-r${i}`;
        const admin = person(`ada@${companyId}.example`, ['admin']);
        const approver = person(`p@${companyId}.example`, ['approver']);
        await aCompany(companyId, [admin, approver]);
        const rule = aRule('big').when(total.over(100_00)).approvedBy(approver.email).build();
        const answers = await Promise.all([
          call('PUT', `/companies/${companyId}/users`, { users: [admin] }, asCompanyUser(admin, companyId)),
          call('PUT', `/companies/${companyId}/approval-rules`, { rules: [rule] }, asCompanyUser(admin, companyId)),
        ]);
        expect(answers.map((x) => x.status).filter((status) => status >= 500)).toEqual([]);
        await expectAgreement(companyId, [admin.email, approver.email]);
      });
    });
  });

  describe('removing or demoting a person takes effect at once', () => {
    const quinn: CompanyUser = { email: 'quinn@acme.example', name: 'Quinn', roles: ['approver', 'admin'] };
    const tasksWith = async (idToken: string) => (await stack.call('GET', '/me/tasks', { as: idToken })).status;
    /** Asks with the token until the API refuses it; answers how long that took. */
    const refusedAfter = async (idToken: string, from: number) => {
      while ((await tasksWith(idToken)) !== 401) {
        if (Date.now() - from > 60_000) throw new Error('the token still works a minute later');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return Date.now() - from;
    };

    // The container trusts what it read of a revocation for REVOCATION_CACHE_SECONDS (30 by default: the unit test of
    // the middleware holds that bound); here 3, so the test waits seconds, not half a minute, for a warm container.
    beforeAll(() => {
      process.env.REVOCATION_CACHE_SECONDS = '3';
      reloadConfig();
    });
    afterAll(() => {
      delete process.env.REVOCATION_CACHE_SECONDS;
      reloadConfig();
    });

    /** Quinn listed at Acme and signed in, their token taken by the API; with Acme's people without them. */
    const quinnSignedIn = async () => {
      const users = (await acmeUsers()).filter((u) => u.email !== quinn.email);
      expect((await call('PUT', '/companies/acme/users', { users: [...users, quinn] })).status).toBe(200);
      const { idToken = '' } = await signIn(quinn.email);
      expect(await tasksWith(idToken)).toBe(200);
      return { users, idToken };
    };

    it('a removed person’s token is refused within a minute, though it has not expired', async () => {
      const { users, idToken } = await quinnSignedIn();

      const removedAt = Date.now();
      expect((await call('PUT', '/companies/acme/users', { users })).status).toBe(200);
      expect(await refusedAfter(idToken, removedAt)).toBeLessThan(60_000);
      expect(await signIn(quinn.email)).toEqual({ refused: 401 });
    });

    it('defect 12: the seller’s admin moves a person to another company in one step, as a removal there', async () => {
      const ann = person('ann@move-a.example', ['admin', 'approver']);
      const mo = person('mo@move-a.example', ['approver', 'admin']);
      const bo = person('bo@move-b.example', ['admin']);
      await aCompany('move-a', [ann, mo]);
      await aCompany('move-b', [bo]);
      const window = { from: new Date().toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
      const delegated = await call(
        'PUT',
        '/me/delegation',
        { delegateEmail: mo.email, ...window },
        asCompanyUser(ann, 'move-a'),
      );
      expect(delegated.status).toBe(200);
      const { idToken = '' } = await signIn(mo.email);
      expect(await tasksWith(idToken)).toBe(200);

      // Listing them in the other company's whole list says how to move them, and that is true.
      const listed = await call('PUT', '/companies/move-b/users', { users: [bo, mo] }, ops);
      expect(listed.status).toBe(409);
      expect(listed.body.errors[0].message).toContain('the seller’s admin can move them');
      const read = await call('GET', '/companies/move-b', undefined, ops);
      const movedAt = Date.now();
      const moved = await call(
        'PUT',
        '/companies/move-b/users/Mo@Move-A.example',
        { name: 'Mo', roles: ['buyer'] },
        ops,
        {
          'if-match': read.headers.get('etag') ?? '',
        },
      );
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body.users).toEqual([bo, { email: mo.email, name: 'Mo', roles: ['buyer'] }]);
      expect(moved.headers.get('etag')).not.toBe(read.headers.get('etag'));

      // Gone from the company left, their old token refused, their delegation there ended; they sign in for the new one.
      expect((await call('GET', '/companies/move-a', undefined, ops)).body.users).toEqual([ann]);
      expect(await refusedAfter(idToken, movedAt)).toBeLessThan(60_000);
      expect((await call('GET', '/me/delegation', undefined, asCompanyUser(ann, 'move-a'))).status).toBe(404);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const again = await signIn(mo.email);
      expect(again.claims).toMatchObject({ 'custom:companyId': 'move-b', 'cognito:groups': ['buyer'] });
      expect(await tasksWith(again.idToken ?? '')).toBe(200);
      await expectAgreement('move-a', [ann.email, mo.email]);
      await expectAgreement('move-b', [bo.email, mo.email]);

      // The same move again changes nothing; a move over a stale read is 412.
      expect(
        (await call('PUT', '/companies/move-b/users/mo@move-a.example', { name: 'Mo', roles: ['buyer'] }, ops)).status,
      ).toBe(200);
      const stale = await call(
        'PUT',
        '/companies/move-b/users/ann@move-a.example',
        { name: 'Ann', roles: ['buyer'] },
        ops,
        {
          'if-match': read.headers.get('etag') ?? '',
        },
      );
      expect(stale.status).toBe(412);
    });

    it('a move whose account change lands after a save took the person off the destination leaves them out of sign-in there', async () => {
      const ann = person('ann@move-e.example', ['admin']);
      const mo = person('mo@move-e.example', ['approver']);
      const bo = person('bo@move-f.example', ['admin']);
      await aCompany('move-e', [ann, mo]);
      await aCompany('move-f', [bo]);
      // The move's own account change waits, held, until the destination's admin has saved meanwhile.
      const { move, letGo } = await aHeldMove(mo, 'move-f');

      const read = await call('GET', '/companies/move-f', undefined, ops);
      expect(read.body.users.map((u: CompanyUser) => u.email)).toEqual([bo.email, mo.email]);
      const off = await call('PUT', '/companies/move-f/users', { users: [bo] }, asCompanyUser(bo, 'move-f'), {
        'if-match': read.headers.get('etag') ?? '',
      });
      expect(off.status, JSON.stringify(off.body)).toBe(200);
      letGo();
      await move;

      await expectAgreement('move-f', [bo.email, mo.email]);
      await expectAgreement('move-e', [ann.email, mo.email]);
      expect(await signIn(mo.email)).toEqual({ refused: 401 });
    });

    it('while a move is changing the account, the company left may not list the person again, nor another move take them', async () => {
      const ann = person('ann@move-g.example', ['admin']);
      const mo = person('mo@move-g.example', ['approver']);
      const bo = person('bo@move-h.example', ['admin']);
      const cy = person('cy@move-i.example', ['admin']);
      await aCompany('move-g', [ann, mo]);
      await aCompany('move-h', [bo]);
      await aCompany('move-i', [cy]);
      // The move's own account change waits, held, until the company left has tried to save meanwhile.
      const { move, letGo } = await aHeldMove(mo, 'move-h');

      // The company left reads a list without them and puts them back: their account is still its own, for now.
      const read = await call('GET', '/companies/move-g', undefined, ops);
      expect(read.body.users).toEqual([ann]);
      const back = await call('PUT', '/companies/move-g/users', { users: [ann, mo] }, asCompanyUser(ann, 'move-g'), {
        'if-match': read.headers.get('etag') ?? '',
      });
      expect(back.status, JSON.stringify(back.body)).toBe(409);
      expect(back.body.errors).toEqual([{ path: 'users.1.email', message: expect.any(String) }]);
      const moveMo = (companyId: string) =>
        call('PUT', `/companies/${companyId}/users/${mo.email}`, { name: 'mo', roles: mo.roles }, ops);
      const elsewhere = await moveMo('move-i');
      expect(elsewhere.status, JSON.stringify(elsewhere.body)).toBe(409);
      expect(elsewhere.body.errors).toEqual([{ path: 'email', message: expect.stringContaining('move-h') }]);
      letGo();
      await move;

      await expectAgreement('move-g', [ann.email, mo.email]);
      await expectAgreement('move-h', [bo.email, mo.email]);
      await expectAgreement('move-i', [cy.email, mo.email]);
      expect((await signIn(mo.email)).claims?.['custom:companyId']).toBe('move-h');
      // Once moved, the company left lists nobody who moved out, and they may be moved back.
      expect((await stack.store.companies.get('move-g'))?.movingOut).toEqual({});
      const home = await moveMo('move-g');
      expect(home.status, JSON.stringify(home.body)).toBe(200);
      await expectAgreement('move-g', [ann.email, mo.email]);
      await expectAgreement('move-h', [bo.email, mo.email]);
    });

    it('defect 12: a move is refused when it would leave a company without an admin, for the seller’s staff, and for a company’s admin', async () => {
      const ann = person('ann@move-c.example', ['admin']);
      const bo = person('bo@move-d.example', ['admin']);
      await aCompany('move-c', [ann]);
      await aCompany('move-d', [bo]);
      const lastAdmin = await call(
        'PUT',
        '/companies/move-d/users/ann@move-c.example',
        { name: 'Ann', roles: ['buyer'] },
        ops,
      );
      expect(lastAdmin.status).toBe(409);
      expect(lastAdmin.body.errors).toEqual([{ path: 'email', message: expect.stringContaining('move-c') }]);
      const staff = await call(
        'PUT',
        '/companies/move-d/users/riley@northwind.example',
        { name: 'Riley', roles: ['buyer'] },
        ops,
      );
      expect(staff.status).toBe(409);
      const byCompanyAdmin = await call(
        'PUT',
        '/companies/move-d/users/ann@move-c.example',
        { name: 'Ann', roles: ['buyer'] },
        asCompanyUser(bo, 'move-d'),
      );
      expect(byCompanyAdmin.status).toBe(403);
      expect((await call('GET', '/companies/move-c', undefined, ops)).body.users).toEqual([ann]);
      expect((await call('GET', '/companies/move-d', undefined, ops)).body.users).toEqual([bo]);
      expect((await signIn(ann.email)).claims?.['custom:companyId']).toBe('move-c');
    });

    it('a demoted person’s old token is refused too; the token they sign in with next works, with their new roles', async () => {
      const { users, idToken } = await quinnSignedIn();

      const demotedAt = Date.now();
      const demoted = { ...quinn, roles: ['buyer'] as CompanyUser['roles'] };
      expect((await call('PUT', '/companies/acme/users', { users: [...users, demoted] })).status).toBe(200);
      expect(await refusedAfter(idToken, demotedAt)).toBeLessThan(60_000);
      // A token is void in the second of its revocation: the next sign-in is a second on.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const again = await signIn(quinn.email);
      expect(again.claims?.['cognito:groups']).toEqual(['buyer']);
      expect(await tasksWith(again.idToken ?? '')).toBe(200);
      expect((await call('PUT', '/companies/acme/users', { users })).status).toBe(200);
    });
  });
});
