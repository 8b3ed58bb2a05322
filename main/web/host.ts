// The browser host: the same desk behind the same contract, over HTTP and a WebSocket,
// on 127.0.0.1 only and guarded by a token made at each launch. Nothing a client sends
// takes it down: a bad request gets 400 and a bad message closes that one socket.
import { randomBytes } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Desk } from '../server/desk.js';
import { CONTENT_SECURITY_POLICY } from '../server/content-security-policy.js';
import { authorise, originAllowed, requestUrl, tokenCookie } from './security.js';
import { serveSocket } from './socket.js';
import { handleCtiRequest } from '../server/cti/http.js';
import { FILES_PATH, MAX_MESSAGE_BYTES } from '../../shared/contract/uploads.js';
import { EXPIRED_LINK } from '../server/uploads/downloads.js';

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

const HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
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
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  // A reset or broken client connection is that client's problem, never the host's.
  server.on('error', (error) => console.error('[web] server error:', error));
  sockets.on('error', (error) => console.error('[web] WebSocket server error:', error));
  server.on('connection', (socket: Socket) => socket.on('error', () => socket.destroy()));
  server.on('clientError', (_error, socket) => refuse(socket, 400, 'Bad Request'));
  server.on('request', (request, response) => {
    try {
      // No handler below sees a target that is not a URL or a path with a malformed %-escape.
      const url = requestUrl(request);
      if (!url || decodedPath(url) === null) return plain(response, 400, 'Bad Request\n');
      // The phone system's posts carry their own token (a manager's setting), not the page's.
      if (handleCtiRequest(options.desk.services, request, response)) return;
      if (url.pathname.startsWith(FILES_PATH)) return serveCaseFile(request, response, options.desk, token, port);
      serveFile(request, response, options.rendererDir, token, port);
    } catch (error) {
      console.error('[web] request failed:', error);
      if (!response.headersSent) response.writeHead(500, HEADERS);
      response.end();
    }
  });
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = requestUrl(request);
    if (!url) return refuse(socket, 400, 'Bad Request');
    if (url.pathname !== API_PATH || !authorise(request, url, token, port).ok || !originAllowed(request, port)) {
      return refuse(socket, 403, 'Forbidden');
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

function refuse(socket: Duplex, status: number, text: string) {
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

function plain(response: ServerResponse, status: number, body = '') {
  response.writeHead(status, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(body);
}

/** The %-decoded path, or null for a malformed %-escape or a NUL. */
function decodedPath(url: URL): string | null {
  try {
    const pathname = decodeURIComponent(url.pathname);
    return pathname.includes('\0') ? null : pathname;
  } catch {
    return null;
  }
}

/** The file a path names inside the renderer folder, or null for a path that is not one. */
function fileFor(url: URL, root: string): string | null {
  const pathname = decodedPath(url);
  if (pathname === null) return null;
  const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
  if (!file.startsWith(normalize(root + sep))) return join(root, 'index.html');
  try {
    return statSync(file).isFile() ? file : join(root, 'index.html');
  } catch {
    return join(root, 'index.html');
  }
}

function serveFile(request: IncomingMessage, response: ServerResponse, root: string, token: string, port: number) {
  const url = requestUrl(request);
  if (!url) return plain(response, 400, 'Bad Request\n');
  const { ok, fromQuery } = authorise(request, url, token, port);
  if (!ok) return plain(response, 403, 'Assurance Desk: open the address with the token printed when the desk started.\n');
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405);
  const target = fileFor(url, root);
  if (!target) return plain(response, 400, 'Bad Request\n');
  const headers: Record<string, string> = { ...HEADERS, 'Content-Type': MIME[extname(target)] ?? 'application/octet-stream' };
  if (fromQuery) headers['Set-Cookie'] = `${tokenCookie(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
  response.writeHead(200, headers);
  if (request.method === 'HEAD') return response.end();
  createReadStream(target)
    .on('error', () => response.destroy())
    .pipe(response);
}

/** A file kept on a case or a finished export, by the link the desk gave; the page's token guards it like every page. */
function serveCaseFile(request: IncomingMessage, response: ServerResponse, desk: Desk, token: string, port: number) {
  const url = requestUrl(request)!;
  if (!authorise(request, url, token, port).ok) return plain(response, 403, 'Forbidden\n');
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405);
  const served = desk.services.downloads.served(url.pathname, desk.services.now().getTime());
  if (!served) return plain(response, 404, `${EXPIRED_LINK}\n`);
  response.writeHead(200, { ...HEADERS, ...served.headers });
  if (request.method === 'HEAD') return response.end();
  createReadStream(served.file)
    .on('error', () => response.destroy())
    .pipe(response);
}

async function closeAll(server: Server, sockets: WebSocketServer) {
  for (const client of sockets.clients) client.terminate();
  await new Promise<void>((resolve) => sockets.close(() => resolve()));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
