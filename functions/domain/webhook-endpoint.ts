import * as z from 'zod';

/**
 * Where an integration's webhooks go: its URL, the signing secret (Standard Webhooks, `whsec_…`), whether it is
 * enabled — a receiver that answers 410 Gone disables it — and the feed position up to which events have been handed
 * to deliveries.
 */
export const webhookEndpointSchema = z.object({
  integrationId: z.string().min(1),
  url: z.string().min(1),
  secret: z.string().startsWith('whsec_'),
  enabled: z.boolean(),
  disabledAt: z.iso.datetime().optional(),
  /** Why it stopped, in words (the answer that disabled it). */
  disabledBecause: z.string().optional(),
  /** The last feed position whose event has a delivery here: an endpoint gets the events from its start on. */
  cursor: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

/** Longer than any sane URL, short enough to show in one line of the delivery log. */
const MAX_URL_LENGTH = 2048;

/**
 * What is wrong with a webhook URL, or undefined. `publicOnly` (AWS) asks for https; the address is checked again on
 * every send, where the name is resolved. Credentials in the URL are refused: they would be shown in the log.
 */
export const webhookUrlProblem = (text: string, publicOnly: boolean): string | undefined => {
  if (text.length > MAX_URL_LENGTH) return `a URL of at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'an absolute URL, such as https://erp.example.com/webhooks';
  }
  if (url.protocol !== 'https:' && (publicOnly || url.protocol !== 'http:')) return 'an https URL';
  if (url.username || url.password) return 'a URL without a user name or password in it';
  if (url.hash) return 'a URL without a #fragment';
  return undefined;
};
