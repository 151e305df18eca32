import { beforeAll, describe, expect, it } from 'vitest';
import { startApiServer } from '../../local/api-server.ts';
import { contractFetch } from './contract.ts';
import { useTestStack } from './test-stack.ts';
import { people, seed } from './world.ts';

/** The local HTTP API as API Gateway would behave: the dev issuer, unknown routes, wrong methods, oversized bodies. */
const api = useTestStack('local-api', { seed: false, holdWorkflow: true });
beforeAll(() => seed(api));

describe('the local dev token issuer', () => {
  it('mints a token for { email, groups, companyId } that the API accepts', async () => {
    const minted = await api.call('POST', '/dev/token', { body: people.acmeBuyer });
    expect(minted.status).toBe(200);
    expect(minted.headers.get('cache-control')).toBe('no-store');
    const list = await api.call('GET', '/rfqs', { as: minted.body.token });
    expect(list.status).toBe(200);
  });

  it('publishes its public key as a JWKS', async () => {
    const jwks = await api.call('GET', '/.well-known/jwks.json');
    expect(jwks.body.keys).toEqual([
      expect.objectContaining({ kty: 'EC', alg: 'ES256', use: 'sig', kid: expect.any(String) }),
    ]);
    expect(jwks.body.keys[0]).not.toHaveProperty('d');
  });

  it('refuses a request naming an unknown group', async () => {
    const refused = await api.call('POST', '/dev/token', { body: { email: 'x@acme.example', groups: ['superuser'] } });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('requests no route answers', () => {
  it('answers an unknown path with a 404 problem', async () => {
    const answer = await api.call('GET', '/nowhere', { as: people.admin });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const answer = await api.call('DELETE', '/rfqs', { as: people.admin });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('POST, GET');
    expect(answer.body.status).toBe(405);
  });
});

describe('bodies', () => {
  it('refuses a body over 256 KB with 413', async () => {
    const answer = await api.call('POST', '/rfqs', {
      as: people.acmeBuyer,
      body: { lines: [{ sku: 'BOLT-M8', quantity: 1 }], note: 'x'.repeat(300 * 1024) },
      headers: { 'idempotency-key': 'big-body' },
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses malformed JSON with 400', async () => {
    const answer = await api.call('PUT', '/products/BOLT-M8', {
      as: people.admin,
      raw: '{"sku": "BOLT-M8",',
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toMatch(/not valid JSON/);
  });
});

describe('the access log', () => {
  it('prints the route template, never the link token in the path', async () => {
    const lines: string[] = [];
    const server = await startApiServer({
      jwt: { issuer: api.issuer.issuer, audience: api.issuer.audience, jwks: api.issuer.jwks },
      log: (line) => lines.push(line),
    });
    try {
      const token = 'c2VjcmV0LWxpbmstdG9rZW4tdGhhdC1tdXN0LW5vdC1iZS1sb2dnZWQ';
      await contractFetch(`${server.url}/approvals/${token}`);
      expect(lines).toEqual([expect.stringMatching(/^GET \/approvals\/\{token\} → 404 \(\d+ ms\)$/)]);
      expect(lines.join('\n')).not.toContain(token);
    } finally {
      await server.stop();
    }
  });
});

describe('the OpenAPI document', () => {
  it('is served publicly as JSON', async () => {
    const answer = await api.call('GET', '/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
  });
});
