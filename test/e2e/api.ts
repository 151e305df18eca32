import type { Role } from '#domain/company.ts';
import type { DevIssuer } from '../../local/dev-tokens.ts';
import { contractFetch } from './contract.ts';

/** A person the API knows: a dev token is minted for them. */
export interface User {
  email: string;
  groups: Role[];
  companyId?: string;
}

/** Answers are read as loose JSON: the tests assert their shape. */
// biome-ignore lint/suspicious/noExplicitAny: see above
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  /** The body as it came, for what is not text (a PDF). */
  bytes: Uint8Array;
}

/**
 * The one path every end-to-end test calls the API through: real HTTP, a dev token for the user, the answer read as
 * the tests assert it.
 */
export interface ApiClient {
  url: string;
  tokenFor(user: User): Promise<string>;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read as loose JSON
  call<T = any>(
    method: string,
    path: string,
    options?: { as?: User | string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<Answer<T>>;
}

/** Calls the API as a client would: real HTTP, a dev token for the user; every answer is checked by the contract. */
export const apiClient = (url: string, issuer: DevIssuer): ApiClient => {
  const tokenFor = (user: User) => issuer.token(user);
  return {
    url,
    tokenFor,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.as)
        headers.authorization = `Bearer ${typeof options.as === 'string' ? options.as : await tokenFor(options.as)}`;
      let body: string | undefined = options.raw;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await contractFetch(`${url}${path}`, { method, headers, ...(body !== undefined && { body }) });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const text = new TextDecoder().decode(bytes);
      const type = response.headers.get('content-type') ?? '';
      return {
        status: response.status,
        headers: response.headers,
        text,
        bytes,
        body: type.includes('json') && text ? JSON.parse(text) : text,
      };
    },
  };
};
