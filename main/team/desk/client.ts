// The desk's HTTP and WebSocket client of the team server (protocol in ../protocol.ts).
import WebSocket from 'ws';
import type { DeskErrorShape } from '../../../shared/contract/index.js';
import {
  TEAM_PATHS,
  type CallResponse,
  type LiveNotice,
  type PullResponse,
  type PushResponse,
  type SignInRequest,
  type SignInResponse,
  type TeamCommand,
} from '../protocol.js';

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
  /** Opens the live notices; returns a close function. onClose fires once when it ends. */
  live(token: string, onNotice: (notice: LiveNotice) => void, onClose: () => void): () => void;
}

export function teamClient(baseUrl: string): TeamClient {
  const base = baseUrl.replace(/\/+$/, '');

  async function request<T>(path: string, init: { method: 'GET' | 'POST'; token?: string; body?: unknown }): Promise<T> {
    let response: Response;
    try {
      response = await fetch(base + path, {
        method: init.method,
        headers: {
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new Unreachable(`the team server at ${base} cannot be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new Unreachable(`the team server at ${base} answered ${response.status} without JSON`);
    }
    if (response.ok) return body as T;
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
