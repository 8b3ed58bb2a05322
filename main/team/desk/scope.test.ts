// A joined desk keeps its working set, against a real team server on a real PostgreSQL: cases
// settled long ago stay on the server (found by team.search), open ones arrive however old, a
// case reopened elsewhere arrives whole, cases that age out leave with their files, and desks
// with the same window agree on what they share; an assignment made on one desk reaches another.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/contract/index.js';
import type { TeamStatusView } from '../../../shared/contract/team.js';
import { startCenter } from '../../../test/support/center.js';
import type { TestPostgres } from '../../../test/support/postgres.js';
import { startTcpProxy } from '../../../test/support/tcp-proxy.js';
import { TeamDeskClient } from '../../../test/support/team.js';
import type { OpenedDesk } from '../../server/open-desk.js';
import { memorySecretStore } from '../../server/secrets/secret-store.js';
import { memorySettings } from '../../server/settings/settings-store.js';
import type { TeamServer } from '../server/team-server.js';
import { LINK } from './entities.js';
import { openTeamDesk } from './open.js';

const PASSWORD = 'team password 42';
const DAY = 86_400_000;

let postgres: TestPostgres;
let server: TeamServer;
/** How far the server's clock is turned back (to make cases that are old today). */
let serverBehind = 0;
let writer: TeamDeskClient;
const dirs: string[] = [];
const opened: OpenedDesk[] = [];
const made: Record<'oldClosed' | 'oldOpen' | 'oldReopened' | 'oldCall' | 'recentClosed', string> = {} as never;

interface Desk {
  opened: OpenedDesk;
  dataDir: string;
  connection: ReturnType<OpenedDesk['desk']['connect']>;
  /** How far this desk's clock runs ahead (time passing on it). */
  ahead: { ms: number };
}

const call = async <T>(desk: Desk, name: string, input: unknown): Promise<T> => {
  const outcome = await desk.opened.desk.dispatch(desk.connection, name, input);
  if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.error)}`);
  return outcome.value as T;
};

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const caught = async (desk: Desk) => {
  const s = await call<TeamStatusView>(desk, 'team.status', {});
  return s.waiting === 0 && s.cursor === (await server.center.head());
};
const held = (desk: Desk, id: string) => desk.opened.desk.services.store.get<{ id: string; status: string }>('cases', id);

async function openDesk(username: string, settings: Parameters<typeof memorySettings>[0] = {}, teamUrl = server.url): Promise<Desk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'team-scope-'));
  const ahead = { ms: 0 };
  const desk = await openTeamDesk({ dataDir, settings: memorySettings(settings), secrets: memorySecretStore(), teamUrl, now: () => new Date(Date.now() + ahead.ms) });
  dirs.push(dataDir);
  opened.push(desk);
  const connection = desk.desk.connect();
  const joined = { opened: desk, dataDir, connection, ahead };
  await call(joined, 'session.signIn', { username, password: PASSWORD });
  await until(`${username}'s desk has caught up`, () => caught(joined));
  return joined;
}

const workOrder = (summary: string): CallInput<'workOrders.create'> => ({
  customerAccount: 'acme-01',
  summary,
  severity: 'SEV-3',
  businessImpact: '一位用户受影响',
  evidence: ['控制台截图'],
  stepsTried: ['刷新页面'],
});
const created = async (summary: string) => ((await writer.ok('workOrders.create', workOrder(summary))) as { id: string }).id;
const update = { done: '重置了控制台会话', observed: '页面恢复正常' };
async function resolve(id: string) {
  await writer.ok('workOrders.update', { id, ...update });
  await writer.ok('workOrders.transition', { id, status: 'resolved' });
}

beforeAll(async () => {
  ({ postgres, server } = await startCenter({
    password: PASSWORD,
    agents: ['agent1', 'agent2', 'agent3'],
    customer: { account: 'acme-01', name: '阿克米云计算', region: 'cn-beijing', contacts: [{ name: 'Li' }] },
    clock: () => new Date(Date.now() - serverBehind),
  }));
  writer = new TeamDeskClient(server.url);
  await writer.signIn('agent1', PASSWORD);
  // 200 days ago (the default window is 90 days): two resolved, one still open, one logged call.
  serverBehind = 200 * DAY;
  made.oldClosed = await created('旧工单：已解决');
  await resolve(made.oldClosed);
  made.oldReopened = await created('旧工单：以后重开');
  await resolve(made.oldReopened);
  made.oldOpen = await created('旧工单：仍未解决');
  made.oldCall = ((await writer.ok('calls.log', { customerAccount: 'acme-01', channel: 'hotline', category: 'product-function', summary: '旧来电' })) as { id: string }).id;
  // Today: one resolved.
  serverBehind = 0;
  made.recentClosed = await created('新工单：已解决');
  await resolve(made.recentClosed);
}, 120_000);

afterAll(async () => {
  for (const desk of opened) await desk.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await server?.close();
  await postgres?.stop();
});

it('keeps open cases however old and the last 90 days; settled older ones stay on the server, where search finds them', async () => {
  const desk = await openDesk('agent2');
  expect(held(desk, made.oldClosed)).toBeUndefined();
  expect(held(desk, made.oldReopened)).toBeUndefined();
  expect(held(desk, made.oldCall)).toBeUndefined(); // a logged call waits for nobody
  expect(held(desk, made.oldOpen)).toMatchObject({ status: 'new' });
  expect(held(desk, made.recentClosed)).toMatchObject({ status: 'resolved' });
  // Customers and operators are whole.
  expect(desk.opened.desk.services.store.get('customers', 'acme-01')).toBeDefined();
  expect(desk.opened.desk.services.store.all('operators').length).toBe(server.center.store.all('operators').length);
  // The cursor went over every event, the left-out ones too.
  expect((await call<TeamStatusView>(desk, 'team.status', {})).cursor).toBe(await server.center.head());

  const found = await call<{ source: string; cases: Array<{ id: string; inReplica: boolean }> }>(desk, 'team.search', { text: '旧工单' });
  expect(found.source).toBe('server');
  expect(Object.fromEntries(found.cases.map((c) => [c.id, c.inReplica]))).toEqual({ [made.oldClosed]: false, [made.oldReopened]: false, [made.oldOpen]: true });
}, 60_000);

it('a settled case only on the server is read from it whole, with its history, and nothing of it is stored on the desk', async () => {
  const proxy = await startTcpProxy(new URL(server.url));
  try {
    const desk = await openDesk('agent2', {}, proxy.url);
    const before = desk.opened.desk.services.store.count('cases');
    const read = await call<{ source: string; replicaDays: number; view: { case: { id: string; status: string; summary: string }; history: Array<{ actor: string; action: string }> } }>(desk, 'team.case', { id: made.oldClosed });
    expect(read.source).toBe('server');
    expect(read.replicaDays).toBe(90); // the default window
    expect(read.view.case).toEqual(server.center.store.get('cases', made.oldClosed));
    expect(read.view.case).toMatchObject({ status: 'resolved', summary: '旧工单：已解决' });
    // Made 200 days ago by agent1 on the server: opened, updated, resolved (in that order).
    expect(read.view.history.map((h) => h.actor)).toEqual(['agent1', 'agent1', 'agent1']);
    expect(read.view.history[0]?.action).toBe('work-order.opened');
    // A read: the replica is as it was.
    expect(held(desk, made.oldClosed)).toBeUndefined();
    expect(desk.opened.desk.services.store.count('cases')).toBe(before);
    // A case nobody has is named as such.
    const missing = await desk.opened.desk.dispatch(desk.connection, 'team.case', { id: 'C-999999' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found', field: 'id' } });

    await proxy.cut();
    expect(await call(desk, 'team.case', { id: made.oldClosed })).toEqual({ source: 'offline', replicaDays: 90 });
  } finally {
    await proxy.close();
  }
}, 60_000);

it('a case reopened on another desk arrives whole, as the server has it, and desks with the same window agree', async () => {
  const b = await openDesk('agent2');
  await writer.ok('workOrders.transition', { id: made.oldReopened, status: 'in-progress' });
  await until('the reopened case is on desk B', () => held(b, made.oldReopened) !== undefined);
  await until('desk B has caught up', () => caught(b));
  expect(held(b, made.oldReopened)).toEqual(server.center.store.get('cases', made.oldReopened));
  expect(held(b, made.oldReopened)?.status).toBe('in-progress');
  // It came whole from the server (its pulled patch alone could not be applied), and is off the wanted list.
  const fetched = b.opened.desk.services.store.events({ action: 'team.fetched' }).flatMap((e) => e.changes);
  expect(fetched).toContainEqual(expect.objectContaining({ entity: 'cases', id: made.oldReopened, op: 'put' }));
  expect(b.opened.desk.services.store.get<{ id: string; wanted?: string[] }>(LINK, 'link')?.wanted).toEqual([]);

  const c = await openDesk('agent3');
  expect(held(c, made.oldReopened)).toEqual(held(b, made.oldReopened)); // pulled from the start, or fetched: the same record
  const [db, dc] = await Promise.all([call(b, 'team.digest', {}), call(c, 'team.digest', {})]);
  expect(db).toEqual(dc);
  // What they share: 3 cases (old open, reopened, recent resolved) + customer + 4 operators (mgr, 3 agents).
  expect((db as { records: number }).records).toBe(3 + 1 + 4);
}, 60_000);

it('cases that age out leave the replica with their attachment copies, and team-files/ keeps only what is still needed', async () => {
  const d = await openDesk('agent2', { replicaDays: 30 });
  const bytes = Buffer.from(`%PDF-1.4\n截图 ${'x'.repeat(2000)}\n%%EOF\n`);
  const upload = await call<{ uploadId: string }>(d, 'uploads.begin', { name: '截图.pdf', bytes: bytes.length });
  await call(d, 'uploads.chunk', { uploadId: upload.uploadId, offset: 0, contentBase64: bytes.toString('base64') });
  const order = await call<{ id: string; details: { attachments: Array<{ path: string; sha256: string }> } }>(d, 'workOrders.create', { ...workOrder('带附件的工单'), attachments: [{ uploadId: upload.uploadId }] });
  const file = join(d.dataDir, order.details.attachments[0]!.path);
  const copy = join(d.dataDir, 'team-files', order.details.attachments[0]!.sha256);
  await until('desk D has sent it', () => caught(d));
  await call(d, 'workOrders.update', { id: order.id, ...update });
  await call(d, 'workOrders.transition', { id: order.id, status: 'resolved' });
  await until('desk D has sent the resolution', () => caught(d));
  expect(existsSync(file)).toBe(true);
  // Sent and answered: the copy kept for the push is not needed any more (it is this session's, younger than an hour, so kept for now).
  expect(existsSync(copy)).toBe(true);

  // 40 days pass on desk D (its window is 30; its tokens expire, so it is offline by then).
  d.ahead.ms = 40 * DAY;
  await until('the aged cases have left desk D', () => held(d, order.id) === undefined);
  expect(existsSync(file)).toBe(false); // its attachment copy went with it
  expect(existsSync(copy)).toBe(false); // and the unused push copy, older than an hour now
  expect(held(d, made.oldOpen)).toBeDefined(); // open: kept however old
}, 60_000);

it('an assignment made on one desk is re-run by the server and reaches the other desk', async () => {
  const a = await openDesk('agent1');
  const c = await openDesk('agent3');
  await call(a, 'cases.transfer', { id: made.oldOpen, operator: 'agent3', reason: '需要产品专家确认' });
  await until('desk A has sent it', () => caught(a));
  expect(server.center.store.get('cases', made.oldOpen)).toMatchObject({ owner: 'agent3' });
  await until('desk C sees the case as agent3’s', () => (held(c, made.oldOpen) as { owner?: string } | undefined)?.owner === 'agent3');
  expect(held(c, made.oldOpen)).toEqual(server.center.store.get('cases', made.oldOpen));
}, 60_000);
