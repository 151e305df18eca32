import type { AccountChange, SignInAccount } from '#domain/account-changes.ts';

/**
 * The user pool people sign in with: Cognito on AWS (cognito-accounts.ts), a pool kept in the table locally
 * (table-accounts.ts), which the local OIDC provider signs people in from. Which one is config (`SIGN_IN_ACCOUNTS`).
 */
export interface SignInAccounts {
  /** The current account of each email that has one, by lower-cased email: its company, groups and whether enabled. */
  find(emails: readonly string[]): Promise<Map<string, SignInAccount>>;
  /**
   * Makes the changes, each idempotently (an invite of someone who meanwhile got an account updates it instead), so
   * running them again after a partial failure finishes the job. Past `deadline` (epoch ms) it starts no more and
   * throws AccountsUnavailable: a long list is finished by the same request again, never cut off by a timeout.
   */
  apply(changes: readonly AccountChange[], deadline?: number): Promise<void>;
  /**
   * Mails the person's invitation again with a new temporary password (their first one expired, or the mail was
   * lost): Cognito's AdminCreateUser with `MessageAction: RESEND`. NoInvitationToResend when they have signed in
   * already, or have no account.
   */
  resendInvitation(email: string): Promise<void>;
  /**
   * Of these people (lower-cased emails), those whose invitation is still open (`open`): their account may sign in and
   * they have never signed in (Cognito's FORCE_CHANGE_PASSWORD) — the only ones an invitation can be sent to again;
   * and those who have signed in (`signedIn`: CONFIRMED), which they never undo.
   */
  openInvitations(emails: readonly string[]): Promise<{ open: Set<string>; signedIn: Set<string> }>;
}

/** Nothing to send again: the person has signed in already (a forgotten password is reset from the sign-in page), or has no account. */
export class NoInvitationToResend extends Error {
  override readonly name = 'NoInvitationToResend';
  constructor(
    readonly email: string,
    readonly reason: 'signed-in' | 'no-account',
  ) {
    super(
      reason === 'signed-in'
        ? `${email} has signed in already: a forgotten password is reset with “Forgot your password?” on the sign-in page`
        : `${email} has no sign-in account yet: save the company’s people again to invite them`,
    );
  }
}

/** The pool did not answer or refused for a reason of its own: nothing the caller did; a retry may succeed. */
export class AccountsUnavailable extends Error {
  override readonly name = 'AccountsUnavailable';
}

/** Between looking an email up and inviting it, somebody else gave it an account of another company or the seller. */
export class AccountTaken extends Error {
  override readonly name = 'AccountTaken';
  constructor(readonly email: string) {
    super(`${email} already has a sign-in account that is not this company’s`);
  }
}

/** People listed who already sign in for another company or for the seller: one problem per entry, naming its field. */
export class AccountsTakenElsewhere extends Error {
  override readonly name = 'AccountsTakenElsewhere';
  constructor(readonly errors: { path: string; message: string }[]) {
    super('Nothing was saved: a person listed already signs in elsewhere');
  }
}
