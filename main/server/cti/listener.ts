// For the Electron shell, which has no HTTP server: a local listener for the phone system's
// posts, the same handler as the browser host's. Loopback by default; the shell starts it when
// a manager set a CTI token.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Services } from '../context.js';
import { handleCtiRequest } from './http.js';

export interface CtiListener {
  port: number;
  close(): Promise<void>;
}

export async function startCtiListener(services: Services, options: { port?: number; host?: string } = {}): Promise<CtiListener> {
  const server: Server = createServer((request, response) => {
    if (!handleCtiRequest(services, request, response)) response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
