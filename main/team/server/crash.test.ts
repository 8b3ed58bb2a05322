// Failures on the way: a team server killed (-9) in the middle of a push, PostgreSQL restarted
// under load, the connection cut in the middle of a pull. Desks retry the same commands and
// pull again from their cursor: no event is lost and none is applied twice.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startPostgres, type TestPostgres } from '../../../test/support/postgres.js';
import { setUpTeam, spawnTeamServer, TEAM_PASSWORD, TeamDeskClient, type TeamProcess } from '../../../test/support/team.js';
import { TEAM_PATHS, type CommandResult, type LiveNotice, type TeamCommand } from '../protocol.js';

let postgres: TestPostgres;
let databaseUrl: string;
let server: TeamProcess;
let desk: TeamDeskClient;
let manager: TeamDeskClient;

beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = await postgres.createDatabase();
  server = await spawnTeamServer(databaseUrl, ['--sla-interval-ms', '0']);
  await setUpTeam(server.url);
  manager = new TeamDeskClient(server.url);
  await manager.signIn('boss');
  await manager.ok('operators.create', { username: 'agent1', displayName: 'Agent', password: TEAM_PASSWORD, role: 'agent' });
  desk = new TeamDeskClient(server.url);
  await desk.signIn('agent1');
}, 120_000);

afterAll(async () => {
  await server?.kill();
  await postgres?.stop();
});

const customers = (prefix: string, n: number): TeamCommand[] =>
  Array.from({ length: n }, (_, i) => desk.command('customers.create', { account: `${prefix}-${i}`, name: `客户 ${i}`, region: 'cn-shenzhen', contacts: [{ name: 'C' }] }));

/** What a desk's outbox does: push the same commands again until the server answers. */
async function pushUntilAnswered(client: TeamDeskClient, commands: TeamCommand[]): Promise<CommandResult[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.push(...commands);
    } catch (error) {
      if (attempt > 200) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A fresh desk's full pull: every position 1…head once, and each command's events once. */
async function expectLogIntact(commands: TeamCommand[]) {
  const reader = new TeamDeskClient(server.url);
  reader.token = manager.token;
  await reader.pullAll();
  const head = reader.cursor;
  expect(reader.pulled.map((e) => e.position)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
  const wanted = new Set(commands.map((c) => c.commandId));
  const applied = reader.pulled.filter((e) => e.commandId && wanted.has(e.commandId)).map((e) => e.commandId);
  expect(applied.length).toBe(wanted.size); // each customers.create is one event
  expect(new Set(applied).size).toBe(wanted.size);
}

it('survives kill -9 in the middle of a push: the retried push applies each command once', async () => {
  const all: TeamCommand[] = [];
  for (const delayMs of [0, 15, 60]) {
    const commands = customers(`kill${delayMs}`, 150);
    all.push(...commands);
    const inFlight = desk.push(...commands).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    await server.kill('SIGKILL');
    await inFlight; // answered in time, or cut off: the desk cannot know which, so it pushes again
    server = await spawnTeamServer(databaseUrl, ['--sla-interval-ms', '0']);
    desk.base = manager.base = server.url; // the same tokens work: sessions live in PostgreSQL
    const results = await pushUntilAnswered(desk, commands);
    expect(results.every((r) => r.ok)).toBe(true);
    // Pushed a third time: every answer is the stored one.
    expect((await desk.push(...commands)).every((r) => r.replayed === true)).toBe(true);
  }
  await expectLogIntact(all);
}, 180_000);

it('survives a PostgreSQL crash restart under pushes, and live notices resume after it', async () => {
  const live = new WebSocket(`${server.url.replace(/^http/, 'ws')}${TEAM_PATHS.live}`, { headers: { authorization: `Bearer ${desk.token}` } });
  const notices: number[] = [];
  live.on('message', (data) => notices.push((JSON.parse(String(data)) as LiveNotice).position));
  await new Promise((resolve) => live.once('open', resolve));

  const commands = customers('pgrestart', 60);
  const pushing = (async () => {
    for (let i = 0; i < commands.length; i += 3) {
      const results = await pushUntilAnswered(desk, commands.slice(i, i + 3));
      expect(results.every((r) => r.ok)).toBe(true);
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await postgres.restart('immediate');
  await pushing;
  await expectLogIntact(commands);

  // The LISTEN connection came back by itself: a new write is announced on the same socket.
  const [after] = await pushUntilAnswered(desk, customers('after-restart', 1));
  await expect.poll(() => notices.at(-1), { timeout: 10_000 }).toBe((after as { position: number }).position);
  live.close();
}, 180_000);

it('loses nothing when the connection is cut in the middle of a pull', async () => {
  // A proxy that cuts the first pull responses after a few bytes of the body.
  let cuts = 3;
  const proxy: Server = createServer((downstream: Socket) => {
    const upstream = connect(Number(new URL(server.url).port), '127.0.0.1');
    downstream.pipe(upstream);
    let sent = 0;
    let cutThis = false;
    downstream.once('data', (chunk: Buffer) => {
      cutThis = chunk.toString().startsWith(`GET ${TEAM_PATHS.pull}`) && cuts-- > 0;
    });
    upstream.on('data', (chunk: Buffer) => {
      if (cutThis && sent + chunk.length > 1500) {
        downstream.write(chunk.subarray(0, Math.max(0, 1500 - sent)));
        downstream.destroy();
        upstream.destroy();
        return;
      }
      sent += chunk.length;
      downstream.write(chunk);
    });
    upstream.on('end', () => downstream.end());
    upstream.on('error', () => downstream.destroy());
    downstream.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const reader = new TeamDeskClient(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
  reader.token = manager.token;
  let failures = 0;
  for (;;) {
    try {
      const answer = await reader.pullOnce(50);
      if (answer.last >= answer.head) break;
    } catch (error) {
      if (++failures > 10) throw error; // the cursor moves only with a whole answer: pull again from it
    }
  }
  proxy.close();
  expect(failures).toBe(3);
  const head = reader.cursor;
  expect(head).toBeGreaterThan(450);
  expect(reader.pulled.map((e) => e.position)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
}, 120_000);
