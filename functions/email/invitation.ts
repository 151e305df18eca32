import { html } from '#rendering/html.ts';
import { button, email, heading, paragraph } from './layout.ts';
import type { EmailMessage } from './ports.ts';

/** How long a temporary password works: the user pool's setting (infra/auth.ts), which the invitation states. */
export const invitationValidDays = 3;

/**
 * Where the user pool writes the person's sign-in name and temporary password into its invitation (Cognito's
 * placeholders); the local pool writes the person's email and the local password in their place.
 */
export const cognitoPlaceholders = { username: '{username}', password: '{####}' } as const;

/**
 * The invitation a company's new person gets (and again when their admin sends it again): whose app it is, where it
 * is — the app's URL, so the person is not left to find it — and how to sign in the first time. One text for both
 * pools: on AWS it is the user pool's invitation template (infra/auth.ts, with Cognito's placeholders), locally the
 * local pool mails it with the placeholders filled in.
 */
export const invitationEmail = (r: {
  to: string;
  sellerName: string;
  appUrl: string;
  username: string;
  password: string;
}): EmailMessage => {
  const subject = `Your sign-in to order from ${r.sellerName}`;
  const intro = `You can now ask ${r.sellerName} for quotes, follow your orders and approve purchases online, at ${r.appUrl}`;
  const how = `Sign in with your email, ${r.username}, and this temporary password: ${r.password}`;
  const then = 'You choose a password of your own when you first sign in.';
  const expiry = `The temporary password works for ${invitationValidDays} days. If it has expired, ask your company’s admin to send this invitation again.`;
  return email(
    [r.to],
    subject,
    html`${heading(subject)}
${paragraph(intro)}
${paragraph(how)}
${button(r.appUrl, `Open ${r.sellerName}’s ordering app`)}
${paragraph(then)}
${paragraph(expiry)}`,
    [intro, how, then, expiry],
  );
};
