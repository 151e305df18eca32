import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTPayload, jwtVerify } from 'jose';

export interface JwtAuthorizerConfig {
  issuer: string;
  audience: string;
  jwks: JSONWebKeySet | URL;
}

export class RefusedToken extends Error {
  override readonly name = 'RefusedToken';
}

/**
 * The checks API Gateway's HTTP API JWT authorizer makes, so a token the local API takes is one AWS would take: a
 * `kid` naming a key of the issuer's JWKS and a good signature, `iss` the issuer, `aud` the audience, `exp` present and
 * ahead, `nbf` and `iat` (when present) behind. jose alone would let pass a token without `exp` or `kid`, one issued in
 * the future, and an audience list; the authorizer refuses the first three, and Cognito never issues the last (an ID
 * token's `aud` is its one app client id), so a list is refused rather than trusted locally and not on AWS.
 */
export const createJwtAuthorizer = (config: JwtAuthorizerConfig): ((token: string) => Promise<JWTPayload>) => {
  const keys = config.jwks instanceof URL ? createRemoteJWKSet(config.jwks) : createLocalJWKSet(config.jwks);
  return async (token) => {
    const { payload, protectedHeader } = await jwtVerify(token, keys, {
      issuer: config.issuer,
      audience: config.audience,
      requiredClaims: ['exp'],
    });
    if (typeof protectedHeader.kid !== 'string') throw new RefusedToken('the token names no key (kid)');
    if (typeof payload.aud !== 'string') throw new RefusedToken('the token names more than one audience');
    if (payload.iat !== undefined && payload.iat > Date.now() / 1000) throw new RefusedToken('issued in the future');
    return payload;
  };
};
