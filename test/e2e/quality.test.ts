// Issue 12 item 10: the live quality check of the work-order form treats empty phrases
// ("see above", "同上", "无"…) as missing evidence and steps, in the real renderer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, screenshot, setUpFirstManager, startHost, type RunningHost } from './support/browser.js';

let dataDir: string;
let host: RunningHost;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-quality-'));
  host = await startHost(dataDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('names evidence and steps as missing while they only say "see above" or "同上"', async () => {
  const { page } = browser;
  await setUpFirstManager(page, host.url, { username: 'mgr', displayName: '王经理', password: 'quality e2e 42' });
  await page.getByRole('button', { name: '工单' }).click();
  const quality = page.getByTestId('quality');
  await page.locator('input[name=summary]').fill('ECS 实例自 14:00 起无法连接');
  await page.locator('textarea[name=evidence]').fill('see above');
  await page.locator('textarea[name=stepsTried]').fill('同上\n无');
  await quality.getByText('证据（错误码、时间点、变更、日志、抓包）').waitFor();
  await quality.getByText('已尝试的步骤').waitFor();
  await screenshot(page, 'quality-empty-phrases');

  await page.locator('textarea[name=evidence]').fill('14:02 connection refused in /var/log/secure');
  await page.locator('textarea[name=stepsTried]').fill('重启实例');
  await quality.getByText('证据（错误码、时间点、变更、日志、抓包）').waitFor({ state: 'detached' });
  await quality.getByText('已尝试的步骤').waitFor({ state: 'detached' });
  expect(await quality.getByText('摘要：开始时间').count()).toBe(0);
});
