import { createHmac, randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';
/** 32 random bytes: within the 24–64 the Standard Webhooks specification asks of a secret. */
const SECRET_BYTES = 32;

/** A new signing secret as the specification writes it, `whsec_` and base64: shown to the seller's admin once. */
export const newWebhookSecret = (): string => `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;

/** The headers that make a request verifiable: `webhook-signature` is `v1,` and the HMAC-SHA256 of "id.timestamp.body". */
export const signedHeaders = (
  secret: string,
  webhookId: string,
  at: Date,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> => {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  const signature = createHmac('sha256', key).update(`${webhookId}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': webhookId, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
};
