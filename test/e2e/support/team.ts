// A real team server for browser tests: PostgreSQL from test/support/postgres.ts, the center
// seeded in-process (operators, customers, orders), then `npm run team` spawned as a user runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { StoredRecord } from '../../../main/store/index.js';
import { startTeamServer } from '../../../main/team/server/team-server.js';
import { ROOT } from './browser.js';

export interface SeedCall {
  call: string;
  input: unknown;
}

/** Runs the calls as the first manager (created here) in one transaction, and appends the records as one system event. */
export async function seedCenter(databaseUrl: string, manager: { username: string; displayName: string; password: string }, calls: SeedCall[], records: Array<{ entity: string; record: StoredRecord }>) {
  const server = await startTeamServer({ databaseUrl, port: 0, slaIntervalMs: 0 });
  try {
    const { center } = server;
    await center.setUp(manager);
    await center.transact(async () => {
      const connection = center.desk.connect();
      const signIn = await center.desk.dispatch(connection, 'session.signIn', { username: manager.username, password: manager.password });
      if (!signIn.ok) throw new Error(`seed sign-in: ${signIn.error.message}`);
      for (const { call, input } of calls) {
        const outcome = await center.desk.dispatch(connection, call, input);
        if (!outcome.ok) throw new Error(`seed ${call}: ${outcome.error.message}`);
      }
      if (records.length > 0) {
        center.store.append({ actor: 'e2e', action: 'orders.imported', changes: records.map(({ entity, record }) => ({ entity, id: record.id, op: 'put' as const, record })) });
      }
    });
  } finally {
    await server.close();
  }
}

export interface RunningTeamServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** `npm run team -- --database URL` (through tsx, as the script does); resolves at its ready line. */
export function spawnTeamServer(databaseUrl: string): Promise<RunningTeamServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'main', 'team', 'server', 'index.ts'), '--database', databaseUrl, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => fail(new Error(`team server exited ${code}: ${err}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const match = /^Team server at (http:\/\/127\.0\.0\.1:\d+)/m.exec(out);
      if (!match) return;
      done({
        url: match[1]!,
        process: child,
        stop: () =>
          new Promise((stopped) => {
            child.removeAllListeners('exit');
            child.once('exit', () => stopped());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
