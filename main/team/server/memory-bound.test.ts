// The team server keeps its records in memory but only the newest events: a long history stays
// in PostgreSQL and is read from there when a call needs it (a case's full history, an audit
// page, a pull from far back), and a new process catches up without holding it all.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../../test/support/postgres.js';
import { setUpTeam, TEAM_PASSWORD, TeamDeskClient } from '../../../test/support/team.js';
import { startTeamServer, type TeamServer } from './team-server.js';

const IN_MEMORY = 16;
const CALLS = 60;

let postgres: TestPostgres;
let databaseUrl: string;
let server: TeamServer;
let manager: TeamDeskClient;
let agent: TeamDeskClient;

beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = await postgres.createDatabase();
  server = await startTeamServer({ databaseUrl, slaIntervalMs: 0, eventsInMemory: IN_MEMORY });
  await setUpTeam(server.url);
  manager = new TeamDeskClient(server.url);
  await manager.signIn('boss');
  await manager.ok('operators.create', { username: 'agent1', displayName: 'agent1', password: TEAM_PASSWORD, role: 'agent' });
  await manager.ok('customers.create', { account: 'acme-01', name: '阿克米云计算', region: 'cn-hangzhou', contacts: [{ name: 'Alice' }] });
  agent = new TeamDeskClient(server.url);
  await agent.signIn('agent1');
  for (let i = 0; i < CALLS; i++) await agent.ok('calls.log', { caller: { name: `来电人 ${i}` }, channel: 'hotline', category: 'product-function', summary: `第 ${i} 通来电` });
  // The first case is touched again at the end: its history spans what memory dropped and what it holds.
  await agent.ok('calls.link', { id: 'C-000001', customerAccount: 'acme-01' });
}, 180_000);

afterAll(async () => {
  await server?.close();
  await postgres?.stop();
});

it('holds the newest events only, and every record', async () => {
  const head = await server.center.head();
  expect(head).toBeGreaterThan(CALLS + 3); // set-up, operator, customer, sign-ins …, 60 calls, one link
  // Trimmed in steps of an eighth: never more than IN_MEMORY + 2 events held.
  expect(server.center.store.eventsHeld).toBeLessThanOrEqual(IN_MEMORY + IN_MEMORY / 8);
  expect(server.center.store.count('cases')).toBe(CALLS);
});

it('answers a case history older than memory from PostgreSQL, whole and in order', async () => {
  const answer = (await agent.call('cases.get', { id: 'C-000001' })) as { ok: true; value: { case: { customerAccount: string }; history: Array<{ seq: number; action: string }> } };
  expect(answer).toMatchObject({ ok: true, value: { case: { customerAccount: 'acme-01' } } });
  const history = answer.value.history;
  expect(history).toHaveLength(2); // logged (dropped from memory long ago), then linked (still held)
  expect(history[0]!.seq).toBeLessThan(history[1]!.seq);
  expect(history[1]!.seq).toBe(await server.center.head());
});

it('pages the audit trail over the whole log, newest first', async () => {
  const head = await server.center.head();
  const first = (await manager.call('audit.events', { page: 0 })) as { ok: true; value: { total: number; events: Array<{ seq: number }> } };
  expect(first.ok).toBe(true);
  expect(first.value.total).toBe(head);
  expect(first.value.events[0]!.seq).toBe(head);
  const seqs = first.value.events.map((e) => e.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  expect(seqs.at(-1)).toBeLessThan(head - IN_MEMORY); // the page reaches past what memory holds
});

it('pulls from far back and from the newest alike: positions 1 … head once each', async () => {
  const desk = new TeamDeskClient(server.url);
  await desk.signIn('agent1');
  const head = await server.center.head();
  for (;;) {
    const answer = await desk.pullOnce(7); // pages cross from PostgreSQL into memory
    if (answer.last >= answer.head) break;
  }
  expect(desk.pulled.map((e) => e.position)).toEqual(Array.from({ length: desk.cursor }, (_, i) => i + 1));
  expect(desk.cursor).toBeGreaterThanOrEqual(head);
});

it('a new process catches up holding the newest events only, and numbers on without reusing an id', async () => {
  const second = await startTeamServer({ databaseUrl, slaIntervalMs: 0, eventsInMemory: IN_MEMORY });
  try {
    expect(second.center.store.eventsHeld).toBeLessThanOrEqual(IN_MEMORY + IN_MEMORY / 8);
    expect(second.center.store.count('cases')).toBe(CALLS);
    const desk = new TeamDeskClient(second.url);
    await desk.signIn('agent1');
    const made = (await desk.ok('calls.log', { customerAccount: 'acme-01', channel: 'hotline', category: 'product-function', summary: '又一通' })) as { id: string };
    expect(made.id).toBe(`C-${String(CALLS + 1).padStart(6, '0')}`);
  } finally {
    await second.close();
  }
});
