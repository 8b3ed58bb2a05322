// The ordering proof: two team-server processes on one PostgreSQL, many desks pushing at once
// and pullers reading small pages all the while. Every puller must end with every event exactly
// once, at positions 1…head in order, and every pushed command must be in the log exactly once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../../test/support/postgres.js';
import { setUpTeam, spawnTeamServer, TEAM_PASSWORD, TeamDeskClient, type TeamProcess } from '../../../test/support/team.js';

const PUSHERS = 8;
const COMMANDS_EACH = 30;
const PULLERS = 4;

let postgres: TestPostgres;
let servers: TeamProcess[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  const url = await postgres.createDatabase();
  servers = await Promise.all([spawnTeamServer(url, ['--sla-interval-ms', '0']), spawnTeamServer(url, ['--sla-interval-ms', '0'])]);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill()));
  await postgres?.stop();
});

it('gives every puller every event exactly once and in order, under concurrent pushes through two processes', async () => {
  await setUpTeam(servers[0]!.url);
  const manager = new TeamDeskClient(servers[1]!.url);
  await manager.signIn('boss');
  for (let i = 0; i < PUSHERS; i++) await manager.ok('operators.create', { username: `agent${i}`, displayName: `Agent ${i}`, password: TEAM_PASSWORD, role: 'agent' });
  const pushers = await Promise.all(
    Array.from({ length: PUSHERS }, async (_, i) => {
      const desk = new TeamDeskClient(servers[i % 2]!.url);
      await desk.signIn(`agent${i}`);
      return desk;
    }),
  );
  const pullers = await Promise.all(
    Array.from({ length: PULLERS }, async (_, i) => {
      const desk = new TeamDeskClient(servers[(i + 1) % 2]!.url);
      await desk.signIn('boss');
      return desk;
    }),
  );

  const pushed: string[] = [];
  let pushing = true;
  const pushAll = Promise.all(
    pushers.map(async (desk, d) => {
      for (let n = 0; n < COMMANDS_EACH; ) {
        const batch = Array.from({ length: Math.min(1 + ((n + d) % 3), COMMANDS_EACH - n) }, () => {
          const account = `d${d}-c${n++}`;
          return desk.command('customers.create', { account, name: `Customer ${account}`, region: 'cn-shanghai', contacts: [{ name: 'Contact' }] });
        });
        const results = await desk.push(...batch);
        for (const result of results) {
          if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
          pushed.push(result.commandId);
        }
      }
    }),
  ).finally(() => (pushing = false));
  const pullAll = Promise.all(
    pullers.map(async (desk) => {
      // Small pages while writers commit: a reader that skipped an in-flight position would lose it for ever.
      while (pushing) await desk.pullOnce(7);
      await desk.pullAll();
    }),
  );
  await Promise.all([pushAll, pullAll]);

  const head = (await pullers[0]!.pullOnce()).head;
  const setUpEvents = 1 + PUSHERS; // desk.setUp + one operator.created per agent
  expect(head).toBe(setUpEvents + PUSHERS * COMMANDS_EACH);
  for (const desk of pullers) {
    await desk.pullAll();
    expect(desk.pulled.map((e) => e.position)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    const commandIds = desk.pulled.map((e) => e.commandId).filter((id): id is string => id !== null);
    expect(new Set(commandIds).size).toBe(commandIds.length);
    expect(new Set(commandIds.filter((id) => pushed.includes(id))).size).toBe(PUSHERS * COMMANDS_EACH);
  }
}, 180_000);
