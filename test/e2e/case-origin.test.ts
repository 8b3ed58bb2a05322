// #12 item 4 on a real host and Chromium: a call logged on the online channel as a system fault,
// converted to a work order, keeps both: the form defaults to the call's channel, and the saved
// case page shows the channel, the category and the call it came from.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Customer } from '../../shared/domain/case.js';
import { fileKeyProvider, keyDirFor, openCaseStore } from '../../main/store/index.js';
import { cli, launchBrowser, screenshot, setUpFirstManager, startHost, type RunningHost } from './support/browser.js';

let dataDir: string;
let host: RunningHost;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let customer: Customer;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-origin-'));
  await cli(['seed', '--cases', '20', '--customers', '5', '--seed', '5', '--until', new Date().toISOString(), '--data', dataDir]);
  const store = await openCaseStore(dataDir, { keys: fileKeyProvider(keyDirFor(dataDir)) });
  customer = store.all<Customer & { id: string }>('customers').find((c) => !c.vip)!;
  await store.close();
  host = await startHost(dataDir);
  browser = await launchBrowser();
  page = browser.page;
  await setUpFirstManager(page, host.url, { username: 'mgr', displayName: '王经理', password: 'e2e password 42' });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const pick = async (select: string, option: string | RegExp) => {
  await page.locator(select).locator('xpath=..').locator('[role=combobox]').click();
  await page.getByRole('option', { name: option }).click();
};

it('an online system-fault call converted to a work order keeps its channel and category on the case page', async () => {
  await page.getByRole('button', { name: '热线来电登记', exact: true }).click();
  await page.locator('input[name=caller]').fill(customer.id);
  await page.getByRole('option').filter({ hasText: customer.id }).first().click();
  await pick('input[name=channel]', '在线咨询');
  await pick('input[name=category]', '系统问题类故障诊断');
  await page.locator('input[name=summary]').fill('RDS 实例自 10:00 起无法写入');
  await page.locator('input[name=summary]').press('Control+Enter');
  const offer = page.getByTestId('convert-call');
  await offer.waitFor();
  const callId = (await offer.textContent())!.match(/C-\d{6}/)![0];
  await offer.getByRole('button', { name: '工单', exact: true }).click();

  // The work-order form starts on the call's channel.
  await expect.poll(() => page.locator('[data-testid=case-channel-field]').locator('xpath=..').locator('[role=combobox]').textContent()).toBe('在线咨询');
  await expect.poll(() => page.locator('input[name=caller]').inputValue()).toContain(customer.id);
  await pick('[data-testid=severity]', /^SEV-2/);
  await page.locator('input[name=businessImpact]').fill('订单无法写入，约 300 名用户受影响');
  await page.locator('textarea[name=evidence]').fill('10:02 RDS-1040 write timeout');
  await page.locator('textarea[name=stepsTried]').fill('重启实例');
  await page.locator('input[name=summary]').press('Control+Enter');

  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('case-channel').waitFor();
  expect(await dialog.getByTestId('case-channel').textContent()).toBe('在线咨询');
  expect(await dialog.getByTestId('case-category').textContent()).toBe('系统问题类故障诊断');
  expect(await dialog.getByTestId('case-from-call').textContent()).toContain(callId);
  await screenshot(page, 'case-origin-01-work-order-keeps-channel');
});
