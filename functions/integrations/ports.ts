import type { IntegrationScope } from '#domain/integration.ts';

/** An OAuth client's credentials: the secret exists only in this answer (and in the issuer). */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * Where integration clients get their tokens: Cognito app clients on AWS (cognito-clients.ts), the local OIDC
 * provider's registry in the table locally (table-clients.ts). Which one is config (`INTEGRATION_CLIENTS`).
 */
export interface IntegrationClients {
  /** A new client of the client-credentials grant, allowed these scopes. */
  create(name: string, scopes: readonly IntegrationScope[]): Promise<ClientCredentials>;
  /** Deletes a client; one already gone is no error. Either call throws Unavailable when the issuer fails. */
  delete(clientId: string): Promise<void>;
}
