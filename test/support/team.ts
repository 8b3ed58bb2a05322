// A real team server on a real PostgreSQL for tests and benchmarks, and a plain HTTP client of
// its wire protocol (main/team/protocol.ts), so tests see exactly what a desk sees.
import { spawn, type ChildProcess } from 'node:child_process';
import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { CallInput, CallName } from '../../shared/contract/index.js';
import {
  TEAM_PATHS,
  type CallResponse,
  type CommandResult,
  type PullResponse,
  type SignInResponse,
  type TeamCommand,
  type TeamEvent,
} from '../../main/team/protocol.js';
import { teamTransport, type TeamTransport } from '../../main/team/desk/transport.js';

export const TEAM_PASSWORD = 'correct horse battery';
const ROOT = join(import.meta.dirname, '..', '..');

export class TeamHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`team server answered ${status}: ${JSON.stringify(body)}`);
  }
}

/** One kept-alive transport per server address, the desk's own (tests may point a client elsewhere). */
const transports = new Map<string, TeamTransport>();

async function request<T>(base: string, path: string, init: { token?: string; body?: unknown; headers?: (headers: IncomingHttpHeaders) => void } = {}): Promise<T> {
  let transport = transports.get(base);
  if (!transport) transports.set(base, (transport = teamTransport(base)));
  const response = await transport(path, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    timeoutMs: 60_000,
  });
  init.headers?.(response.headers);
  const body = JSON.parse(response.body.toString('utf8')) as T;
  if (response.status < 200 || response.status > 299) throw new TeamHttpError(response.status, body);
  return body;
}

/** One desk's view of the team: its sign-in, its commands, its pull cursor and what it pulled. */
export class TeamDeskClient {
  token = '';
  username = '';
  deskCode = '';
  cursor = 0;
  readonly pulled: TeamEvent[] = [];
  /** The last push's Server-Timing phases in ms (wait, run, commit): the server's own share of it. */
  serverTiming: Record<string, number> = {};

  constructor(
    public base: string,
    readonly deskId = randomUUID(),
  ) {}

  async signIn(username: string, password = TEAM_PASSWORD): Promise<SignInResponse> {
    const answer = await request<SignInResponse>(this.base, TEAM_PATHS.signIn, { body: { username, password, deskId: this.deskId } });
    this.token = answer.token;
    this.username = answer.operator.username;
    this.deskCode = answer.deskCode;
    return answer;
  }

  command<N extends CallName>(call: N, input: CallInput<N>, at = new Date().toISOString()): TeamCommand {
    return { commandId: randomUUID(), call, input, operator: this.username, at, baseCursor: this.cursor };
  }

  async push(...commands: TeamCommand[]): Promise<CommandResult[]> {
    const headers = (h: IncomingHttpHeaders) => {
      this.serverTiming = Object.fromEntries([...String(h['server-timing'] ?? '').matchAll(/(\w+);dur=([\d.]+)/g)].map((m) => [m[1]!, Number(m[2])]));
    };
    return (await request<{ results: CommandResult[] }>(this.base, TEAM_PATHS.push, { token: this.token, body: { commands }, headers })).results;
  }

  /** Pushes one command and returns its value, failing on a refusal. */
  async ok<N extends CallName>(call: N, input: CallInput<N>, at?: string): Promise<unknown> {
    const [result] = await this.push(this.command(call, input, at));
    if (!result?.ok) throw new Error(`${call} refused: ${JSON.stringify(result)}`);
    return result.value;
  }

  async pullOnce(limit = 500): Promise<PullResponse> {
    const answer = await request<PullResponse>(this.base, `${TEAM_PATHS.pull}?after=${this.cursor}&limit=${limit}`, { token: this.token });
    this.pulled.push(...answer.events);
    this.cursor = answer.last;
    return answer;
  }

  /** Pulls until the cursor reaches the head the server reported. */
  async pullAll(): Promise<void> {
    for (;;) {
      const answer = await this.pullOnce();
      if (answer.last >= answer.head) return;
    }
  }

  call(call: string, input: unknown): Promise<CallResponse> {
    return request<CallResponse>(this.base, TEAM_PATHS.call, { token: this.token, body: { call, input } });
  }
}

export const setUpTeam = (base: string, username = 'boss') =>
  request(base, TEAM_PATHS.setUp, { body: { username, displayName: username, password: TEAM_PASSWORD } });

export interface TeamProcess {
  url: string;
  child: ChildProcess;
  /** Ends the process: SIGTERM by default, SIGKILL for a crash. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `npm run team -- --database URL …` as its own process (node + tsx, as the script runs it);
 * resolves once it prints its address. `nodeArgs` go to node itself (e.g. `--cpu-prof`).
 */
export function spawnTeamServer(databaseUrl: string, extra: string[] = [], nodeArgs: string[] = []): Promise<TeamProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(ROOT, 'main', 'team', 'server', 'index.ts'), '--database', databaseUrl, ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    if (process.env.TEAM_TRACE) process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Team server at (\S+)/.exec(out);
      if (match) {
        resolve({
          url: match[1]!,
          child,
          async kill(signal = 'SIGTERM') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`team server exited (${code}) before it was ready: ${errors}`)));
  });
}
