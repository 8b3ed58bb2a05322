// The walking skeleton end to end: first-start set-up, sign-in, caller lookup by phone,
// a logged call that survives a reload. Real host process, real store, real Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Customer } from '../../shared/domain/case.js';
import { openCaseStore } from '../../main/store/index.js';
import { cli, launchBrowser, screenshot, setUpFirstManager, startHost, signIn as signInAs, type RunningHost } from './support/browser.js';

const PASSWORD = 'e2e password 42';
let dataDir: string;
let host: RunningHost;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let caller: Customer & { [key: string]: unknown };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-'));
  await cli(['seed', '--cases', '300', '--seed', '7', '--data', dataDir]);
  const store = await openCaseStore(dataDir);
  caller = store.all<Customer & { [key: string]: unknown }>('customers').find((c) => c.contacts.some((k) => k.phone?.startsWith('+861')))!;
  await store.close();
  host = await startHost(dataDir);
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(username: string) {
  await signInAs(page, username, PASSWORD);
}

it('sets up the first manager, who adds an agent; the agent logs a call found by phone, still there after a reload', async () => {
  await page.goto(host.url);
  await page.locator('input[name=displayName]').waitFor();
  await screenshot(page, 'foundation-01-setup');
  await setUpFirstManager(page, host.url, { username: 'mgr', displayName: '王经理', password: PASSWORD });
  await expect.poll(() => page.getByTestId('operator').textContent()).toBe('王经理');

  // The manager adds an agent; the agent takes the calls.
  await page.getByRole('button', { name: '操作员' }).click();
  const addForm = page.getByRole('form', { name: '添加操作员' });
  await addForm.locator('input[name=username]').fill('li.agent');
  await addForm.locator('input[name=displayName]').fill('李坐席');
  await addForm.locator('input[name=password]').fill(PASSWORD);
  await addForm.getByRole('button', { name: '添加操作员' }).click();
  await page.locator('[data-operator="li.agent"]').waitFor();
  await screenshot(page, 'foundation-02-operators');

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.locator('input[name=password]').waitFor();
  expect(await page.locator('input[name=username]').inputValue()).toBe('mgr'); // last operator remembered
  await screenshot(page, 'foundation-03-sign-in');
  await signIn('li.agent');
  expect(await page.getByRole('button', { name: '操作员' }).count()).toBe(0); // a manager's panel, not an agent's

  // The caller gives the number in national format with dashes: +8613812345678 → 138-1234-5678.
  const phone = caller.contacts.find((k) => k.phone?.startsWith('+861'))!.phone!;
  const national = phone.slice(3).replace(/^(\d{3})(\d{4})(\d{4})$/, '$1-$2-$3');
  await page.locator('input[name=caller]').fill(national);
  const option = page.getByRole('option').filter({ hasText: caller.id });
  await option.waitFor();
  await screenshot(page, 'foundation-04-caller-lookup');
  await option.click();

  const summary = `ECS 实例无法连接 e2e-${Date.now()}`;
  await page.locator('input[name=summary]').fill(summary);
  await page.locator('textarea[name=notes]').fill('客户反馈自 14:00 起无法 SSH 登录');
  await page.locator('textarea[name=notes]').press('Control+Enter');
  await page.getByText(/来电 C-\d{6} 已保存/).waitFor();
  await expect.poll(() => page.locator('input[name=caller]').inputValue()).toBe(''); // form cleared for the next call

  await page.reload(); // the tab keeps its sign-in
  await expect.poll(() => page.getByTestId('operator').textContent()).toBe('李坐席');
  const row = page.getByRole('row').filter({ hasText: summary });
  await row.waitFor();
  expect(await row.textContent()).toContain(caller.name);
  expect(await row.textContent()).toContain('li.agent');
  await screenshot(page, 'foundation-05-call-logged');
});

it('shows the error next to the field and saves nothing when the caller is missing', async () => {
  const before = await page.getByRole('row').count();
  await page.locator('input[name=summary]').fill('no caller chosen');
  await page.getByRole('button', { name: '保存来电' }).click();
  await page.getByText('请先查找来电客户，或记下未识别来电人的姓名或号码').waitFor(); // the desk's message, in the operator's language
  expect(await page.locator('input[name=summary]').inputValue()).toBe('no caller chosen'); // what was typed is kept
  expect(await page.getByRole('row').count()).toBe(before);
  await screenshot(page, 'foundation-06-missing-caller');
});

it('after signing out, a reload shows the sign-in screen again', async () => {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.locator('input[name=password]').waitFor();
  await page.reload();
  await page.locator('input[name=password]').waitFor();
  expect(await page.getByTestId('operator').count()).toBe(0);
});
