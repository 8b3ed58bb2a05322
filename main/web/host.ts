// The browser host: the same desk behind the same contract, over HTTP and a WebSocket,
// on 127.0.0.1 only and guarded by a token made at each launch.
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Desk } from '../server/desk.js';
import { CONTENT_SECURITY_POLICY } from '../server/content-security-policy.js';
import { authorise, originAllowed, TOKEN_COOKIE } from './security.js';
import { handleCtiRequest } from '../server/cti/http.js';

export const API_PATH = '/api';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startWebHost(options: { desk: Desk; rendererDir: string; port?: number }): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 }) // a 10 MB attachment travels as ~13.4 MB of base64;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  server.on('request', (request, response) => {
    // The phone system's posts carry their own token (a manager's setting), not the page's.
    if (handleCtiRequest(options.desk.services, request, response)) return;
    serveFile(request, response, options.rendererDir, token, port);
  });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== API_PATH || !authorise(request, token, port).ok || !originAllowed(request, port)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, options.desk));
  });

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => closeAll(server, sockets),
  };
}

function serveFile(request: IncomingMessage, response: ServerResponse, root: string, token: string, port: number) {
  const { ok, fromQuery } = authorise(request, token, port);
  const headers: Record<string, string> = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
  if (!ok) {
    response.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Assurance Desk: open the address with the token printed when the desk started.\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, headers).end();
    return;
  }
  if (fromQuery) headers['Set-Cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
  const inside = file.startsWith(normalize(root + sep));
  const target = inside && existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html');
  response.writeHead(200, { ...headers, 'Content-Type': MIME[extname(target)] ?? 'application/octet-stream' });
  createReadStream(target).pipe(response);
}

/** One tab: its own sign-in; calls are answered by id; desk events reach it once signed in. */
function serveSocket(ws: WebSocket, desk: Desk) {
  const connection = desk.connect();
  const stop = desk.onEvent((event, payload) => {
    if (connection.operator && ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
  });
  ws.on('close', stop);
  ws.on('message', async (data) => {
    let message: { id?: unknown; name?: unknown; input?: unknown };
    try {
      message = JSON.parse(String(data));
    } catch {
      return ws.close(1003, 'not JSON');
    }
    const outcome = await desk.dispatch(connection, message.name, message.input);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: message.id, outcome }));
  });
}

async function closeAll(server: Server, sockets: WebSocketServer) {
  for (const client of sockets.clients) client.terminate();
  await new Promise<void>((resolve) => sockets.close(() => resolve()));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
