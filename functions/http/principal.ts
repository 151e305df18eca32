import { callerFromClaims } from '#domain/caller.ts';
import { type Principal, principalOf, scopesOfClaim } from '#domain/integration.ts';
import { adapters } from './adapters.ts';
import { verifyBearer } from './bearer-token.ts';
import { unauthorized } from './problem.ts';

/**
 * Who a verified bearer token speaks for, on a route machines may call too: a person, from their ID token's claims as
 * the JWT authorizer would pass them; or an integration, whose record is read on every request — so a deleted (or
 * rotated) integration's token is refused at once, and a scope taken from it stops counting at once.
 */
export const principalOfBearer = async (
  authorization: string | undefined,
): Promise<{ principal: Principal; issuedAt: unknown }> => {
  const bearer = await verifyBearer(authorization);
  if (bearer.kind === 'person') return { principal: callerFromClaims(bearer.claims), issuedAt: bearer.claims.iat };
  const integration = await adapters().store.integrations.byClientId(bearer.clientId);
  if (!integration)
    throw unauthorized('this integration client no longer exists (deleted, or its secret rotated): get a new token');
  return { principal: principalOf(integration, scopesOfClaim(bearer.scope)), issuedAt: undefined };
};
