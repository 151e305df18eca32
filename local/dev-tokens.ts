import { createHash, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JSONWebKeySet, type JWK, SignJWT } from 'jose';
import { z } from 'zod';
import { companyId, role } from '#domain/company.ts';

/**
 * The local stand-in for Cognito: a key pair made at start, its public half as a JWKS, and tokens shaped like Cognito
 * ID tokens (`sub`, `email`, `cognito:groups`, `custom:companyId`). The local API server verifies them exactly as the
 * HTTP API's JWT authorizer would. Never deployed.
 */
export interface DevClaims {
  email: string;
  groups: string[];
  companyId?: string;
}

export interface DevIssuer {
  issuer: string;
  audience: string;
  jwks: JSONWebKeySet;
  /**
   * The private signing key (JWK with kid and alg): the local OIDC provider signs with it too, so the browser's
   * tokens and the scripts' dev tokens come from one issuer with one JWKS, as Cognito's would.
   */
  signingKey: JWK;
  token(claims: DevClaims, options?: { expiresInSeconds?: number }): Promise<string>;
}

export const devTokenRequest = z.strictObject({
  email: z.email().transform((e) => e.toLowerCase()),
  groups: z.array(role).min(1).max(5),
  companyId: companyId.optional(),
  expiresInSeconds: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .optional(),
});

/** A stable subject per email, like a Cognito user's: the same person gets the same `sub` in every token. */
export const subjectOf = (email: string): string => {
  const hex = createHash('sha256').update(email.toLowerCase()).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

export const createDevIssuer = async (options: { issuer?: string; audience?: string } = {}): Promise<DevIssuer> => {
  const issuer = options.issuer ?? 'http://localhost/dev-issuer';
  const audience = options.audience ?? 'quote-to-order-local';
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  const jwks: JSONWebKeySet = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
  const signingKey: JWK = { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' };
  return {
    issuer,
    audience,
    jwks,
    signingKey,
    token: ({ email, groups, companyId }, { expiresInSeconds = 12 * 3600 } = {}) =>
      new SignJWT({
        email: email.toLowerCase(),
        'cognito:groups': groups,
        token_use: 'id',
        ...(companyId && { 'custom:companyId': companyId }),
      })
        .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
        .setSubject(subjectOf(email))
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${expiresInSeconds}s`)
        .sign(privateKey),
  };
};
