import * as z from 'zod';
import type { Caller } from './caller.ts';
import { singleLine } from './text.ts';

/**
 * Integration clients: the seller's ERP (and later buyers' procurement systems) calling the API as machines, with OAuth
 * 2.0 client credentials. An integration is allowed a set of scopes; a token it gets names the scopes it asked for, and
 * it may use only those both name — its record can take a scope away from a token already issued.
 */
export const integrationScopes = ['orders.read', 'orders.write', 'catalog.write'] as const;
export const integrationScope = z.enum(integrationScopes);
export type IntegrationScope = z.infer<typeof integrationScope>;

/**
 * Where the scopes are defined: Cognito's resource server identifier on AWS, and the same prefix at the local provider,
 * so a client asks for `quote-to-order/orders.read` in both places.
 */
export const resourceServer = 'quote-to-order';
export const oauthScope = (scope: IntegrationScope): string => `${resourceServer}/${scope}`;

export const integrationId = z
  .string()
  .regex(/^int-[a-z0-9]{6,32}$/, 'an integration id: int- and 6–32 letters/digits');

/** A stored integration, as the seller's admin lists it: never its secret, which is shown once and never stored. */
export const integrationSchema = z.object({
  integrationId,
  name: z.string().min(1).max(80),
  /** The OAuth client id it gets tokens with (Cognito's app client id on AWS). */
  clientId: z.string().min(1).max(128),
  scopes: z.array(integrationScope).min(1),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  /** When its secret was last made anew (created, or rotated). */
  secretIssuedAt: z.iso.datetime(),
});
export type Integration = z.infer<typeof integrationSchema>;

/** What the seller's admin sends to make one: a name people recognise, and the scopes it may use (no duplicates). */
export const newIntegrationSchema = z.strictObject({
  name: singleLine(80)
    .refine((name) => name.trim().length > 0, 'must not be blank')
    .transform((name) => name.trim()),
  scopes: z
    .array(integrationScope)
    .min(1)
    .refine((scopes) => new Set(scopes).size === scopes.length, 'each scope once'),
});
export type NewIntegration = z.infer<typeof newIntegrationSchema>;

/**
 * An integration with its secret, answered once when it is made or its secret rotated: where to get a token and how.
 * The secret is never stored by us and never shown again.
 */
export const integrationCredentialsSchema = integrationSchema.extend({
  clientSecret: z.string().describe('Shown this once: store it in the ERP’s secret store'),
  tokenUrl: z.url().describe('POST grant_type=client_credentials here, with the client id and secret as HTTP Basic'),
  /** The scope names to ask the token endpoint for, as the issuer spells them. */
  tokenScopes: z.array(z.string()),
});
export type IntegrationCredentials = z.infer<typeof integrationCredentialsSchema>;

/** What an integration's verified token makes of it: the principal the policy is asked about. */
export interface IntegrationPrincipal {
  kind: 'integration';
  integrationId: string;
  clientId: string;
  name: string;
  /** The scopes both its token and its record name. */
  scopes: IntegrationScope[];
}

/** Whoever calls a route that machines may call too: a person (from an ID token) or an integration. */
export type Principal = Caller | IntegrationPrincipal;

export const isIntegration = (principal: Principal): principal is IntegrationPrincipal =>
  'kind' in principal && principal.kind === 'integration';

/**
 * The scopes a token's `scope` claim grants: space-separated, each either bare (`orders.read`, the local provider's)
 * or behind Cognito's resource-server identifier (`quote-to-order/orders.read`). Anything else is ignored.
 */
export const scopesOfClaim = (claim: unknown): IntegrationScope[] => {
  if (typeof claim !== 'string') return [];
  const named = claim
    .split(/\s+/)
    .map((s) => s.slice(s.lastIndexOf('/') + 1))
    .filter((s): s is IntegrationScope => (integrationScopes as readonly string[]).includes(s));
  return [...new Set(named)];
};

/** The principal of an integration whose token was verified: it keeps only the scopes its record still allows. */
export const principalOf = (
  integration: Integration,
  tokenScopes: readonly IntegrationScope[],
): IntegrationPrincipal => ({
  kind: 'integration',
  integrationId: integration.integrationId,
  clientId: integration.clientId,
  name: integration.name,
  scopes: integration.scopes.filter((s) => tokenScopes.includes(s)),
});

/** Who did something, for a record or a timeline: a person's email, or the integration by its id (names change). */
export const actorOf = (principal: Principal): string =>
  isIntegration(principal) ? `integration:${principal.integrationId}` : principal.email;
