// A real team server for browser tests: PostgreSQL from test/support/postgres.ts, the center
// seeded in-process (operators, customers, orders); the tests then spawn `npm run team` with
// test/support/team.ts's spawnTeamServer, as a user runs it.
import type { StoredRecord } from '../../../main/store/index.js';
import { startTeamServer } from '../../../main/team/server/team-server.js';

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
