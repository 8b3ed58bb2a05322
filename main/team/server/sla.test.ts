// One SLA monitor per center: two server processes on one database both tick, only the holder
// of the advisory lock records the breach (once); when it goes, the other takes over.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../../test/support/postgres.js';
import { setUpTeam, TEAM_PASSWORD, TeamDeskClient } from '../../../test/support/team.js';
import { startTeamServer, type TeamServer } from './team-server.js';

let clock = Date.parse('2026-05-04T06:00:00Z'); // the work-order tests' instant: a VIP SEV-1 first response is due in 10 min
let postgres: TestPostgres;
let first: TeamServer;
let second: TeamServer;

beforeAll(async () => {
  postgres = await startPostgres();
  const databaseUrl = await postgres.createDatabase();
  [first, second] = await Promise.all(
    [0, 1].map(() => startTeamServer({ databaseUrl, slaIntervalMs: 0, clock: () => new Date(clock) })),
  ) as [TeamServer, TeamServer];
}, 120_000);

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
  await postgres?.stop();
});

it('escalates a breach once across two processes, and the other process takes over when the first stops', async () => {
  await setUpTeam(first.url);
  const manager = new TeamDeskClient(first.url);
  await manager.signIn('boss');
  const at = () => new Date(clock).toISOString();
  await manager.ok('operators.create', { username: 'wang', displayName: 'Wang', password: TEAM_PASSWORD, role: 'agent' }, at());
  const agent = new TeamDeskClient(second.url);
  await agent.signIn('wang');
  await agent.ok('customers.create', { account: 'bigco-01', name: 'BigCo', vip: true, region: 'cn-beijing', contacts: [{ name: 'B' }] }, at());
  const workOrder = async () =>
    (await agent.ok(
      'workOrders.create',
      {
        customerAccount: 'bigco-01',
        summary: 'ECS instances unreachable since 14:00',
        severity: 'SEV-1',
        businessImpact: 'checkout down for every user',
        evidence: ['ECS-5003 at 14:02'],
        stepsTried: ['restarted the instance'],
      },
      at(),
    )) as { id: string };

  const wo = await workOrder();
  clock += 11 * 60_000;
  const passes = await Promise.all([first.slaTick(), second.slaTick(), first.slaTick(), second.slaTick()]);
  expect(passes.flat()).toEqual([wo.id]);

  await manager.pullAll();
  const breaches = manager.pulled.filter((e) => e.action === 'work-order.sla-breached');
  expect(breaches.map((e) => ({ actor: e.actor, id: e.changes[0]?.id }))).toEqual([{ actor: 'system', id: wo.id }]);

  const holder = passes[0]!.length > 0 ? first : second;
  const other = holder === first ? second : first;
  await holder.close();
  const wo2 = await (async () => {
    agent.base = other.url;
    return workOrder();
  })();
  clock += 11 * 60_000;
  // The lock goes with the holder's connection; PostgreSQL frees it once that backend has ended.
  await expect.poll(() => other.slaTick(), { timeout: 10_000 }).toEqual([wo2.id]);
}, 120_000);
