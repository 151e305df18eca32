import { html } from '#rendering/html.ts';
import { button, email, heading, paragraph } from './layout.ts';
import type { EmailMessage } from './ports.ts';

/** How long a temporary password works: the user pool's setting (infra/auth.ts), which the invitation states. */
export const invitationValidDays = 3;

/**
 * How the person signs in the first time, which the invitation states truthfully:
 * - `temporary`: the user pool's one-time password (Cognito's `{####}` in its template), which the person replaces
 *   with one of their own at first sign-in and which works for `invitationValidDays`;
 * - `local`: the local stack's one shared password (`LOCAL_SIGN_IN_PASSWORD`) — the local provider never asks for
 *   another one and it does not expire, so the invitation says so rather than promise a choice that never comes.
 */
export type FirstSignIn = { kind: 'temporary' | 'local'; username: string; password: string };

/**
 * Where the user pool writes the person's sign-in name and temporary password into its invitation (Cognito's
 * placeholders).
 */
export const cognitoPlaceholders: FirstSignIn = { kind: 'temporary', username: '{username}', password: '{####}' };

const howToSignIn = (signIn: FirstSignIn, sellerName: string): { how: string; after: string[] } =>
  signIn.kind === 'temporary'
    ? {
        how: `Sign in with your email, ${signIn.username}, and this temporary password: ${signIn.password}`,
        after: [
          'You choose a password of your own when you first sign in.',
          `The temporary password works for ${invitationValidDays} days. If it has expired, ask your company’s admin to send this invitation again.`,
        ],
      }
    : {
        how: `Sign in with your email, ${signIn.username}, and the local password: ${signIn.password}`,
        after: [
          `This is ${sellerName}’s app running locally: everyone signs in with that one password, it does not expire, and you are never asked to choose another.`,
        ],
      };

/**
 * The invitation a company's new person gets (and again when their admin sends it again): whose app it is, where it
 * is — the app's URL, so the person is not left to find it — and how to sign in the first time. One text for both
 * pools: on AWS it is the user pool's invitation template (infra/auth.ts, with Cognito's placeholders), locally the
 * local pool mails it with the local password.
 */
export const invitationEmail = (r: {
  to: string;
  sellerName: string;
  appUrl: string;
  signIn: FirstSignIn;
}): EmailMessage => {
  const subject = `Your sign-in to order from ${r.sellerName}`;
  const intro = `You can now ask ${r.sellerName} for quotes, follow your orders and approve purchases online, at ${r.appUrl}`;
  const { how, after } = howToSignIn(r.signIn, r.sellerName);
  return email(
    [r.to],
    subject,
    html`${heading(subject)}
${paragraph(intro)}
${paragraph(how)}
${button(r.appUrl, `Open ${r.sellerName}’s ordering app`)}
${after.map(paragraph)}`,
    [intro, how, ...after],
  );
};
