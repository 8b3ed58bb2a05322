// Two joined desks against a real team server on a real PostgreSQL, each behind its own TCP
// proxy: case numbers given offline carry the desk's code and stay the case's number in the
// whole center; and a connection cut in the middle of pull responses loses no event and
// applies none twice.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestPostgres } from '../../../test/support/postgres.js';
import { startCenter } from '../../../test/support/center.js';
import { startTcpProxy, type TcpProxy } from '../../../test/support/tcp-proxy.js';
import { TeamDeskClient } from '../../../test/support/team.js';
import type { TeamStatusView } from '../../../shared/contract/team.js';
import type { OpenedDesk } from '../../server/open-desk.js';
import { memorySettings } from '../../server/settings/settings-store.js';
import { memorySecretStore } from '../../server/secrets/secret-store.js';
import type { TeamServer } from '../server/team-server.js';
import { LINK } from './entities.js';
import { openTeamDesk } from './open.js';

const PASSWORD = 'team password 42';

interface Desk {
  opened: OpenedDesk;
  proxy: TcpProxy;
  dataDir: string;
  connection: ReturnType<OpenedDesk['desk']['connect']>;
}

let postgres: TestPostgres;
let server: TeamServer;
const desks: Record<'A' | 'B', Desk> = {} as never;

const call = async <T>(desk: Desk, name: string, input: unknown): Promise<T> => {
  const outcome = await desk.opened.desk.dispatch(desk.connection, name, input);
  if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.error)}`);
  return outcome.value as T;
};
const status = (desk: Desk) => call<TeamStatusView>(desk, 'team.status', {});

async function until(what: string, check: () => Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every change sent, and the center's events all applied. */
const converged = async (desk: Desk) => {
  const s = await status(desk);
  return s.waiting === 0 && s.cursor === (await server.center.head());
};

const logCall = (desk: Desk, summary: string) =>
  call<{ id: string }>(desk, 'calls.log', { customerAccount: 'acme-01', channel: 'hotline', category: 'product-function', summary });

beforeAll(async () => {
  ({ postgres, server } = await startCenter({ password: PASSWORD, agents: ['agent1', 'agent2'], customer: { account: 'acme-01', name: '阿克米云计算', region: 'cn-beijing', contacts: [{ name: 'Li' }] } }));
  for (const [name, username] of [['A', 'agent1'], ['B', 'agent2']] as const) {
    const proxy = await startTcpProxy(new URL(server.url));
    const dataDir = mkdtempSync(join(tmpdir(), `team-ids-${name}-`));
    const opened = await openTeamDesk({ dataDir, settings: memorySettings(), secrets: memorySecretStore(), teamUrl: proxy.url });
    const connection = opened.desk.connect();
    desks[name] = { opened, proxy, dataDir, connection };
    await call(desks[name], 'session.signIn', { username, password: PASSWORD });
  }
}, 180_000);

afterAll(async () => {
  for (const desk of Object.values(desks)) {
    await desk.opened.close();
    await desk.proxy.close();
    rmSync(desk.dataDir, { recursive: true, force: true });
  }
  await server?.close();
  await postgres?.stop();
});

it('two offline desks number their cases apart, and the numbers stay the same on the server and every desk', async () => {
  const { A, B } = desks;
  const codes = { A: (await status(A)).deskCode!, B: (await status(B)).deskCode! };
  expect(codes.A).toMatch(/^[A-Z2-9]{2}$/);
  expect(codes.B).not.toBe(codes.A);
  await A.proxy.cut();
  await B.proxy.cut();
  const made = { A: [] as string[], B: [] as string[] };
  for (let i = 0; i < 3; i++) {
    made.A.push((await logCall(A, `A 离线来电 ${i}`)).id);
    made.B.push((await logCall(B, `B 离线来电 ${i}`)).id);
  }
  expect(made.A.every((id) => id.startsWith(`C-${codes.A}-`))).toBe(true);
  expect(made.B.every((id) => id.startsWith(`C-${codes.B}-`))).toBe(true);
  expect(new Set([...made.A, ...made.B]).size).toBe(6);
  expect((await status(A)).waiting).toBe(3);

  await A.proxy.restore();
  await B.proxy.restore();
  await until('both desks have sent and pulled everything', async () => (await converged(A)) && (await converged(B)));

  const wanted = [...made.A, ...made.B].sort();
  const ids = (desk: Desk) => desk.opened.desk.services.store.all<{ id: string }>('cases').map((c) => c.id).sort();
  expect(server.center.store.all<{ id: string }>('cases').map((c) => c.id).sort()).toEqual(wanted);
  expect(ids(A)).toEqual(wanted);
  expect(ids(B)).toEqual(wanted);
  // Not only the numbers: the same records on both desks (digest of every shared record at the same cursor).
  const [da, db] = await Promise.all([call<{ digest: string; cursor: number }>(A, 'team.digest', {}), call<{ digest: string; cursor: number }>(B, 'team.digest', {})]);
  expect(da).toEqual(db);
}, 60_000);

it('a connection cut in the middle of pull responses loses no event and applies none twice', async () => {
  const { A, B } = desks;
  // Enough events that a pull answer is hundreds of kilobytes, written past desk A meanwhile.
  const writer = new TeamDeskClient(server.url);
  await writer.signIn('agent2', PASSWORD);
  // Desk A without its live socket (live notices carry the events, and this is about pulls), and
  // cut off while the events are written, so its pulls afterwards are long.
  const live = A.proxy.refuse('GET /team/v1/live');
  await A.proxy.cut();
  for (let batch = 0; batch < 2; batch++) {
    const commands = Array.from({ length: 150 }, (_, i) =>
      writer.command('calls.log', { customerAccount: 'acme-01', channel: 'hotline', category: 'product-function', summary: `批量来电 ${batch}-${i}：${'云服务器无法连接，'.repeat(20)}` }),
    );
    const results = await writer.push(...commands);
    expect(results.every((r) => r.ok)).toBe(true);
  }
  const cuts = A.proxy.cutResponses('GET /team/v1/pull', 40_000, 3);
  await A.proxy.restore();
  await cuts.done; // three pull answers were cut after 40 kB, each then pulled again
  expect(cuts.cutSoFar()).toBe(3);
  await until('desk A has every event', () => converged(A));
  live.giveBack();
  await until('desk B has every event', () => converged(B));

  const head = await server.center.head();
  // Each applied server event moved the cursor in the same local event: the cursors written
  // are 1 … head, each once, in order.
  const cursors = A.opened.desk.services.store
    .events()
    .flatMap((e) => e.changes)
    .filter((c) => c.entity === LINK && c.op === 'patch' && 'cursor' in c.patch)
    .map((c) => (c as unknown as { patch: { cursor: number } }).patch.cursor);
  expect(cursors).toEqual(Array.from({ length: head }, (_, i) => i + 1));
  expect(A.opened.desk.services.store.count('cases')).toBe(server.center.store.count('cases'));
  const [da, db] = await Promise.all([call<{ digest: string }>(A, 'team.digest', {}), call<{ digest: string }>(B, 'team.digest', {})]);
  expect(da).toEqual(db);
}, 120_000);

it('searches and reports over the whole center through the team server, and says so when offline', async () => {
  const { A } = desks;
  const manager: Desk = { ...A, connection: A.opened.desk.connect() };
  await call(manager, 'session.signIn', { username: 'mgr', password: PASSWORD });
  const cases = server.center.store.all<{ id: string; summary: string }>('cases');
  // 批量来电 is in the 300 summaries the writer pushed above; 离线来电 in the six logged offline.
  const search = await call<{ source: string; total: number; cases: Array<{ id: string; inReplica: boolean }> }>(A, 'team.search', { text: '离线来电', limit: 50 });
  expect(search.source).toBe('server');
  expect(search.total).toBe(cases.filter((c) => c.summary.includes('离线来电')).length);
  expect(search.total).toBe(6);
  expect(search.cases.every((c) => c.inReplica)).toBe(true); // this desk's replica holds them too
  const report = await call<{ source: string; report: { total: number; byDesk: Array<{ deskCode: string | null; count: number }> } }>(manager, 'team.report', {});
  expect(report.source).toBe('server');
  expect(report.report.total).toBe(cases.length);
  const code = (await status(A)).deskCode!;
  expect(report.report.byDesk.find((d) => d.deskCode === code)?.count).toBe(3); // the three A numbered offline
  // Agents do not get the managers' report.
  expect((await A.opened.desk.dispatch(A.connection, 'team.report', {})).ok).toBe(false);

  await A.proxy.cut();
  try {
    expect(await call(A, 'team.search', { text: '离线来电' })).toEqual({ source: 'offline', total: 0, cases: [] });
    expect(await call(manager, 'team.report', {})).toEqual({ source: 'offline' });
  } finally {
    await A.proxy.restore();
  }
}, 60_000);

it('a work order’s attachment made on one desk is kept by the server and opens on the other desk, same bytes', async () => {
  const { A, B } = desks;
  const bytes = Buffer.from(`%PDF-1.4\n故障截图 ${'x'.repeat(3000)}\n%%EOF\n`);
  const upload = await call<{ uploadId: string }>(A, 'uploads.begin', { name: '故障截图.pdf', bytes: bytes.length });
  await call(A, 'uploads.chunk', { uploadId: upload.uploadId, offset: 0, contentBase64: bytes.toString('base64') });
  const order = await call<{ id: string; details: { attachments: Array<{ path: string; sha256: string }> } }>(A, 'workOrders.create', {
    customerAccount: 'acme-01',
    summary: 'ECS 实例无法启动',
    severity: 'SEV-2',
    businessImpact: '生产环境一台实例宕机',
    attachments: [{ uploadId: upload.uploadId }],
  });
  const [ref] = order.details.attachments;
  expect(ref).toBeDefined();
  await until('both desks have sent and pulled everything', async () => (await converged(A)) && (await converged(B)));
  // The server applied the command with the same file (not refused for an unknown upload) …
  expect(server.center.store.get<{ id: string; details: { attachments: Array<{ sha256: string }> } }>('cases', order.id)?.details.attachments[0]?.sha256).toBe(ref!.sha256);
  // … and desk B fetches the same bytes to where the record says (right after applying it), so the case's file opens there.
  await until('desk B has fetched the file', async () => existsSync(join(B.dataDir, ref!.path)));
  expect(readFileSync(join(B.dataDir, ref!.path)).equals(bytes)).toBe(true);
  expect(await call<{ name: string }>(B, 'files.link', { caseId: order.id, path: ref!.path })).toMatchObject({ name: '故障截图.pdf' });
}, 60_000);
