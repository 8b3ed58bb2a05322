// Claims and transfers through the team server on a real PostgreSQL: the server re-runs the
// desk's own handlers, so the second of two desks claiming one case is refused naming the owner,
// and every desk pulls who has the case now.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../../test/support/postgres.js';
import { setUpTeam, TEAM_PASSWORD, TeamDeskClient } from '../../../test/support/team.js';
import { startTeamServer, type TeamServer } from './team-server.js';
import { workOrderInput } from '../../server/workspace/test-fixtures.js';

const NOW = '2026-05-06T02:00:00.000Z';
let postgres: TestPostgres;
let server: TeamServer;
let wang: TeamDeskClient;
let zhao: TeamDeskClient;
let li: TeamDeskClient;

beforeAll(async () => {
  postgres = await startPostgres();
  server = await startTeamServer({ databaseUrl: await postgres.createDatabase(), slaIntervalMs: 0, clock: () => new Date(NOW) });
  await setUpTeam(server.url);
  const manager = new TeamDeskClient(server.url);
  await manager.signIn('boss');
  for (const [username, level] of [['wang', 'L1'], ['zhao', 'L1'], ['li', 'L2']] as const) {
    await manager.ok('operators.create', { username, displayName: username, password: TEAM_PASSWORD, role: 'agent', level }, NOW);
  }
  [wang, zhao, li] = await Promise.all(
    ['wang', 'zhao', 'li'].map(async (username) => {
      const desk = new TeamDeskClient(server.url);
      await desk.signIn(username);
      return desk;
    }),
  ) as [TeamDeskClient, TeamDeskClient, TeamDeskClient];
  await wang.ok('customers.create', { account: 'acme-01', name: 'Acme', region: 'cn-hangzhou', contacts: [{ name: 'Alice', phone: '+8613800000001' }] }, NOW);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await postgres?.stop();
});

const ownerOf = (id: string) => server.center.store.get<{ id: string; owner: string | null; level: string }>('cases', id);

it('refuses the second of two desks claiming one case, naming who has it; a transfer reaches every desk', async () => {
  const wo = (await wang.ok('workOrders.create', workOrderInput(), NOW)) as { id: string };
  await wang.ok('cases.release', { id: wo.id, reason: 'end of shift' }, NOW);
  await Promise.all([wang.pullAll(), zhao.pullAll()]);

  // Both desks saw it waiting in the L1 queue; zhao's claim arrives first.
  const first = zhao.command('cases.claim', { id: wo.id }, NOW);
  const second = wang.command('cases.claim', { id: wo.id }, NOW);
  const [won] = await zhao.push(first);
  const [lost] = await wang.push(second);
  expect(won).toMatchObject({ ok: true });
  expect(lost).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id', message: `${wo.id} is already claimed by zhao` } });
  expect(ownerOf(wo.id)).toMatchObject({ owner: 'zhao', level: 'L1' });

  await zhao.ok('cases.transfer', { id: wo.id, operator: 'li', reason: 'li knows ECS networking' }, NOW);
  await li.pullAll();
  const moved = li.pulled.filter((e) => e.action === 'case.transferred');
  expect(moved).toHaveLength(1);
  expect(moved[0]).toMatchObject({ actor: 'zhao', reason: 'li knows ECS networking' });
  expect(JSON.stringify(moved[0])).toContain('"owner":"li"');
  expect(ownerOf(wo.id)).toMatchObject({ owner: 'li', level: 'L2' });
});
