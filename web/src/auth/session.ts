import { type User, UserManager } from 'oidc-client-ts';
import type { AppConfig } from '../config.ts';

/**
 * Sign-in with OpenID Connect, authorization code + PKCE (Cognito's managed login on AWS, the local provider here).
 * The ID token is the bearer token: it carries the email, groups and company the API authorizes by, and its audience
 * is the app client the API's JWT authorizer names. Renewal uses the refresh token, before the ID token expires. The
 * app reads only who the person is from it; what they may do, it asks the API (GET /me).
 */
export interface Person {
  email: string;
  name: string;
}

export interface Session {
  /** The signed-in person, or undefined. */
  current(): Promise<User | null>;
  /** A valid ID token, renewed first when it is about to expire; undefined when the person must sign in again. */
  idToken(): Promise<string | undefined>;
  signIn(returnTo: string): Promise<void>;
  /** Finishes the redirect back from the provider; answers where to go. */
  finishSignIn(): Promise<string>;
  signOut(): Promise<void>;
  onChange(listener: (user: User | null) => void): void;
}

const appUrl = (path: string) => new URL(`${import.meta.env.BASE_URL}${path}`, window.location.origin).href;

export const personOf = (user: User): Person => ({
  email: String(user.profile.email ?? ''),
  name: String(user.profile.name ?? user.profile.email ?? ''),
});

export const createSession = (config: AppConfig): Session => {
  const manager = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: appUrl('callback'),
    post_logout_redirect_uri: appUrl(''),
    response_type: 'code',
    scope: 'openid email profile',
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: 120,
  });
  const usable = (user: User | null) => (user && !user.expired ? user : null);
  return {
    current: async () => {
      const user = await manager.getUser();
      if (usable(user)) return user;
      if (!user?.refresh_token) return null;
      return manager.signinSilent().catch(() => null);
    },
    idToken: async () => {
      let user = await manager.getUser();
      const expiresSoon = (user?.expires_in ?? 0) < 30;
      if (user?.refresh_token && expiresSoon) user = await manager.signinSilent().catch(() => null);
      return usable(user)?.id_token;
    },
    signIn: (returnTo) => manager.signinRedirect({ state: { returnTo } }),
    finishSignIn: async () => {
      const user = await manager.signinRedirectCallback();
      const state = user.state as { returnTo?: string } | undefined;
      return state?.returnTo ?? import.meta.env.BASE_URL;
    },
    // The provider's session ends too, so the next sign-in asks for the password; it sends the person back to /app/.
    signOut: async () => {
      await manager.removeUser();
      const url = new URL(config.signOutUrl);
      url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: appUrl('') }).toString();
      window.location.assign(url.href);
    },
    onChange: (listener) => {
      manager.events.addUserLoaded((user) => listener(user));
      manager.events.addUserUnloaded(() => listener(null));
      manager.events.addSilentRenewError(() => listener(null));
    },
  };
};
