import { createIntegration } from '#application/integrations.ts';
import { callerFromClaims } from '#domain/caller.ts';
import { oauthScope } from '#domain/integration.ts';
import type { LocalClients } from '#functions/integrations/table-clients.ts';
import type { IntegrationStore } from '#store/ports.ts';
import { subjectOf } from '../dev-tokens.ts';
import { sellerStaff } from './companies.ts';

/** The seeded integration: the demo ERP, allowed every scope. */
export interface DemoIntegration {
  integrationId: string;
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
  tokenScopes: string[];
}

const demoName = 'Demo ERP';

/**
 * One integration client, made as the seller's admin would make it (the same use case), so `npm start` can print how
 * to get its token. Kept across restarts with --persist: its secret is read back from the local provider's registry
 * (local only; on AWS nobody can read a secret back).
 */
export const seedDemoIntegration = async (
  integrations: IntegrationStore,
  clients: LocalClients,
  tokenUrl: string,
): Promise<DemoIntegration> => {
  const existing = (await integrations.list()).find((i) => i.name === demoName);
  const known = existing && (await clients.get(existing.clientId));
  if (existing && known)
    return {
      integrationId: existing.integrationId,
      clientId: existing.clientId,
      clientSecret: known.clientSecret,
      tokenUrl,
      tokenScopes: existing.scopes.map(oauthScope),
    };
  const admin = callerFromClaims({
    sub: subjectOf(sellerStaff.admin.email),
    email: sellerStaff.admin.email,
    'cognito:groups': ['admin'],
  });
  const made = await createIntegration({ integrations, clients, tokenUrl, now: () => new Date() }, admin, {
    name: demoName,
    scopes: ['orders.read', 'orders.write', 'catalog.write'],
  });
  return {
    integrationId: made.integrationId,
    clientId: made.clientId,
    clientSecret: made.clientSecret,
    tokenUrl,
    tokenScopes: made.tokenScopes,
  };
};
