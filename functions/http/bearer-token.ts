import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { Config } from '#functions/config.ts';
import { perConfig } from './adapters.ts';
import { unauthorized } from './problem.ts';

/**
 * The bearer token of a route machines may call, verified by the function itself: API Gateway's JWT authorizer checks
 * a fixed list of audiences, and each integration is an app client of its own, made while the API runs. So such a
 * route has no authorizer, and this makes the authorizer's checks (issuer, key, signature, expiry) with
 * `aws-jwt-verify` against the one issuer people and integrations share — the user pool on AWS, the local OIDC
 * provider locally — and says which kind of token it is.
 */
export type VerifiedBearer =
  /** A person's ID token for the web app's client: the claims the authorizer would have passed on. */
  | { kind: 'person'; claims: JwtPayload }
  /** An access token from the client-credentials grant: its client and the scope claim it carries. */
  | { kind: 'client'; clientId: string; scope: unknown };

/**
 * The keys are fetched with the runtime's own `fetch`: the library's fetcher speaks https only, and the local
 * provider serves its keys over http on the API's origin.
 */
const jwksOverFetch = new SimpleJwksCache({
  fetcher: {
    fetch: async (uri: string) => {
      const response = await fetch(uri, { signal: AbortSignal.timeout(3000) });
      if (!response.ok) throw new Error(`the issuer's keys answered ${response.status}`);
      return response.arrayBuffer();
    },
  },
});

const verifierOf = (settings: Config) => {
  const issuer = settings.TOKEN_ISSUER;
  if (!issuer) return undefined;
  return JwtVerifier.create(
    {
      issuer,
      jwksUri: settings.TOKEN_JWKS_URL ?? `${issuer}/.well-known/jwks.json`,
      // Checked below per kind: an ID token names the web client, an access token names none (Cognito's).
      audience: null,
      customJwtCheck: ({ payload, header }) => {
        if (typeof header.kid !== 'string') throw new Error('the token names no key (kid)');
        if (typeof payload.exp !== 'number') throw new Error('the token has no expiry');
        if (payload.iat !== undefined && payload.iat > Date.now() / 1000 + 5) throw new Error('issued in the future');
      },
    },
    { jwksCache: jwksOverFetch },
  );
};

const verifier = /* @__PURE__ */ perConfig((settings) => ({ settings, verify: verifierOf(settings) }));

export const verifyBearer = async (authorization: string | undefined): Promise<VerifiedBearer> => {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw unauthorized();
  const { settings, verify } = verifier();
  if (!verify) throw unauthorized('this API takes no tokens here: it has no issuer configured');
  let payload: JwtPayload;
  try {
    payload = await verify.verify(token);
  } catch {
    throw unauthorized('the bearer token is not valid');
  }
  if (payload.token_use === 'access' && typeof payload.client_id === 'string')
    return { kind: 'client', clientId: payload.client_id, scope: payload.scope };
  if (typeof payload.aud === 'string' && settings.PEOPLE_CLIENT_IDS?.includes(payload.aud))
    return { kind: 'person', claims: payload };
  throw unauthorized('the bearer token is for another client');
};
