// A team-server process: PostgreSQL pool + migrations, the center, the HTTP API, live notices
// from LISTEN/NOTIFY, and the center's one SLA monitor (whoever holds the advisory lock).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startSlaMonitor } from '../../server/work-orders/sla-monitor.js';
import { TeamCenter } from './center.js';
import { NOTIFY_CHANNEL } from './event-log.js';
import { startTeamHttp, type TeamHttp } from './http.js';
import { migrate } from './schema.js';
import { MAIL_LOCK, pgSecretStore, startCenterMail } from './mail.js';
import type { FetchResult } from '../../server/mail/fetcher.js';

const SLA_LOCK = 7_311_002;
const RECONNECT_MS = 1000;

export interface TeamServerOptions {
  databaseUrl: string;
  host?: string;
  port?: number;
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** SLA monitor period; 0 runs none in this process. */
  slaIntervalMs?: number;
  /** Mailbox round period (default 60 s); 0 fetches only on fetchMail(). */
  mailIntervalMs?: number;
  clock?: () => Date;
  poolSize?: number;
  /** Committed events this process keeps in memory (default 5,000); older ones are read from PostgreSQL. */
  eventsInMemory?: number;
}

export interface TeamServer {
  url: string;
  port: number;
  serverId: string;
  center: TeamCenter;
  /** One SLA pass now if this process holds the center's SLA lock; returns the breached ids. */
  slaTick(): Promise<string[]>;
  /** One mailbox round now if this process holds the center's mail lock. */
  fetchMail(): Promise<FetchResult>;
  close(): Promise<void>;
}

export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const serverId = randomUUID();
  // Connections are kept open: a new PostgreSQL backend per burst costs more than the work.
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, idleTimeoutMillis: 0 });
  const writePool = new pg.Pool({ connectionString: options.databaseUrl, max: 1, idleTimeoutMillis: 0 });
  // An idle client losing its server (PostgreSQL restarted) must not take the process down.
  // Nor one in use: its query fails (the desk retries) and the broken connection is dropped.
  for (const p of [pool, writePool]) {
    p.on('error', (error) => console.error(`[team] database connection lost: ${error.message}`));
    p.on('connect', (client) => client.on('error', () => undefined));
  }
  const schemaVersion = await migrate(pool);
  const center = await TeamCenter.open({ pool, writePool, clock: options.clock, secrets: pgSecretStore(pool), eventsInMemory: options.eventsInMemory });
  const http = await startTeamHttp({ center, serverId, schemaVersion, host: options.host, port: options.port, tls: options.tls });
  const listener = keepListening(options.databaseUrl, http, center);
  const monitor = startSlaMonitor(center.desk.services, { autoStart: false });
  const slaLock = advisoryLock(options.databaseUrl, SLA_LOCK);

  const slaTick = async () => ((await slaLock.held()) ? center.runSystem(() => monitor.tick()) : []);
  const interval = options.slaIntervalMs ?? 15_000;
  const timer = interval > 0 ? setInterval(() => slaTick().catch((e: Error) => console.error(`[team] SLA pass failed: ${e.message}`)), interval) : undefined;
  timer?.unref();
  const mailLock = advisoryLock(options.databaseUrl, MAIL_LOCK);
  const mail = startCenterMail(center, mailLock, options.mailIntervalMs);

  let closing: Promise<void> | undefined;
  return {
    url: http.url,
    port: http.port,
    serverId,
    center,
    slaTick,
    fetchMail: () => mail.fetchNow(),
    close() {
      closing ??= (async () => {
        if (timer) clearInterval(timer);
        await mail.stop();
        await mailLock.close();
        await http.close();
        await listener.close();
        await slaLock.close();
        await Promise.all([pool.end(), writePool.end()]);
      })();
      return closing;
    },
  };
}

/** LISTEN on a dedicated connection, reconnecting; after a reconnect the current head is re-announced. */
function keepListening(url: string, http: TeamHttp, center: TeamCenter) {
  let client: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      const position = Number(message.payload);
      if (!Number.isSafeInteger(position)) return;
      center.noticed(position);
      http.broadcast(position);
    });
    next.on('error', () => retry(next));
    next.on('end', () => retry(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${NOTIFY_CHANNEL}`);
      client = next;
      const { rows } = await next.query<{ value: string }>("SELECT value FROM counters WHERE name = 'position'");
      http.broadcast(Number(rows[0]!.value));
    } catch {
      retry(next);
    }
  };
  const retry = (failed: pg.Client) => {
    failed.end().catch(() => undefined);
    if (client === failed) client = undefined;
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, RECONNECT_MS);
    timer.unref();
  };
  void connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => undefined);
    },
  };
}

/** A session-level advisory lock on its own connection: held until this process or its connection ends. */
function advisoryLock(url: string, key: number) {
  let client: pg.Client | undefined;
  let holding = false;
  let trying: Promise<boolean> | undefined;
  const attempt = async (): Promise<boolean> => {
    if (client && holding) return true;
    try {
      if (!client) {
        const next = new pg.Client({ connectionString: url });
        next.on('error', () => {
          holding = false;
          if (client === next) client = undefined;
          next.end().catch(() => undefined);
        });
        await next.connect();
        client = next;
      }
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [key]);
      holding = rows[0]!.locked;
    } catch {
      holding = false;
    }
    return holding;
  };
  return {
    /** One attempt at a time: two at once would open two sessions, and one could keep the lock unseen. */
    held(): Promise<boolean> {
      trying ??= attempt().finally(() => (trying = undefined));
      return trying;
    },
    async close() {
      await trying;
      await client?.end().catch(() => undefined);
    },
  };
}
