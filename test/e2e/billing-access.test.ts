// Billing dispute and access recovery end to end: real host, real store, real Chromium. An agent
// raises a billing dispute and an access-recovery request; a second operator (a supervisor created
// before the host starts) resolves the dispute and approves the recovery. Screens in both languages.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDesk } from '../../main/server/open-desk.js';
import { memorySettings } from '../../main/server/settings/settings-store.js';
import { chooseLanguage, launchBrowser, screenshot, startHost, signIn as signInAs, type RunningHost } from './support/browser.js';

const PASSWORD = 'e2e password 42';
let dataDir: string;
let host: RunningHost;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-billing-'));
  const opened = await openDesk({ dataDir, settings: memorySettings(), slaIntervalMs: 0 });
  const manager = opened.desk.connect();
  const ok = async (name: string, input: unknown) => {
    const outcome = await opened.desk.dispatch(manager, name, input);
    if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.error)}`);
  };
  await ok('setup.createManager', { username: 'mgr', displayName: '王经理', password: PASSWORD });
  await ok('operators.create', { username: 'wang', displayName: '王坐席', password: PASSWORD, role: 'agent' });
  await ok('operators.create', { username: 'zhao', displayName: '赵主管', password: PASSWORD, role: 'supervisor' });
  await ok('customers.create', {
    account: 'acme-01',
    name: 'Acme 科技',
    vip: false,
    region: 'cn-hangzhou',
    contacts: [{ name: '李雷', phone: '0571-87654321' }],
  });
  await opened.close();
  host = await startHost(dataDir);
  browser = await launchBrowser();
  page = browser.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(username: string) {
  await signInAs(page, username, PASSWORD);
}

async function signOut() {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.locator('input[name=username]').waitFor();
}

async function bothLanguages(name: string, englishText: string) {
  await page.waitForTimeout(350);
  await screenshot(page, `${name}-zh`);
  await chooseLanguage(page, 'English');
  await page.getByText(englishText).first().waitFor();
  await screenshot(page, `${name}-en`);
  await chooseLanguage(page, '简体中文');
}

async function openPanel(label: string) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.locator('input[name=caller]').fill('acme-01');
  await page.getByRole('option').filter({ hasText: 'acme-01' }).first().click();
}

it('an agent opens a billing inquiry and a dispute, and submits an access recovery with a document', async () => {
  await signIn('wang');
  await page.getByRole('button', { name: '账单', exact: true }).click();
  await page.locator('input[name=caller]').fill('0571 8765 4321'); // the caller's number, as said
  await page.getByRole('option').filter({ hasText: 'acme-01' }).first().click();
  await page.locator('input[name=invoicePeriod]').fill('2026-04');
  await page.locator('input[name="items.0.service"]').fill('ecs');
  await page.locator('input[name="items.0.amount"]').fill('1200.10');
  await page.locator('textarea[name=question]').fill('四月账单比三月高');
  await page.getByRole('button', { name: '登记咨询' }).click();
  const card = page.locator('[data-status=open]').first();
  await card.waitFor();
  await card.locator('input[name=expectedAmount]').fill('1000');
  await card.locator('input[name=reason]').fill('预留实例折扣未生效');
  await card.getByRole('button', { name: '发起争议' }).click();
  await page.locator('[data-status=disputed]').waitFor();
  expect(await page.getByTestId('dispute-figures').textContent()).toContain('200.10');
  await bothLanguages('billing-dispute-agent', 'Billing inquiry');

  await openPanel('权限找回');
  await page.locator('input[name=role]').fill('主账号管理员');
  await page.locator('input[name=previousHolder]').fill('李雷');
  await page.locator('input[name=newHolder]').fill('韩梅梅');
  const licence = join(dataDir, '营业执照.pdf');
  writeFileSync(licence, '%PDF-1.4 licence');
  await page.locator('input[name=documents]').setInputFiles(licence);
  await page.getByText('营业执照.pdf').first().waitFor();
  await page.getByRole('button', { name: '提交审批' }).click();
  await page.locator('[data-status=submitted]').waitFor();
  await page.locator('input[name="contacts.0.phone"]').fill('+86 (0)10 6234-5678 转 12');
  await page.locator('input[name=contactsReason]').fill('原管理员离职，更新联系电话');
  await page.getByRole('button', { name: '保存联系人' }).click();
  await page.getByText('acme-01 的联系人已更新').waitFor();
  expect(await page.locator('input[name="contacts.0.phone"]').inputValue()).toBe('+861062345678');
  await bothLanguages('access-recovery-agent', 'Restore administrative access');
  await signOut();
});

it('a supervisor corrects the dispute and approves the access recovery', async () => {
  await signIn('zhao');
  await openPanel('账单');
  const disputed = page.locator('[data-status=disputed]').first();
  await disputed.locator('input[name=correctedAmount]').fill('1000.00');
  await disputed.locator('input[name=note]').fill('折扣已补录');
  await disputed.getByRole('button', { name: '记录结果' }).click();
  await page.locator('[data-status=dispute-corrected]').waitFor();
  expect(await page.getByTestId('dispute-figures').textContent()).toContain('200.10');
  expect(await page.getByTestId('dispute-report').textContent()).toContain('200.10');
  await bothLanguages('billing-dispute-resolved', 'Dispute corrected');

  await openPanel('权限找回');
  await page.locator('[data-status=submitted]').getByRole('button', { name: '批准' }).click();
  await page.locator('[data-status=approved]').waitFor();
  expect(await page.locator('[data-status=approved]').textContent()).toContain('zhao');
  await bothLanguages('access-recovery-approved', 'Approved by zhao');
});
