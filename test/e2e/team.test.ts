// The team desk end to end: a real PostgreSQL, a real team server (spawned as `npm run team`),
// three browser hosts joined to it (`npm run web -- --team URL`) and Chromium pages on them.
// Desk B reaches the team server through a TCP proxy the test cuts and restores.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Order } from '../../shared/domain/order.js';
import type { StoredRecord } from '../../main/store/index.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { chooseLanguage, launchBrowser, pageCall, reviewPane, screenshot, signIn, startHost, type RunningHost } from './support/browser.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { spawnTeamServer, type TeamProcess } from '../support/team.js';
import { seedCenter } from './support/team.js';

const PASSWORD = 'e2e password 42';
const HOUR = 3_600_000;

interface Desk {
  name: string;
  dataDir: string;
  host: RunningHost;
  browser: Awaited<ReturnType<typeof launchBrowser>>;
  page: Page;
}

let postgres: TestPostgres;
let team: TeamProcess;
let proxy: TcpProxy;
const desks: Record<'A' | 'B' | 'C', Desk> = {} as never;

beforeAll(async () => {
  postgres = await startPostgres();
  const databaseUrl = await postgres.createDatabase();
  const now = Date.now();
  const orders: Order[] = ['1', '2', '3'].map((n) => ({
    id: `O-TM-${n}`,
    customerAccount: 'zhang-01',
    product: '云服务器 ECS',
    billingMode: 'monthly',
    purchasedAt: new Date(now - 20 * HOUR).toISOString(),
    paid: `${n}00.00`,
  }));
  await seedCenter(
    databaseUrl,
    { username: 'mgr', displayName: '王经理', password: PASSWORD },
    [
      { call: 'operators.create', input: { username: 'agent1', displayName: '李客服', password: PASSWORD, role: 'agent' } },
      { call: 'operators.create', input: { username: 'sup1', displayName: '赵主管', password: PASSWORD, role: 'supervisor' } },
      { call: 'operators.create', input: { username: 'sup2', displayName: '钱主管', password: PASSWORD, role: 'supervisor' } },
      { call: 'customers.create', input: { account: 'zhang-01', name: '张伟科技有限公司', region: 'cn-beijing', contacts: [{ name: '张伟', phone: '+8613800000009' }] } },
    ],
    orders.map((record) => ({ entity: 'orders', record: { ...record } as StoredRecord })),
  );
  team = await spawnTeamServer(databaseUrl);
  proxy = await startTcpProxy(new URL(team.url));
  for (const [name, url, operator] of [
    ['A', team.url, 'agent1'],
    ['B', proxy.url, 'sup1'],
    ['C', team.url, 'sup2'],
  ] as const) {
    const dataDir = mkdtempSync(join(tmpdir(), `desk-e2e-team-${name}-`));
    const host = await startHost(dataDir, ['--team', url]);
    const browser = await launchBrowser();
    desks[name] = { name, dataDir, host, browser, page: browser.page };
    await browser.page.goto(host.url);
    await signIn(browser.page, operator, PASSWORD);
    await status(desks[name], 'online');
  }
}, 300_000); // a PostgreSQL, a team server, three hosts and three Chromiums on a shared 2-core machine

afterAll(async () => {
  for (const desk of Object.values(desks)) {
    await desk.browser.close();
    await desk.host.stop();
    rmSync(desk.dataDir, { recursive: true, force: true });
  }
  await proxy?.close();
  await team?.kill();
  await postgres?.stop();
});

/** Waits for the header chip to show the state (and, if given, the number of changes waiting). */
async function status(desk: Desk, state: 'online' | 'offline', waiting?: number) {
  const selector = `[data-testid=team-status][data-state=${state}]${waiting === undefined ? '' : `[data-waiting="${waiting}"]`}`;
  await desk.page.locator(selector).waitFor({ timeout: 20_000 });
}

const api = <T>(desk: Desk, name: string, input: unknown) => pageCall<T>(desk.page, name, input);

const caseStatus = async (desk: Desk, id: string) => (await api<{ case: { status: string } }>(desk, 'cases.get', { id })).case.status;

async function openApprovals(desk: Desk) {
  await desk.page.getByRole('button', { name: '审批', exact: true }).click();
}

const refundRow = (desk: Desk, id: string) => desk.page.locator(`tr[data-item-id="${id}"]`);

let first: string;

it('an agent on desk A submits a refund; a supervisor on desk B sees it in the approval queue and approves it; A sees it approved', async () => {
  const a = desks.A;
  const b = desks.B;
  await openApprovals(b);
  await b.page.getByText('暂无待审批事项。').waitFor();

  await a.page.getByRole('button', { name: '退款', exact: true }).click();
  await a.page.locator('input[name=caller]').fill('zhang-01');
  await a.page.getByRole('option').filter({ hasText: 'zhang-01' }).first().click();
  await a.page.locator('input[name="order-O-TM-1"]').check();
  await a.page.locator('input[name=dataMigrationConfirmed]').check();
  await a.page.locator('[data-testid=decision][data-outcome=eligible]').waitFor();
  await expect.poll(() => a.page.getByRole('button', { name: '提交退款审核' }).isEnabled()).toBe(true);
  await a.page.getByRole('button', { name: '提交退款审核' }).click();
  const notice = await a.page.getByText(/退款 C-(?:[A-Z0-9]+-)?\d{6} 已提交审核/).textContent();
  first = /C-(?:[A-Z0-9]+-)?\d{6}/.exec(notice ?? '')![0];

  // Live: the server's notice brings the pull; B's open queue shows it without a reload.
  const row = refundRow(b, first);
  await row.waitFor();
  expect(await row.textContent()).toContain('张伟科技有限公司');
  await screenshot(b.page, 'team-01-queue-on-desk-b');
  await (await reviewPane(b.page, first)).getByRole('button', { name: '批准' }).click();
  await b.page.locator(`[data-decided-id="${first}"]`).waitFor();
  await status(b, 'online', 0);

  await expect.poll(async () => await caseStatus(a, first), { timeout: 10_000 }).toBe('approved');
});

let second: string;
let third: string;
let claim: string;

it('desk B offline approves two refunds and rejects a claim; desk C rejects one of them meanwhile; B reconnects: one approval applied, one not, with C’s decision; every desk converges', async () => {
  const [a, b, c] = [desks.A, desks.B, desks.C];
  second = (await api<{ id: string }>(a, 'refunds.submit', { customerAccount: 'zhang-01', orderIds: ['O-TM-2'], dataMigrationConfirmed: true })).id;
  third = (await api<{ id: string }>(a, 'refunds.submit', { customerAccount: 'zhang-01', orderIds: ['O-TM-3'], dataMigrationConfirmed: true })).id;
  const day = new Date(Date.now() - 24 * HOUR);
  claim = (
    await api<{ id: string }>(a, 'compensation.submit', {
      customerAccount: 'zhang-01',
      dailyFee: '12.00',
      occurrences: [{ id: 'f-1', start: day.toISOString(), end: new Date(day.getTime() + 30 * 60_000).toISOString(), scenario: 'service-unavailable', cause: 'platform' }],
    })
  ).id;
  for (const id of [second, third, claim]) await refundRow(b, id).waitFor();

  await proxy.cut();
  await status(b, 'offline');
  await (await reviewPane(b.page, second)).getByRole('button', { name: '批准' }).click();
  await b.page.locator(`[data-decided-id="${second}"]`).waitFor();
  await (await reviewPane(b.page, third)).getByRole('button', { name: '批准' }).click();
  await b.page.locator(`[data-decided-id="${third}"]`).waitFor();
  const claimRow = await reviewPane(b.page, claim);
  await claimRow.getByRole('button', { name: '驳回' }).click();
  await claimRow.locator('input[name=reason]').fill('故障不在保障范围内');
  await claimRow.locator('input[name=reason]').press('Enter');
  await b.page.locator(`[data-decided-id="${claim}"]`).waitFor();
  await status(b, 'offline', 3);
  await screenshot(b.page, 'team-02-offline-three-waiting');

  // Meanwhile on desk C, online: the third refund is rejected.
  await openApprovals(c);
  const onC = await reviewPane(c.page, third);
  await onC.getByRole('button', { name: '驳回' }).click();
  await onC.locator('input[name=reason]').fill('客户已撤回申请');
  await onC.locator('input[name=reason]').press('Enter');
  await c.page.locator(`[data-decided-id="${third}"]`).waitFor();
  await status(c, 'online', 0);

  await proxy.restore();
  await status(b, 'online', 0);
  const conflicts = b.page.getByTestId('team-conflicts');
  await conflicts.waitFor();
  await conflicts.click();
  const rows = b.page.locator('tr[data-conflict-id]');
  await expect.poll(() => rows.count()).toBe(1);
  const refused = rows.first();
  expect(await refused.getAttribute('data-call')).toBe('approvals.approve');
  expect(await refused.textContent()).toContain(third);
  expect(await refused.getByTestId('decided-by').textContent()).toContain('sup2');
  await screenshot(b.page, 'team-03-not-applied-zh');
  // Redo runs it again against today's records: still refused (C rejected it), so it stays listed.
  await refused.getByRole('button', { name: '重做' }).click();
  await b.page.getByRole('alert').filter({ hasText: third }).waitFor();
  await expect.poll(() => rows.count()).toBe(1);
  await chooseLanguage(b.page, 'English');
  await b.page.getByText('Changes the team server did not apply').waitFor();
  await screenshot(b.page, 'team-03-not-applied-en');
  await chooseLanguage(b.page, '简体中文');

  await refused.getByRole('button', { name: '忽略' }).click();
  await expect.poll(() => rows.count()).toBe(0);
  await conflicts.waitFor({ state: 'detached' });

  // One approval applied, one rejection applied, the other approval refused: the same on every desk.
  for (const desk of [a, b, c]) {
    await expect.poll(async () => await caseStatus(desk, second), { timeout: 10_000 }).toBe('approved');
    await expect.poll(async () => await caseStatus(desk, third), { timeout: 10_000 }).toBe('rejected');
    await expect.poll(async () => await caseStatus(desk, claim), { timeout: 10_000 }).toBe('rejected');
  }
  const digests = async () => Promise.all([a, b, c].map((desk) => api<{ digest: string; cursor: number }>(desk, 'team.digest', {})));
  await expect.poll(async () => new Set((await digests()).map((d) => `${d.cursor}:${d.digest}`)).size, { timeout: 10_000 }).toBe(1);
});

it('the queue search also asks the team server over the whole center (Chinese substrings), and says “replica only” while offline', async () => {
  const a = desks.A;
  const b = desks.B;
  await a.page.getByRole('button', { name: '案件队列', exact: true }).click();
  await a.page.locator('input[name=queue-search]').fill('伟科');
  const hits = a.page.locator('[data-testid=center-hits][data-source=server]');
  await hits.waitFor();
  // The server's pg_trgm match and the replica's own index agree (the replica holds the whole center here).
  const local = await api<{ total: number }>(a, 'cases.search', { text: '伟科', limit: 50 });
  expect(local.total).toBeGreaterThan(0);
  expect(Number(await hits.getAttribute('data-total'))).toBe(local.total);
  await screenshot(a.page, 'team-04-center-search');

  await proxy.cut();
  try {
    await status(b, 'offline');
    await b.page.getByRole('button', { name: '案件队列', exact: true }).click();
    await b.page.locator('input[name=queue-search]').fill('伟科');
    await b.page.locator('[data-testid=center-hits][data-source=offline]').getByText('离线：仅搜索本地副本').waitFor();
  } finally {
    await proxy.restore();
  }
  await status(b, 'online');
});
