import createClient, { type Middleware } from 'openapi-fetch';
import type { Session } from '../auth/session.ts';
import type { components, paths } from './openapi.d.ts';

/** Every call goes through this client, typed from the API's own OpenAPI document; the API is on the app's origin. */
export type Api = ReturnType<typeof createApi>;
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

export class SignInNeeded extends Error {
  override readonly name = 'SignInNeeded';
}

export const createApi = (session: Session) => {
  const client = createClient<paths>({ baseUrl: window.location.origin });
  const bearer: Middleware = {
    async onRequest({ request }) {
      const token = await session.idToken();
      if (!token) throw new SignInNeeded('sign in again');
      request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(bearer);
  return client;
};

/** The sentence to show for a problem+json answer: its detail, and the fields it names. */
export const problemText = (problem: Partial<Problem> | undefined, fallback: string): string => {
  if (!problem?.detail) return fallback;
  const fields = (problem.errors ?? []).map((e) => `${e.path}: ${e.message}`);
  return fields.length ? `${problem.detail} (${fields.join('; ')})` : problem.detail;
};
