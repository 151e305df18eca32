import type { Brand } from '#domain/brand.ts';

/** Where the app signs in: read at start from `/app/config.json`, so one build serves the local provider and Cognito. */
export interface AppConfig {
  authority: string;
  clientId: string;
  /**
   * The provider's sign-out page, which takes `client_id` and `logout_uri` (Cognito's managed login `/logout`; the
   * local provider serves the same shape). Cognito's discovery document names no end-session endpoint.
   */
  signOutUrl: string;
  /** Whose app it is: the seller's name, logo and colour. */
  brand: Brand;
}

export const loadConfig = async (): Promise<AppConfig> => {
  const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  return (await response.json()) as AppConfig;
};
