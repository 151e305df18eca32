import { type AddressInfo, createServer, type Server } from 'node:net';

/** A port the OS says is free right now on 127.0.0.1. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

const listenError = (error: NodeJS.ErrnoException, port: number, service: string): Error =>
  new Error(
    error.code === 'EADDRINUSE'
      ? `port ${port} for ${service} is already in use — stop what holds it or choose another port`
      : `cannot listen on port ${port} for ${service}: ${error.message}`,
  );

/** Fails with a one-line message when `port` is taken, so `npm start` can say which service cannot start. */
export const assertPortFree = (port: number, service: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port, service)));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });

/**
 * Starts `server` listening on `port` — or on a port the OS picks when none is given, which has no window for another
 * process to take it — and answers the port it got. A taken port fails with the same one-line message as above.
 */
export const listenOn = (
  server: Server,
  port: number | undefined,
  service: string,
  host = '127.0.0.1',
): Promise<number> =>
  new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(listenError(error, port ?? 0, service));
    server.once('error', failed);
    server.listen(port ?? 0, host, () => {
      server.removeListener('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
