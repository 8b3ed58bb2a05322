// The team server's HTTP JSON API and live WebSocket (main/team/protocol.ts is the wire contract).
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { z } from 'zod';
import { isCallName, type DeskErrorShape } from '../../../shared/contract/index.js';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/contract/work-orders.js';
import { DeskError } from '../../server/errors.js';
import {
  callRequest,
  pullQuery,
  pushRequest,
  recordsRequest,
  setUpRequest,
  signInRequest,
  MAX_LIVE_EVENTS,
  TEAM_PATHS,
  teamReportInput,
  teamSearchInput,
  type CallResponse,
  type HealthResponse,
  type LiveNotice,
} from '../protocol.js';
import type { TeamCenter } from './center.js';
import { reportCenter, searchCenter } from './center-queries.js';

const MAX_BODY = 8 * 1024 * 1024;
const STATUS: Record<DeskErrorShape['code'], number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-many-attempts': 429,
  'disk-full': 507,
  internal: 500,
};

export interface TeamHttpOptions {
  center: TeamCenter;
  serverId: string;
  schemaVersion: number;
  host?: string;
  port?: number;
  tls?: { cert: string | Buffer; key: string | Buffer };
}

export interface TeamHttp {
  url: string;
  port: number;
  /** Tells every live socket the new head position. */
  broadcast(position: number): void;
  close(): Promise<void>;
}

export async function startTeamHttp(options: TeamHttpOptions): Promise<TeamHttp> {
  const { center } = options;
  const server: Server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }) : createHttpServer();
  server.keepAliveTimeout = 30_000;
  const live = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  server.on('request', (request, response) => {
    route(request, response, options).catch((error: unknown) => sendError(response, error));
  });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://team');
    if (url.pathname !== TEAM_PATHS.live) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    center
      .authenticate(bearer(request) ?? url.searchParams.get('token') ?? undefined)
      .then(() => center.head())
      .then((position) =>
        live.handleUpgrade(request, socket, head, (ws) => {
          send(ws, { type: 'position', position });
          ws.on('error', () => ws.terminate());
        }),
      )
      .catch(() => socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n'));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shown}:${port}`,
    port,
    broadcast: coalesce((from, position) => {
      // The committed events themselves when this process holds them all (else desks pull).
      const held = position - from <= MAX_LIVE_EVENTS ? center.heldEvents(from, position - from) : undefined;
      const text = held?.length === position - from ? `{"type":"position","position":${position},"from":${from},"events":[${held.join(',')}]}` : JSON.stringify({ type: 'position', position } satisfies LiveNotice);
      const frame = Buffer.from(text); // encoded once for every desk, not once per socket
      for (const ws of live.clients) if (ws.readyState === ws.OPEN) ws.send(frame, { binary: false });
    }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of live.clients) ws.terminate();
        live.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * At most one notice per NOTICE_MS (the newest position, and where the one before ended): a burst
 * of commits is one notice. A commit after a quiet spell is announced at once; a busy center's
 * desks hear at most NOTICE_MS late, and each notice costs a frame per desk on both ends.
 */
// 100 ms: well inside "on the other desks within a second", and it bounds the work 50 busy desks make.
const NOTICE_MS = 100;
function coalesce(announce: (from: number, position: number) => void): (position: number) => void {
  let announced = 0;
  let newest = 0;
  let sentAt = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  return (position) => {
    newest = Math.max(newest, position);
    timer ??= setTimeout(
      () => {
        timer = undefined;
        sentAt = performance.now();
        // The first notice (and one after a restart of the listener, at the same head) carries no events.
        const from = announced > 0 && announced < newest ? announced : newest;
        announced = newest;
        announce(from, newest);
      },
      Math.max(0, sentAt + NOTICE_MS - performance.now()),
    );
  };
}

function send(ws: WebSocket, notice: LiveNotice) {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(notice));
}

async function route(request: IncomingMessage, response: ServerResponse, options: TeamHttpOptions): Promise<void> {
  const { center } = options;
  const url = new URL(request.url ?? '/', 'http://team');
  const method = request.method ?? 'GET';
  const path = url.pathname;

  if (method === 'GET' && path === TEAM_PATHS.health) {
    const body: HealthResponse = { ok: true, position: await center.head(), schemaVersion: options.schemaVersion, serverId: options.serverId };
    return sendJson(response, 200, body);
  }
  if (method === 'POST' && path === TEAM_PATHS.setUp) {
    const input = parse(setUpRequest, await readJson(request));
    return sendJson(response, 200, { operator: await center.setUp(input) });
  }
  if (method === 'POST' && path === TEAM_PATHS.signIn) {
    const input = parse(signInRequest, await readJson(request));
    return sendJson(response, 200, await center.signIn(input));
  }
  if (method === 'POST' && path === TEAM_PATHS.push) {
    const session = await center.authenticate(bearer(request));
    const input = parse(pushRequest, await readJson(request));
    const { results, timing } = await center.push(session, input.commands);
    const dur = (ms: number) => ms.toFixed(1);
    response.setHeader('server-timing', `wait;dur=${dur(timing.waitMs)}, run;dur=${dur(timing.runMs)}, commit;dur=${dur(timing.commitMs)}, batch;desc="${timing.batch}"`);
    return sendJson(response, 200, { results });
  }
  if (method === 'GET' && path === TEAM_PATHS.pull) {
    await center.authenticate(bearer(request));
    const query = parse(pullQuery, Object.fromEntries(url.searchParams));
    return sendJsonText(response, 200, await center.pullJson(query.after, query.limit));
  }
  if (method === 'POST' && path === TEAM_PATHS.records) {
    await center.authenticate(bearer(request));
    const input = parse(recordsRequest, await readJson(request));
    return sendJson(response, 200, await center.records(input.entity, input.ids));
  }
  if (method === 'POST' && path === TEAM_PATHS.call) {
    const session = await center.authenticate(bearer(request));
    const input = parse(callRequest, await readJson(request));
    return sendJson(response, 200, await onlineCall(center, session.operator, input.call, input.input));
  }
  if (path.startsWith(TEAM_PATHS.files) && (method === 'PUT' || method === 'GET')) {
    await center.authenticate(bearer(request));
    const sha256 = path.slice(TEAM_PATHS.files.length);
    if (method === 'PUT') {
      await center.putFile(sha256, await readBytes(request, MAX_ATTACHMENT_BYTES));
      return sendJson(response, 200, { ok: true });
    }
    const bytes = await center.getFile(sha256);
    if (!bytes) throw new DeskError('not-found', 'the team server has no such file', 'sha256');
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': bytes.length,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    response.end(bytes);
    return;
  }
  throw new DeskError('not-found', `no team route ${method} ${path}`);
}

/** Search and reports from SQL; any other read-only contract call over the center's state. */
async function onlineCall(center: TeamCenter, operator: { username: string; role: string }, call: string, input: unknown): Promise<CallResponse> {
  try {
    if (call === 'team.search') return { ok: true, value: await searchCenter(center.pool, parse(teamSearchInput, input ?? {})) };
    if (call === 'team.report') {
      if (operator.role !== 'manager') throw new DeskError('forbidden', 'center reports are for managers');
      return { ok: true, value: await reportCenter(center.pool, parse(teamReportInput, input ?? {})) };
    }
    if (!isCallName(call)) throw new DeskError('not-found', `there is no call named ${JSON.stringify(call)}`, 'call');
    return await center.read(() => {
      const connection = { id: `team-call:${operator.username}`, operator: { username: operator.username, displayName: '', role: 'agent' as const, level: 'L1' as const, active: true } };
      return center.desk.dispatch(connection, call, input);
    });
  } catch (error) {
    return { ok: false, error: errorShape(error) };
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  throw new DeskError('invalid-input', issue?.message ?? 'invalid input', field);
}

function bearer(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

async function readBytes(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new DeskError('invalid-input', `the request body is over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const body = await readBytes(request, MAX_BODY);
  try {
    return JSON.parse(body.toString('utf8') || '{}');
  } catch {
    throw new DeskError('invalid-input', 'the request body is not JSON');
  }
}

function errorShape(error: unknown): DeskErrorShape {
  if (error instanceof DeskError) return error.toShape();
  const code = (error as { code?: unknown }).code;
  // PostgreSQL gone (connection refused/reset, admin shutdown, crash recovery): the desk retries later.
  if (typeof code === 'string' && (/^(ECONN|EPIPE|ETIMEDOUT)/.test(code) || /^(57P|08)/.test(code))) {
    return { code: 'internal', message: 'the team database is unavailable; the desk keeps the changes and retries' };
  }
  if (error instanceof Error && /Connection terminated|connect ECONNREFUSED|Client has encountered a connection error/.test(error.message)) {
    return { code: 'internal', message: 'the team database is unavailable; the desk keeps the changes and retries' };
  }
  console.error('[team] request failed:', error);
  return { code: 'internal', message: 'the team server hit an unexpected error (written to its log)' };
}

function sendError(response: ServerResponse, error: unknown) {
  const shape = errorShape(error);
  const status = shape.message.startsWith('the team database is unavailable') ? 503 : STATUS[shape.code];
  sendJson(response, status, { error: shape });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendJsonText(response, status, JSON.stringify(body));
}

function sendJsonText(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
