import { createHash, randomBytes } from 'node:crypto';

/**
 * An email link's token: 256 random bits, base64url (43 characters). Only its SHA-256 is stored, so a copy of the
 * table lets nobody decide anything; the token itself exists only in the email.
 */
const shape = /^[A-Za-z0-9_-]{43}$/;

export const hashLinkToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export const mintLinkToken = (): { token: string; tokenHash: string } => {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashLinkToken(token) };
};

/** Anything else is unknown without a database read: a truncated, padded or tampered token. */
export const isWellFormedLinkToken = (token: string): boolean => shape.test(token);

export const linkUrl = (publicBaseUrl: string, token: string): string =>
  `${publicBaseUrl.replace(/\/+$/, '')}/approvals/${token}`;

/** The quote's PDF, which the link authorises while it decides (GET /approvals/{token}/quote.pdf). */
export const linkPdfUrl = (publicBaseUrl: string, token: string): string =>
  `${linkUrl(publicBaseUrl, token)}/quote.pdf`;

/**
 * The id of one wait (one callback attempt), shared by all its links. Derived from the task token so a retried
 * request step finds its own links; one-way, so the task token cannot be recovered from it.
 */
export const waitIdFor = (taskToken: string): string =>
  createHash('sha256').update(`wait:${taskToken}`, 'utf8').digest('base64url').slice(0, 22);
