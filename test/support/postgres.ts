// A real PostgreSQL 15 for tests and benchmarks: initdb in a temp directory owned by the
// `postgres` user (initdb refuses to run as root), pg_ctl on a free loopback port.
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const USER = 'desk';

export interface TestPostgres {
  /** postgres://desk@127.0.0.1:PORT/DATABASE (default database `desk`). */
  url(database?: string): string;
  readonly port: number;
  /** The server's data directory (postmaster.pid names its process). */
  readonly dataDir: string;
  /** A fresh empty database on this server; returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stops and starts the server on the same port and data; `immediate` is a crash stop (recovery on start). */
  restart(mode?: 'fast' | 'immediate'): Promise<void>;
  stopServer(mode?: 'fast' | 'immediate'): Promise<void>;
  startServer(): Promise<void>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Runs a PostgreSQL binary as the postgres user when we are root, else as ourselves. */
const asPostgres = (binary: string, args: string[]) =>
  process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', join(BIN, binary), ...args]) : run(join(BIN, binary), args);

/** `durable: true` keeps fsync on (benchmarks); tests run without it, which changes no result. */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = await postgresIds();
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const dataDir = join(dir, 'db');
  await asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', USER, '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${options.durable ? 'on' : 'off'} -c max_connections=300`;
  const startServer = async () => {
    await asPostgres('pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  };
  const stopServer = async (mode: 'fast' | 'immediate' = 'fast') => {
    await asPostgres('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']);
  };
  await startServer();
  const url = (database = USER) => `postgres://${USER}@127.0.0.1:${port}/${database}`;
  let created = 0;
  await withClient(url('postgres'), (client) => client.query(`CREATE DATABASE ${USER}`));

  return {
    port,
    dataDir,
    url,
    async createDatabase(name = `t${process.pid}_${++created}_${Date.now().toString(36)}`) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      await withClient(url('postgres'), (client) => client.query(`CREATE DATABASE ${name}`));
      return url(name);
    },
    startServer,
    stopServer,
    async restart(mode = 'fast') {
      await stopServer(mode);
      await startServer();
    },
    async stop() {
      await stopServer('fast').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
