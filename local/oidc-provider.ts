import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWK } from 'jose';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { integrationScopes, oauthScope } from '#domain/integration.ts';
import type { LocalAccounts } from '#functions/accounts/table-accounts.ts';
import type { LocalClients } from '#functions/integrations/table-clients.ts';
import { html, trusted } from '#rendering/html.ts';
import { subjectOf } from './dev-tokens.ts';
import { MemoryAdapter } from './oidc-memory-adapter.ts';
import { type SignInThrottle, signInThrottle } from './sign-in-throttle.ts';

/**
 * The local stand-in for Cognito's managed login: a real OpenID Connect provider (`oidc-provider`) signing people in
 * from the local user pool (the seeded people, and whoever a company's admin added through `PUT
 * /companies/{companyId}/users`; a person removed there is disabled and signs in no more), mounted under `/oidc` on
 * the API's origin. The web app signs in with authorization code + PKCE and sends the
 * ID token as its bearer token, as it does with Cognito; the provider signs with the dev issuer's key and under its
 * issuer and audience, so the local API verifies browser tokens and script tokens alike. Local only.
 */
export interface OidcOptions {
  /** `${apiUrl}/oidc`: also the dev issuer's issuer. */
  issuer: string;
  /** The public client of the web app; the ID token's audience. */
  clientId: string;
  /** The app's address, `${apiUrl}/app/`: its callback and where sign-out returns to. */
  appUrl: string;
  signingKey: JWK;
  /**
   * The local user pool, read at every sign-in and token: what a company's admin changes shows at once. A sign-in is
   * told to it: as in Cognito, a person who has signed in has no invitation left to send again.
   */
  accounts: Pick<LocalAccounts, 'get' | 'signedIn'>;
  /**
   * The integration clients (client-credentials grant), read at every token request: one deleted or rotated gets no
   * token more, as a deleted Cognito app client.
   */
  clients: Pick<LocalClients, 'get'>;
  /** A buyer to name on the sign-in page. */
  hintEmail: string;
  /** Every local user's password: printed by `npm start`, local only. */
  password: string;
  /** How wrong passwords are slowed down (default: 5 per account, 20 per address, in 15 minutes). */
  throttle?: SignInThrottle;
}

export interface OidcProvider {
  /** The path prefix it answers under (`/oidc`). */
  prefix: string;
  handle(request: IncomingMessage, response: ServerResponse): void;
}

const page = (title: string, body: ReturnType<typeof html>) =>
  html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${trusted(style)}</style></head>
<body><main>${body}</main></body></html>`.value;

const style = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1f24}
main{max-width:26rem;margin:3rem auto;padding:1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002}
h1{font-size:1.4rem;margin-top:0}label{display:block;font-weight:600;margin-top:1rem}
input{box-sizing:border-box;width:100%;font:inherit;padding:.5rem;margin-top:.25rem;border:1px solid #6b7280;border-radius:4px}
button{margin-top:1.25rem;font:inherit;font-weight:600;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#1d4ed8;color:#fff;width:100%}
p.error{color:#b91c1c;font-weight:600}p.hint{color:#4b5563;font-size:.9rem}code{background:#eef;padding:0 .2em}`;

const loginPage = (uid: string, options: OidcOptions, error?: string, email = '') =>
  page(
    'Sign in — quote-to-order',
    html`<h1>Sign in to quote-to-order</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/oidc/interaction/${uid}/login">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="${email}" ${email ? '' : 'autofocus'}>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required ${email ? 'autofocus' : ''}>
<button type="submit">Sign in</button></form>
<p class="hint">Local sign-in: every user's password is <code>${options.password}</code>
(buyer: <code>${options.hintEmail}</code>).</p>`,
  );

/** What the app's sign-in asks for, as of Cognito's web client. */
const peopleScopes = ['openid', 'email', 'profile', 'offline_access'];

const readForm = (request: IncomingMessage): Promise<URLSearchParams> =>
  new Promise((done, fail) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 10_000) request.destroy(new Error('form too large'));
    });
    request.on('end', () => done(new URLSearchParams(text)));
    request.on('error', fail);
  });

const sendHtml = (response: ServerResponse, status: number, body: string) => {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(body);
};

export const createOidcProvider = async (options: OidcOptions): Promise<OidcProvider> => {
  // Imported when the stack starts it, not when the module loads: it warns on Node 20, after the port and Java checks.
  const { default: Provider, errors } = await import('oidc-provider');
  const prefix = new URL(options.issuer).pathname;
  const throttle = options.throttle ?? signInThrottle();
  // Subjects are a hash of the email (as the dev issuer's): remembered at sign-in, to find the account again.
  const emailOf = new Map<string, string>();
  const enabled = async (email: string | undefined) => {
    const account = email ? await options.accounts.get(email) : undefined;
    return account?.enabled ? account : undefined;
  };

  const appOrigin = new URL(options.appUrl).origin;
  /**
   * An integration client as the provider registers it: a confidential client of the client-credentials grant only,
   * authenticating with HTTP Basic (as Cognito's token endpoint takes it), allowed its scopes under the resource
   * server's prefix, as Cognito spells them.
   */
  const integrationClient = async (clientId: string) => {
    const client = await options.clients.get(clientId);
    return (
      client && {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        client_name: client.name,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'ES256',
        scope: client.scopes.map(oauthScope).join(' '),
      }
    );
  };
  // The API the tokens are for: one resource server, whose scopes are the integrations' (as Cognito's is).
  const apiResource = new URL('/', options.issuer).href;

  const configuration: Configuration = {
    // Clients other than the app's are the integrations, read from the table; everything else stays in memory.
    adapter: (model: string) =>
      model === 'Client'
        ? Object.assign(new MemoryAdapter(model), { find: integrationClient })
        : new MemoryAdapter(model),
    // The app calls the token endpoint from its own origin; no other origin may.
    clientBasedCORS: (_ctx, origin) => origin === appOrigin,
    clients: [
      {
        client_id: options.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: [new URL('callback', options.appUrl).href],
        post_logout_redirect_uris: [options.appUrl],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        id_token_signed_response_alg: 'ES256',
        scope: peopleScopes.join(' '),
      },
    ],
    jwks: { keys: [options.signingKey as never] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // The claims Cognito puts in its ID tokens, which the API reads.
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'cognito:groups', 'custom:companyId'],
    },
    conformIdTokenClaims: false,
    // The integrations' scopes are the provider's too (a client may be allowed only scopes it supports); the app's
    // client is allowed the sign-in ones only.
    scopes: [...peopleScopes, ...integrationScopes.map(oauthScope)],
    ttl: {
      IdToken: 3600,
      AccessToken: 3600,
      RefreshToken: 30 * 24 * 3600,
      Session: 12 * 3600,
      Interaction: 3600,
      Grant: 30 * 24 * 3600,
    },
    // Like Cognito's app clients: a refresh token with every code grant, so the app renews without a redirect.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Cognito's access tokens say what they are; the API tells an integration's token from a person's by it.
    extraTokenClaims: (_ctx, token) => (token.kind === 'ClientCredentials' ? { token_use: 'access' } : undefined),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Only the integrations' grant is for the API; the app's sign-in keeps its ID token and userinfo as before.
        defaultResource: (ctx) => (ctx.oidc.params?.grant_type === 'client_credentials' ? apiResource : undefined),
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== apiResource) throw new errors.InvalidTarget();
          return {
            scope: integrationScopes.map(oauthScope).join(' '),
            accessTokenFormat: 'jwt',
            accessTokenTTL: 3600,
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        // Cognito's /logout signs out without asking; so does this page (the form confirms it on the user's behalf).
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'html';
          ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing out</title></head>
<body>${form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>')}
<noscript><button type="submit" form="op.logoutForm">Sign out</button></noscript>
<script>document.getElementById('op.logoutForm').submit()</script></body></html>`;
        },
      },
    },
    // The app is the seller's own client: nobody is asked to consent to it.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile offline_access');
      await grant.save();
      return grant;
    },
    // Read afresh for every token, so a disabled account gets none (not even by its refresh token).
    findAccount: async (_ctx, sub) => {
      const user = await enabled(emailOf.get(sub));
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: user.email,
          email_verified: true,
          name: user.name,
          'cognito:groups': user.groups,
          ...(user.companyId && { 'custom:companyId': user.companyId }),
        }),
      };
    },
    interactions: { url: (_ctx, interaction) => `${prefix}/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page(
        'Sign-in problem',
        html`<h1>Sign-in problem</h1><p role="alert">${String(out.error_description ?? out.error)}</p><p><a href="${options.appUrl}">Back to the app</a></p>`,
      );
    },
  };
  /**
   * Cognito's managed login signs out at `/logout?client_id=…&logout_uri=…` (its discovery document names no
   * end-session endpoint), and so does this provider, so the app signs out with the same code on both: the request
   * becomes the provider's own RP-initiated logout (client_id, post_logout_redirect_uri), which ends the session and
   * returns to `logout_uri` only when it is one of the client's registered sign-out URLs — as Cognito answers.
   */
  const managedLoginLogout = (response: ServerResponse, query: URLSearchParams) => {
    const clientId = query.get('client_id');
    const logoutUri = query.get('logout_uri');
    if (!clientId || !logoutUri)
      return sendHtml(
        response,
        400,
        page(
          'Sign-out problem',
          html`<h1>Sign-out problem</h1><p role="alert">client_id and logout_uri are required</p>`,
        ),
      );
    const end = new URL(`${prefix}/session/end`, options.issuer);
    end.search = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: logoutUri }).toString();
    response.writeHead(302, { location: end.href, 'cache-control': 'no-store' });
    response.end();
  };
  const provider = new Provider(options.issuer, configuration);
  const callback = provider.callback();

  const interaction = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    const [, uid, action] = /^\/interaction\/([\w-]+)(\/login)?$/.exec(path) ?? [];
    if (!uid) return sendHtml(response, 404, page('Not found', html`<h1>Not found</h1>`));
    const details = await provider.interactionDetails(request, response);
    if (details.uid !== uid)
      return sendHtml(
        response,
        400,
        page('Expired', html`<h1>This sign-in has expired</h1><p><a href="${options.appUrl}">Start again</a></p>`),
      );
    if (!action || request.method !== 'POST') return sendHtml(response, 200, loginPage(uid, options));
    const form = await readForm(request);
    const email = (form.get('email') ?? '').trim().toLowerCase();
    const address = request.socket.remoteAddress ?? 'unknown';
    const wait = throttle.waitSeconds(email, address);
    if (wait > 0) {
      response.setHeader('retry-after', String(wait));
      const minutes = Math.ceil(wait / 60);
      const message = `Too many wrong passwords. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
      return sendHtml(response, 429, loginPage(uid, options, message, email));
    }
    const user = await enabled(email);
    if (!user || form.get('password') !== options.password) {
      throttle.failed(email, address);
      return sendHtml(response, 401, loginPage(uid, options, 'That email and password do not match a user.', email));
    }
    throttle.succeeded(email);
    await options.accounts.signedIn(user.email);
    emailOf.set(subjectOf(user.email), user.email);
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: subjectOf(user.email) } },
      { mergeWithLastSubmission: false },
    );
  };

  return {
    prefix,
    handle: (request, response) => {
      const path = (request.url ?? '/').slice(prefix.length) || '/';
      if (path === '/logout' || path.startsWith('/logout?')) {
        managedLoginLogout(response, new URL(path, options.issuer).searchParams);
        return;
      }
      if (path.startsWith('/interaction/')) {
        interaction(request, response, path.split('?')[0] ?? path).catch(() => {
          if (!response.headersSent)
            sendHtml(
              response,
              400,
              page(
                'Sign-in problem',
                html`<h1>This sign-in has expired</h1><p><a href="${options.appUrl}">Start again</a></p>`,
              ),
            );
        });
        return;
      }
      // Mounted under a prefix, as connect would: the provider routes on the rest of the path and finds its mount
      // path (for the URLs it publishes) in originalUrl.
      Object.assign(request, { originalUrl: request.url });
      request.url = path;
      callback(request, response);
    },
  };
};
