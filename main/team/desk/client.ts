// The desk's HTTP and WebSocket client of the team server (protocol in ../protocol.ts).
import WebSocket from 'ws';
import type { DeskErrorShape } from '../../../shared/contract/index.js';
import {
  TEAM_PATHS,
  type CallResponse,
  type LiveNotice,
  type PullResponse,
  type PushResponse,
  type RecordsResponse,
  type SignInRequest,
  type SignInResponse,
  type TeamCommand,
} from '../protocol.js';
import { teamTransport, type TeamAnswer, type TeamRequest } from './transport.js';

const TIMEOUT_MS = 10_000;

/** The server could not be reached (or answered nothing usable): the desk is offline. */
export class Unreachable extends Error {}

/** The server answered with a refusal. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly shape: DeskErrorShape,
  ) {
    super(shape.message);
  }
}

export interface TeamClient {
  readonly url: string;
  signIn(request: SignInRequest): Promise<SignInResponse>;
  push(token: string, commands: TeamCommand[]): Promise<PushResponse>;
  pull(token: string, after: number, limit?: number): Promise<PullResponse>;
  call(token: string, call: string, input: unknown): Promise<CallResponse>;
  /** Whole cases as of the server's head (for cases back in this desk's working set). */
  records(token: string, entity: 'cases', ids: string[]): Promise<RecordsResponse>;
  /** Sends a file's bytes (stored once per SHA-256). */
  putFile(token: string, sha256: string, bytes: Buffer): Promise<void>;
  /** A file another desk sent; null when the server has none. */
  getFile(token: string, sha256: string): Promise<Buffer | null>;
  /** Opens the live notices; returns a close function. onClose fires once when it ends. */
  live(token: string, onNotice: (notice: LiveNotice) => void, onClose: () => void): () => void;
}

export function teamClient(baseUrl: string): TeamClient {
  const base = baseUrl.replace(/\/+$/, '');
  const transport = teamTransport(base);

  async function exchange(path: string, request: TeamRequest): Promise<TeamAnswer> {
    try {
      return await transport(path, request);
    } catch (error) {
      throw new Unreachable(`the team server at ${base} cannot be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function request<T>(path: string, init: { method: 'GET' | 'POST'; token?: string; body?: unknown }): Promise<T> {
    const response = await exchange(path, {
      method: init.method,
      headers: {
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      timeoutMs: TIMEOUT_MS,
    });
    let body: unknown;
    try {
      body = JSON.parse(response.body.toString('utf8'));
    } catch {
      throw new Unreachable(`the team server at ${base} answered ${response.status} without JSON`);
    }
    if (response.status >= 200 && response.status < 300) return body as T;
    const shape = (body as { error?: DeskErrorShape }).error;
    if (!shape || response.status >= 502) throw new Unreachable(`the team server at ${base} answered ${response.status}`);
    throw new Refused(response.status, shape);
  }

  return {
    url: base,
    signIn: (body) => request(TEAM_PATHS.signIn, { method: 'POST', body }),
    push: (token, commands) => request(TEAM_PATHS.push, { method: 'POST', token, body: { commands } }),
    pull: (token, after, limit = 500) => request(`${TEAM_PATHS.pull}?after=${after}&limit=${limit}`, { method: 'GET', token }),
    call: (token, call, input) => request(TEAM_PATHS.call, { method: 'POST', token, body: { call, input } }),
    records: (token, entity, ids) => request(TEAM_PATHS.records, { method: 'POST', token, body: { entity, ids } }),
    async putFile(token, sha256, bytes) {
      const response = await exchange(`${TEAM_PATHS.files}${sha256}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' },
        body: bytes,
        timeoutMs: TIMEOUT_MS * 6,
      });
      if (response.status !== 200) throw new Unreachable(`the team server at ${base} refused a file (${response.status})`);
    },
    async getFile(token, sha256) {
      const response = await exchange(`${TEAM_PATHS.files}${sha256}`, { method: 'GET', headers: { Authorization: `Bearer ${token}` }, timeoutMs: TIMEOUT_MS * 6 });
      if (response.status === 404) return null;
      if (response.status !== 200) throw new Unreachable(`the team server at ${base} answered ${response.status} for a file`);
      return response.body;
    },
    live(token, onNotice, onClose) {
      const socket = new WebSocket(`${base.replace(/^http/, 'ws')}${TEAM_PATHS.live}`, { headers: { Authorization: `Bearer ${token}` } });
      let closed = false;
      const end = () => {
        if (closed) return;
        closed = true;
        onClose();
      };
      socket.on('message', (data) => {
        try {
          const notice = JSON.parse(String(data)) as LiveNotice;
          if (notice.type === 'position') onNotice(notice);
        } catch {
          // not a notice: ignore
        }
      });
      socket.on('close', end);
      socket.on('error', end);
      return () => {
        socket.removeAllListeners('message');
        socket.terminate();
        end();
      };
    },
  };
}
