import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An ERP's webhook endpoint on 127.0.0.1: it records what it is sent, and answers each path what a test scripts. */
export interface WebhookReceiver {
  url(path: string): string;
  /** The statuses `path` answers, in turn; the last one repeats (200 when none is set). */
  answer(path: string, statuses: number[]): void;
  received(path: string): ReceivedWebhook[];
  close(): Promise<void>;
}

export const startWebhookReceiver = async (): Promise<WebhookReceiver> => {
  const received: ReceivedWebhook[] = [];
  const scripts = new Map<string, number[]>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString() });
      const script = scripts.get(path) ?? [200];
      response.writeHead(script.length > 1 ? script.shift()! : script[0]!).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    answer: (path, statuses) => void scripts.set(path, [...statuses]),
    received: (path) => received.filter((r) => r.path === path),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
