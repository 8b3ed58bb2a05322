// A real team server for browser tests: PostgreSQL from test/support/postgres.ts, the center
// seeded in-process (operators, customers, orders); the tests then spawn `npm run team` with
// test/support/team.ts's spawnTeamServer, as a user runs it.
import type { StoredRecord } from '../../../main/store/index.js';
import { startTeamServer } from '../../../main/team/server/team-server.js';

export interface SeedCall {
  call: string;
  /** Or made from the answers of the calls before it (e.g. the id of a case opened just before). */
  input: unknown | ((earlier: unknown[]) => unknown);
}

/**
 * Runs the calls as the first manager (created here) in one transaction, and appends the records
 * as one system event. `clock`: the server's time while seeding (turned back to make old cases).
 */
export async function seedCenter(
  databaseUrl: string,
  manager: { username: string; displayName: string; password: string },
  calls: SeedCall[],
  records: Array<{ entity: string; record: StoredRecord }>,
  options: { clock?: () => Date } = {},
) {
  const server = await startTeamServer({ databaseUrl, port: 0, slaIntervalMs: 0, ...(options.clock ? { clock: options.clock } : {}) });
  try {
    const { center } = server;
    await center.setUp(manager);
    await center.transact(async () => {
      const connection = center.desk.connect();
      const signIn = await center.desk.dispatch(connection, 'session.signIn', { username: manager.username, password: manager.password });
      if (!signIn.ok) throw new Error(`seed sign-in: ${signIn.error.message}`);
      const answers: unknown[] = [];
      for (const { call, input } of calls) {
        const outcome = await center.desk.dispatch(connection, call, typeof input === 'function' ? input(answers) : input);
        if (!outcome.ok) throw new Error(`seed ${call}: ${outcome.error.message}`);
        answers.push(outcome.value);
      }
      if (records.length > 0) {
        center.store.append({ actor: 'e2e', action: 'orders.imported', changes: records.map(({ entity, record }) => ({ entity, id: record.id, op: 'put' as const, record })) });
      }
    });
  } finally {
    await server.close();
  }
}
