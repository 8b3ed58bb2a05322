// Issue 12 item 1: an unknown caller is registered in the call form or logged as unidentified and
// linked later; the registry adds customers and imports billing's CSV with a report of refused rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, screenshot, setUpFirstManager, startHost, type RunningHost } from './support/browser.js';

let dataDir: string;
let host: RunningHost;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-customers-'));
  host = await startHost(dataDir);
  browser = await launchBrowser();
  page = browser.page;
  await setUpFirstManager(page, host.url, { username: 'mgr', displayName: '王经理', password: 'customers e2e 42' });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const recentRow = (text: string) => page.getByRole('table', { name: '最近案件' }).getByRole('row').filter({ hasText: text });

it('registers an unknown caller from the call form and logs the call against them', async () => {
  await page.getByRole('button', { name: '热线来电登记' }).click();
  await page.locator('input[name=caller]').fill('139 0000 1111');
  await page.getByText('没有匹配的客户').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '新建客户' }).click();
  const dialog = page.getByRole('dialog');
  // The number typed into the lookup is carried into the new customer.
  expect(await dialog.locator('input[name=phone]').inputValue()).toBe('139 0000 1111');
  await dialog.locator('input[name=account]').fill('hz-new-01');
  await dialog.locator('input[name=name]').fill('杭州新客科技有限公司');
  await dialog.locator('input[name=region]').fill('cn-hangzhou');
  await dialog.locator('input[name=contactName]').fill('陈先生');
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await page.locator('input[name=caller]').inputValue()).toContain('hz-new-01');
  await page.locator('input[name=summary]').fill('控制台无法登录');
  await page.getByRole('button', { name: '保存来电' }).click();
  await recentRow('控制台无法登录').filter({ hasText: '杭州新客科技有限公司' }).waitFor();
});

it('logs an unidentified caller and links the call to the customer later', async () => {
  await page.getByText('未识别来电').click();
  await page.locator('input[name=callerName]').fill('李女士');
  await page.locator('input[name=callerPhone]').fill('13700002222');
  await page.locator('input[name=summary]').fill('咨询对象存储价格');
  await page.getByRole('button', { name: '保存来电' }).click();
  const row = recentRow('咨询对象存储价格');
  await row.filter({ hasText: '未识别来电: 李女士' }).waitFor();
  await screenshot(page, 'calls-unidentified');
  await row.getByRole('button', { name: '关联' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[name=caller]').fill('hz-new');
  await page.getByRole('option', { name: /hz-new-01/ }).click();
  await dialog.getByRole('button', { name: '关联' }).click();
  await dialog.waitFor({ state: 'detached' });
  await recentRow('咨询对象存储价格').filter({ hasText: '杭州新客科技有限公司' }).waitFor();
});

it('imports customers from a CSV, reports the refused rows and imports the rest at once', async () => {
  await page.getByRole('button', { name: '客户档案' }).click();
  await page.getByRole('row').filter({ hasText: 'hz-new-01' }).waitFor();
  await page.getByRole('button', { name: '导入 CSV/XLSX' }).click();
  const csv = ['客户账号,客户名称,VIP,地域,联系人,手机号', 'sh-a-01,上海甲公司,是,cn-shanghai,赵一,13811112222', 'hz-new-01,重复公司,,cn-hangzhou,钱二,', 'bj-b-01,北京乙公司,,cn-beijing,孙三,'].join('\n');
  await page.locator('input[name=import-file]').setInputFiles({ name: 'billing.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: '检查文件' }).click();
  const report = page.getByTestId('import-report');
  await report.filter({ hasText: '可导入 2 行，拒绝 1 行' }).waitFor();
  // Row 3 of the file (the header is row 1) names an account already registered.
  await page.locator('[data-refused-row="3"]').filter({ hasText: '账号 hz-new-01 已登记' }).waitFor();
  await screenshot(page, 'customers-import-preview');
  await page.getByRole('button', { name: '导入 2 行' }).click();
  await report.filter({ hasText: '已导入 2 行，拒绝 1 行' }).waitFor();
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByRole('row').filter({ hasText: 'sh-a-01' }).filter({ hasText: 'VIP' }).waitFor();
  await page.getByRole('row').filter({ hasText: 'bj-b-01' }).waitFor();
  expect(await page.getByText('共 3 个客户').count()).toBe(1);
});
