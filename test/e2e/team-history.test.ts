// A joined desk opens an old case that only the team server holds: a real PostgreSQL, the team
// server spawned as `npm run team`, one browser host joined through a TCP proxy (cut to go
// offline) and Chromium. Also the manager's replica window, set on the team panel.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { spawnTeamServer, type TeamProcess } from '../support/team.js';
import { launchBrowser, pageCall, screenshot, signIn, startHost, type RunningHost } from './support/browser.js';
import { seedCenter } from './support/team.js';

const PASSWORD = 'e2e password 42';
const DAY = 86_400_000;
const SUMMARY = '旧机房迁移后控制台无法登录';

let postgres: TestPostgres;
let team: TeamProcess;
let proxy: TcpProxy;
let host: RunningHost;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let dataDir: string;
let oldCase: string;

beforeAll(async () => {
  postgres = await startPostgres();
  const databaseUrl = await postgres.createDatabase();
  // 200 days ago (the desk keeps 90 by default): a work order opened, updated and resolved.
  await seedCenter(
    databaseUrl,
    { username: 'mgr', displayName: '王经理', password: PASSWORD },
    [
      { call: 'customers.create', input: { account: 'li-02', name: '李明网络有限公司', region: 'cn-shanghai', contacts: [{ name: '李明', phone: '+8613800000011' }] } },
      {
        call: 'workOrders.create',
        input: { customerAccount: 'li-02', summary: SUMMARY, severity: 'SEV-3', businessImpact: '一位管理员无法登录', evidence: ['登录报错截图'], stepsTried: ['清除浏览器缓存'] },
      },
      { call: 'workOrders.update', input: (earlier: unknown[]) => ({ id: (earlier[1] as { id: string }).id, done: '重置了登录会话', observed: '可以正常登录' }) },
      { call: 'workOrders.transition', input: (earlier: unknown[]) => ({ id: (earlier[1] as { id: string }).id, status: 'resolved' }) },
    ],
    [],
    { clock: () => new Date(Date.now() - 200 * DAY) },
  );
  team = await spawnTeamServer(databaseUrl);
  proxy = await startTcpProxy(new URL(team.url));
  dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-team-history-'));
  host = await startHost(dataDir, ['--team', proxy.url]);
  browser = await launchBrowser();
  page = browser.page;
  await page.goto(host.url);
  await signIn(page, 'mgr', PASSWORD);
  await page.locator('[data-testid=team-status][data-state=online]').waitFor({ timeout: 20_000 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await proxy?.close();
  await team?.kill();
  await postgres?.stop();
});

it('the manager sets how many days of settled cases the replica keeps; a bad value is named beside the field', async () => {
  await page.getByRole('button', { name: '未生效的更改', exact: true }).click();
  const settings = page.getByTestId('team-settings');
  expect(await settings.getByTestId('team-url').textContent()).toBe(proxy.url);
  const field = settings.locator('input[name=replicaDays]');
  expect(await field.inputValue()).toBe('90');
  await field.fill('3');
  await settings.getByRole('button', { name: '保存' }).click();
  await settings.getByText('至少 7 天').waitFor();
  expect((await pageCall<{ replicaDays?: number }>(page, 'settings.get', {})).replicaDays).toBeUndefined(); // nothing stored
  await field.fill('30');
  await settings.getByRole('button', { name: '保存' }).click();
  await settings.getByText('已保存。').waitFor();
  expect((await pageCall<{ replicaDays?: number }>(page, 'settings.get', {})).replicaDays).toBe(30);
});

it('a search hit only on the team server opens read-only with its summary and history; offline it says it cannot be read', async () => {
  await page.getByRole('button', { name: '案件队列', exact: true }).click();
  await page.locator('input[name=queue-search]').fill('旧机房');
  const hit = page.locator('[data-testid=center-hits][data-source=server] [data-center-case]');
  await hit.waitFor();
  oldCase = (await hit.getAttribute('data-center-case'))!;
  expect(await hit.textContent()).toContain('不在本工作台');
  expect(await pageCall<unknown>(page, 'cases.search', { text: '旧机房', limit: 10 })).toMatchObject({ total: 0 }); // not in the replica

  await hit.click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('[data-testid=center-case-note][data-source=server]').getByText('来自团队服务器，不在本工作台（已结案且超过 30 天）').waitFor();
  expect(await dialog.locator('#case-title').textContent()).toContain(SUMMARY);
  expect(await dialog.getByTestId('case-status').textContent()).toBe('已解决');
  // Its history as the server has it: opened, updated, resolved, all by the manager.
  expect(await dialog.locator('[data-action]').evaluateAll((items) => items.map((i) => i.getAttribute('data-action')))).toEqual([
    'work-order.opened',
    'work-order.updated',
    'work-order.resolved',
  ]);
  // Read only: no status moves, no escalation, no update form, no claim or transfer.
  // Resolved long ago: its timers stand as they did at resolution, no clock counting on, and each step reads in words.
  expect(await dialog.getByTestId('sla-stopped').first().textContent()).toContain('案件办结时已停止计时');
  expect(await dialog.getByTestId('countdown').count()).toBe(0);
  expect(await dialog.locator('[data-action="work-order.resolved"]').textContent()).toContain('工单已解决');
  for (const name of ['升级', '添加进展']) expect(await dialog.getByRole('button', { name, exact: true }).count()).toBe(0);
  expect(await dialog.locator('input[name=done]').count()).toBe(0);
  await screenshot(page, 'team-history-01-server-case');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await dialog.waitFor({ state: 'detached' });

  await proxy.cut();
  try {
    await page.locator('[data-testid=team-status][data-state=offline]').waitFor({ timeout: 20_000 });
    await hit.click();
    await page.getByRole('dialog').locator('[data-testid=center-case-note][data-source=offline]').getByText('此案件仅在团队服务器上，而本工作台处于离线状态').waitFor();
  } finally {
    await proxy.restore();
  }
});
