// The next batch runs while the batch before it commits, and is sent chained to it: it commits
// only after that one, and only if that one committed. Held here at PostgreSQL by a connection
// holding the order lock, so both batches are in flight at once; then that connection lets go,
// or answers one of the commands first, or commits a write of its own that ends at the very head
// the second batch expects (as another server process would).
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../../test/support/postgres.js';
import { setUpTeam, TEAM_PASSWORD, TeamDeskClient } from '../../../test/support/team.js';
import type { CommandResult, TeamCommand } from '../protocol.js';
import { startTeamServer, type TeamServer } from './team-server.js';

let postgres: TestPostgres;
let databaseUrl: string;
let server: TeamServer;
let db: pg.Client;
let lock: pg.Client;
const desks: TeamDeskClient[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = await postgres.createDatabase();
  server = await startTeamServer({ databaseUrl, slaIntervalMs: 0 });
  await setUpTeam(server.url);
  const manager = new TeamDeskClient(server.url);
  await manager.signIn('boss');
  await manager.ok('operators.create', { username: 'agent1', displayName: 'agent1', password: TEAM_PASSWORD, role: 'agent' });
  for (let i = 0; i < 2; i++) {
    const desk = new TeamDeskClient(server.url);
    await desk.signIn('agent1');
    desks.push(desk);
  }
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
}, 120_000);

beforeEach(async () => {
  lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  await lock.query("BEGIN; UPDATE counters SET value = value WHERE name = 'position'");
  return () => lock.end();
});

afterAll(async () => {
  await db?.end();
  await server?.close();
  await postgres?.stop();
});

const positionOf = (result: CommandResult | undefined) => (result?.ok ? result.position : undefined);
const call = (desk: TeamDeskClient, summary: string) => desk.command('calls.log', { caller: { name: '来电人' }, channel: 'hotline', category: 'product-function', summary });

async function waitingAtLock(count: number): Promise<void> {
  for (let tries = 0; ; tries++) {
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()");
    if (rows[0]!.n >= count) return;
    if (tries > 600) throw new Error(`${count} writes never waited at the order lock`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Two pushes in flight at once: the second run over the first, both held at the lock. */
async function twoInFlight(): Promise<{ commands: TeamCommand[]; answers: Promise<[CommandResult[], CommandResult[]]> }> {
  const commands = [call(desks[0]!, '第一批'), call(desks[1]!, '第二批')];
  const first = desks[0]!.push(commands[0]!);
  await waitingAtLock(1);
  const second = desks[1]!.push(commands[1]!);
  await waitingAtLock(2);
  return { commands, answers: Promise.all([first, second]) };
}

/** What the server holds in memory is what PostgreSQL holds, and the log is gap-free with each command once. */
async function expectInStep(): Promise<void> {
  const head = Number((await db.query("SELECT value FROM counters WHERE name = 'position'")).rows[0].value);
  expect(server.center.store.position).toBe(head);
  const { rows } = await db.query<{ id: string; data: unknown }>("SELECT id, data FROM records WHERE entity = 'cases' ORDER BY id");
  expect(server.center.store.all('cases').sort((a, b) => a.id.localeCompare(b.id))).toEqual(rows.map((r) => r.data));
  const positions = (await db.query<{ position: string }>('SELECT position FROM events ORDER BY position')).rows.map((r) => Number(r.position));
  expect(positions).toEqual(Array.from({ length: head }, (_, i) => i + 1));
  const commands = (await db.query<{ command_id: string }>('SELECT command_id FROM events WHERE command_id IS NOT NULL')).rows.map((r) => r.command_id);
  expect(new Set(commands).size).toBe(commands.length);
}

it('commits the batch run over one still committing, after it and in one trip each', async () => {
  const { answers } = await twoInFlight();
  await lock.query('ROLLBACK');
  const [[a], [b]] = await answers;
  expect(a?.ok && b?.ok).toBe(true);
  expect(positionOf(b)).toBe(positionOf(a)! + 1);
  expect(desks[1]!.serverTiming.commit).toBeGreaterThan(0); // the chained one-trip write, not the careful way
  await expectInStep();
});

it('runs both again the careful way when the first fails: a command answered meanwhile', async () => {
  const { commands, answers } = await twoInFlight();
  const answered = { commandId: commands[0]!.commandId, ok: false, error: { code: 'conflict', message: 'answered elsewhere' } };
  await lock.query("INSERT INTO commands (command_id, desk_id, operator, call, input, status, result) VALUES ($1, 'elsewhere', 'agent1', 'calls.log', null, 'refused', $2)", [
    commands[0]!.commandId,
    answered,
  ]);
  await lock.query('COMMIT');
  const [[a], [b]] = await answers;
  expect(a).toEqual({ ...answered, replayed: true });
  expect(b?.ok).toBe(true);
  expect(desks[1]!.serverTiming.commit).toBe(0);
  await expectInStep();
});

it('never commits the second over a head someone else wrote, even at the very position it expects', async () => {
  const { commands, answers } = await twoInFlight();
  // Another process's write of one event, as long as the first batch: the head lands where the second expects it.
  const head = Number((await lock.query("SELECT value FROM counters WHERE name = 'position'")).rows[0].value) + 1;
  const changes = [{ entity: 'notes', id: `n-${head}`, op: 'put', record: { id: `n-${head}`, text: 'elsewhere' } }];
  await lock.query("INSERT INTO events (position, actor, action, at, changes) VALUES ($1, 'boss', 'note.saved', now(), $2)", [head, JSON.stringify(changes)]);
  await lock.query("INSERT INTO records (entity, id, data, updated_position) VALUES ('notes', $1, $2, $3)", [`n-${head}`, changes[0]!.record, head]);
  await lock.query("INSERT INTO record_events (entity, id, position) VALUES ('notes', $1, $2)", [`n-${head}`, head]);
  await lock.query("UPDATE counters SET value = $1 WHERE name = 'position'", [head]);
  await lock.query('COMMIT');
  const [[a], [b]] = await answers;
  expect(a?.ok && b?.ok).toBe(true);
  expect([positionOf(a), positionOf(b)]).toEqual([head + 1, head + 2]);
  expect(server.center.store.get('notes', `n-${head}`)).toEqual(changes[0]!.record);
  const logged = (await db.query<{ command_id: string }>('SELECT command_id FROM events WHERE position > $1 ORDER BY position', [head])).rows.map((r) => r.command_id);
  expect(logged).toEqual(commands.map((c) => c.commandId));
  await expectInStep();
});
