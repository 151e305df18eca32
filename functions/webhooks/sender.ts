import { type LookupAddress, lookup } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { AttemptResult } from '#domain/webhook-delivery.ts';
import { isPublicAddress } from './public-address.ts';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Sends one webhook request and says what came of it; it never throws. */
export interface WebhookSender {
  send(request: WebhookRequest): Promise<AttemptResult>;
}

export interface SenderOptions {
  /** On AWS: https only, and only to public addresses, checked on the addresses the connection will use. */
  publicOnly: boolean;
  timeoutMs: number;
}

/** What a receiver's answer body may be: read and dropped, so a huge answer never holds the sender. */
const MAX_ANSWER_BYTES = 64 * 1024;

class NotPublic extends Error {}

/**
 * A lookup that resolves the host and refuses when any of its addresses is not public: the connection then uses the
 * very addresses checked, so a name that resolves to a public address for the check and a private one for the connect
 * (DNS rebinding) gets nowhere.
 */
const publicLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused || addresses.length === 0) {
      return callback(
        new NotPublic(`${hostname} resolves to ${refused?.address ?? 'nothing'}, not a public address`),
        '',
        0,
      );
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const [first] = addresses as [LookupAddress];
    return callback(null, first.address, first.family);
  });
};

const refusal = (url: URL, publicOnly: boolean): string | undefined => {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${url.protocol} is not a webhook scheme`;
  if (!publicOnly) return undefined;
  if (url.protocol !== 'https:') return 'only https webhook URLs are called';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isPublicAddress(host)) return `${host} is not a public address`;
  return undefined;
};

/**
 * The webhook sender over node:http(s): a POST of the signed JSON body, no redirect followed (a 3xx is an answer like
 * any other that is not 2xx), cut after `timeoutMs`, the answer's body read up to 64 KB and dropped.
 */
export const createWebhookSender = ({ publicOnly, timeoutMs }: SenderOptions): WebhookSender => ({
  send: ({ url: target, headers, body }) =>
    new Promise<AttemptResult>((resolve) => {
      let url: URL;
      try {
        url = new URL(target);
      } catch {
        return resolve({ error: 'not a URL' });
      }
      const refused = refusal(url, publicOnly);
      if (refused) return resolve({ error: refused });
      const options: RequestOptions = {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'quote-to-order-webhooks/1',
        },
        timeout: timeoutMs,
        ...(publicOnly && { lookup: publicLookup }),
      };
      const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, (answer) => {
        let read = 0;
        answer.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) answer.destroy();
        });
        answer.on('close', () => resolve({ status: answer.statusCode ?? 0 }));
        answer.on('error', () => resolve({ status: answer.statusCode ?? 0 }));
      });
      request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
      request.on('error', (error) =>
        resolve({ error: error instanceof NotPublic ? error.message : `${error.message || error.name}` }),
      );
      request.end(body);
    }),
});
