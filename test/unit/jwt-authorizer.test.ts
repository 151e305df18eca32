import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createJwtAuthorizer } from '../../local/jwt-authorizer.ts';

const issuer = 'http://localhost/dev-issuer';
const audience = 'quote-to-order-local';
const kid = 'key-1';
let sign: (claims: JWTPayload, header?: { kid?: string }) => Promise<string>;
let authorize: (token: string) => Promise<JWTPayload>;

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
  authorize = createJwtAuthorizer({ issuer, audience, jwks });
  sign = (claims, header = { kid }) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'JWT', ...header }).sign(privateKey);
});

const now = () => Math.floor(Date.now() / 1000);
const good = (): JWTPayload => ({ sub: 'u-1', iss: issuer, aud: audience, iat: now() - 5, exp: now() + 600 });

/** What API Gateway's JWT authorizer takes and refuses, for the local API to take and refuse the same. */
describe('the local JWT authorizer', () => {
  it('takes a token with kid, issuer, audience and an expiry ahead', async () => {
    await expect(authorize(await sign(good()))).resolves.toMatchObject({ sub: 'u-1', aud: audience });
  });

  it.each([
    ['without exp', { exp: undefined }],
    ['expired', { exp: now() - 1 }],
    ['not yet valid (nbf ahead)', { nbf: now() + 600 }],
    ['issued in the future', { iat: now() + 600 }],
    ['with an audience list, even one naming this API', { aud: [audience, 'another-api'] }],
    ['for another audience', { aud: 'another-api' }],
    ['from another issuer', { iss: 'http://elsewhere.example' }],
  ])('refuses a token %s', async (_, change) => {
    await expect(authorize(await sign({ ...good(), ...change }))).rejects.toThrow();
  });

  it('refuses a token whose header names no key', async () => {
    await expect(authorize(await sign(good(), {}))).rejects.toThrow(/kid|key/);
  });

  it('refuses a token signed by another key under the same kid', async () => {
    const other = await generateKeyPair('ES256');
    const forged = await new SignJWT(good()).setProtectedHeader({ alg: 'ES256', kid }).sign(other.privateKey);
    await expect(authorize(forged)).rejects.toThrow();
  });
});
