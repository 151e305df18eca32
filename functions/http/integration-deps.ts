import type { IntegrationDeps } from '#application/integrations.ts';
import { cognitoClient } from '#functions/clients/cognito.ts';
import { documentClient } from '#functions/clients/dynamodb.ts';
import { config } from '#functions/config.ts';
import { createCognitoClients } from '#functions/integrations/cognito-clients.ts';
import type { IntegrationClients } from '#functions/integrations/ports.ts';
import { createTableClients } from '#functions/integrations/table-clients.ts';
import { adapters, perConfig } from './adapters.ts';

/**
 * The integration clients the config names (`INTEGRATION_CLIENTS`): Cognito app clients on AWS, the local provider's
 * registry otherwise. Only the handlers that manage integrations import this module, so no other function bundles
 * the Cognito client.
 */
const integrationClients = /* @__PURE__ */ perConfig(
  (settings): IntegrationClients =>
    settings.INTEGRATION_CLIENTS === 'cognito' && settings.USER_POOL_ID
      ? createCognitoClients(cognitoClient(), settings.USER_POOL_ID)
      : createTableClients(documentClient(), settings.TABLE_NAME),
);

export const integrationDeps = (): IntegrationDeps => ({
  integrations: adapters().store.integrations,
  clients: integrationClients(),
  webhooks: adapters().store.webhooks,
  tokenUrl: config().INTEGRATION_TOKEN_URL,
  now: () => new Date(),
});
