import { randomBytes } from 'node:crypto';
import { Forbidden, NotFound } from '#domain/errors.ts';
import {
  actorOf,
  type Integration,
  type IntegrationCredentials,
  type NewIntegration,
  oauthScope,
  type Principal,
} from '#domain/integration.ts';
import { mayManageIntegrations } from '#domain/policy.ts';
import type { IntegrationClients } from '#functions/integrations/ports.ts';
import type { IntegrationStore, WebhookStore } from '#store/ports.ts';

export interface IntegrationDeps {
  integrations: IntegrationStore;
  clients: IntegrationClients;
  /** A deleted integration's webhook endpoint goes with it: its events stop, not only its tokens. */
  webhooks: Pick<WebhookStore, 'removeEndpoint'>;
  /** Where a client gets its token (the issuer's token endpoint). */
  tokenUrl: string;
  now: () => Date;
}

const refuseUnlessManager = (caller: Principal): void => {
  if (!mayManageIntegrations(caller)) throw new Forbidden('only the seller’s admin manages integration clients');
};

const newIntegrationId = (): string =>
  `int-${randomBytes(10)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')}`;

const withSecret = (
  deps: Pick<IntegrationDeps, 'tokenUrl'>,
  integration: Integration,
  clientSecret: string,
): IntegrationCredentials => ({
  ...integration,
  clientSecret,
  tokenUrl: deps.tokenUrl,
  tokenScopes: integration.scopes.map(oauthScope),
});

/**
 * A new integration client: the issuer's client first, then our record. When the record cannot be written the client
 * is deleted again, so no client exists that our record does not name (its tokens would be refused anyway).
 */
export const createIntegration = async (
  deps: Omit<IntegrationDeps, 'webhooks'>,
  caller: Principal,
  body: NewIntegration,
): Promise<IntegrationCredentials> => {
  refuseUnlessManager(caller);
  const { clientId, clientSecret } = await deps.clients.create(body.name, body.scopes);
  const at = deps.now().toISOString();
  const integration: Integration = {
    integrationId: newIntegrationId(),
    name: body.name,
    clientId,
    scopes: body.scopes,
    createdAt: at,
    createdBy: actorOf(caller),
    secretIssuedAt: at,
  };
  try {
    await deps.integrations.create(integration);
  } catch (error) {
    await deps.clients.delete(clientId).catch(() => undefined);
    throw error;
  }
  return withSecret(deps, integration, clientSecret);
};

export const listIntegrations = async (deps: Pick<IntegrationDeps, 'integrations'>, caller: Principal) => {
  refuseUnlessManager(caller);
  const all = await deps.integrations.list();
  return all.sort((a, b) => a.name.localeCompare(b.name) || a.createdAt.localeCompare(b.createdAt));
};

const existing = async (deps: Pick<IntegrationDeps, 'integrations'>, integrationId: string) => {
  const integration = await deps.integrations.get(integrationId);
  if (!integration) throw new NotFound(`no integration ${integrationId}`);
  return integration;
};

/**
 * A new secret: a new client of the issuer replaces the old one in our record, and the old client is deleted. From
 * the moment the record changes, a token of the old client is refused (its client id names no integration), so a
 * leaked secret stops working at once, not when its last token expires.
 */
export const rotateSecret = async (
  deps: Omit<IntegrationDeps, 'webhooks'>,
  caller: Principal,
  integrationId: string,
): Promise<IntegrationCredentials> => {
  refuseUnlessManager(caller);
  const before = await existing(deps, integrationId);
  const { clientId, clientSecret } = await deps.clients.create(before.name, before.scopes);
  const after: Integration = { ...before, clientId, secretIssuedAt: deps.now().toISOString() };
  try {
    await deps.integrations.replace(before, after);
  } catch (error) {
    await deps.clients.delete(clientId).catch(() => undefined);
    throw error;
  }
  // Its tokens are refused already; a client left behind by a failure here is found by its name in the issuer.
  await deps.clients.delete(before.clientId).catch(() => undefined);
  return withSecret(deps, after, clientSecret);
};

/**
 * Deletes the integration: its webhook endpoint first (a fault there leaves an integration the admin deletes again,
 * never a deleted one still sent events), then our record (its tokens are refused from then on), then the issuer's
 * client. A client the issuer failed to delete can get tokens no route takes; the issuer lists it by its name.
 */
export const deleteIntegration = async (deps: IntegrationDeps, caller: Principal, integrationId: string) => {
  refuseUnlessManager(caller);
  if (!(await deps.integrations.get(integrationId))) throw new NotFound(`no integration ${integrationId}`);
  await deps.webhooks.removeEndpoint(integrationId);
  const deleted = await deps.integrations.delete(integrationId);
  if (!deleted) throw new NotFound(`no integration ${integrationId}`);
  await deps.clients.delete(deleted.clientId).catch(() => undefined);
};
