// A real PostgreSQL and one in-process team server on it, with the manager `mgr`, the given
// agents and one customer: the start of the desk-side team tests.
import type { CallInput } from '../../shared/contract/index.js';
import { startTeamServer, type TeamServer } from '../../main/team/server/team-server.js';
import { startPostgres, type TestPostgres } from './postgres.js';

export async function startCenter(setUp: {
  password: string;
  agents: string[];
  customer: CallInput<'customers.create'>;
  /** The server's clock (e.g. one a test turns back to make old cases). */
  clock?: () => Date;
}): Promise<{ postgres: TestPostgres; server: TeamServer }> {
  const postgres = await startPostgres();
  const server = await startTeamServer({ databaseUrl: await postgres.createDatabase(), port: 0, slaIntervalMs: 0, ...(setUp.clock ? { clock: setUp.clock } : {}) });
  const { password } = setUp;
  await server.center.setUp({ username: 'mgr', displayName: 'Manager', password });
  await server.center.transact(async () => {
    const manager = server.center.desk.connect();
    await server.center.desk.dispatch(manager, 'session.signIn', { username: 'mgr', password });
    for (const username of setUp.agents) await server.center.desk.dispatch(manager, 'operators.create', { username, displayName: username, password, role: 'agent' });
    await server.center.desk.dispatch(manager, 'customers.create', setUp.customer);
  });
  return { postgres, server };
}
