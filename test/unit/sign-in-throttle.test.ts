import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevIssuer } from '../../local/dev-tokens.ts';
import { createOidcProvider } from '../../local/oidc-provider.ts';
import { signInThrottle } from '../../local/sign-in-throttle.ts';

const limits = { perAccount: 5, perAddress: 20, windowSeconds: 900 };

describe('the local sign-in throttle', () => {
  const clock = () => {
    let at = Date.parse('2026-12-07T10:00:00Z');
    return { now: () => at, pass: (seconds: number) => (at += seconds * 1000) };
  };

  it('stops an account after 5 wrong passwords in 15 minutes, until the first of them is 15 minutes old', () => {
    const time = clock();
    const throttle = signInThrottle({ ...limits, now: time.now });
    for (let i = 0; i < 5; i++) {
      expect(throttle.waitSeconds('dana@acme.example', '10.0.0.1')).toBe(0);
      throttle.failed('dana@acme.example', '10.0.0.1');
      time.pass(60);
    }
    expect(throttle.waitSeconds('Dana@Acme.example', '10.0.0.2')).toBe(600);
    expect(throttle.waitSeconds('lena@globex.example', '10.0.0.2')).toBe(0);
    time.pass(600);
    expect(throttle.waitSeconds('dana@acme.example', '10.0.0.1')).toBe(0);
  });

  it('stops an address after 20 wrong passwords whichever accounts they named; a success clears only its account', () => {
    const time = clock();
    const throttle = signInThrottle({ ...limits, now: time.now });
    for (let i = 0; i < 20; i++) throttle.failed(`guess${i}@acme.example`, '10.0.0.9');
    expect(throttle.waitSeconds('dana@acme.example', '10.0.0.9')).toBe(900);
    expect(throttle.waitSeconds('dana@acme.example', '10.0.0.1')).toBe(0);
    throttle.failed('dana@acme.example', '10.0.0.1');
    throttle.succeeded('dana@acme.example');
    expect(throttle.waitSeconds('dana@acme.example', '10.0.0.9')).toBe(900);
  });
});

describe("the local provider's sign-in form", () => {
  const password = 'quote-to-order';
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const issuer = await createDevIssuer({ issuer: `${base}/oidc` });
    const provider = await createOidcProvider({
      issuer: issuer.issuer,
      clientId: issuer.audience,
      appUrl: `${base}/app/`,
      signingKey: issuer.signingKey,
      clients: { get: async () => undefined },
      accounts: {
        get: async (email) =>
          email === 'dana@acme.example'
            ? { email, name: 'Dana', companyId: 'acme', groups: ['buyer'], enabled: true }
            : undefined,
        signedIn: async () => undefined,
      },
      hintEmail: 'dana@acme.example',
      password,
    });
    server.on('request', (request, response) => provider.handle(request, response));
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  /** Opens a sign-in (authorize with PKCE) and answers the form posting to it, with the interaction's cookies. */
  const signInForm = async () => {
    const authorize = new URL(`${base}/oidc/auth`);
    authorize.search = new URLSearchParams({
      client_id: 'quote-to-order-local',
      response_type: 'code',
      redirect_uri: `${base}/app/callback`,
      scope: 'openid email',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    }).toString();
    const opened = await fetch(authorize, { redirect: 'manual' });
    const cookie = opened.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const login = `${opened.headers.get('location')}/login`;
    return (email: string, typed: string) =>
      fetch(new URL(login, base), {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email, password: typed }).toString(),
      });
  };

  it('refuses the right password after 5 wrong ones, with 429 and Retry-After, where it once let a guesser in', async () => {
    const post = await signInForm();
    for (let i = 0; i < 5; i++) expect((await post('dana@acme.example', `guess-${i}`)).status).toBe(401);
    const locked = await post('dana@acme.example', password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(await locked.text()).toContain('Too many wrong passwords. Try again in 15 minutes.');
  });
});
