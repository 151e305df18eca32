import type { Server } from 'node:http';
import sesModule from 'aws-ses-v2-local';
import { assertPortFree, freePort } from './free-port.ts';

// A CommonJS module with `exports.default`: Node's ESM loader hands it over as `{ default: { default } }`.
type StartSes = (config: { host: string; port: number }) => Promise<Server>;
const startSesServer: StartSes =
  (sesModule as unknown as { default?: StartSes }).default ?? (sesModule as unknown as StartSes);

export interface SesLocal {
  endpoint: string;
  /** The web inbox (aws-ses-v2-local's page), where a person reads the mail the system sent. */
  inboxUrl: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts aws-ses-v2-local in this process: the SES v2 API plus a web inbox, `GET /store` lists sent mail. */
export const startSesLocal = async (options: { port?: number } = {}): Promise<SesLocal> => {
  const port = options.port ?? (await freePort());
  if (options.port) await assertPortFree(port, 'the local SES');
  const server: Server = await startSesServer({ host: '127.0.0.1', port });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    inboxUrl: `${endpoint}/`,
    port,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
};
