// The agent workspace's money and complaint panels end to end: real host process, real store,
// real Chromium. Refunds (eligible and not), compensation with an excluded occurrence, an ICP
// reward and a complaint — each shown in both languages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Customer } from '../../shared/domain/case.js';
import type { Order } from '../../shared/domain/order.js';
import { fileKeyProvider, keyDirFor, openCaseStore, type StoredRecord } from '../../main/store/index.js';
import { localTimeInZone } from '../../shared/rules/zone.js';
import { chooseLanguage, cli, launchBrowser, screenshot, setUpFirstManager, startHost, type RunningHost } from './support/browser.js';

const PASSWORD = 'e2e password 42';
const HOUR = 3_600_000;
let dataDir: string;
let host: RunningHost;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let customer: Customer;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-money-'));
  await cli(['seed', '--cases', '60', '--customers', '20', '--seed', '11', '--until', new Date().toISOString(), '--data', dataDir]);
  // With the key the command line anchored the seeded store with, so the host trusts these events.
  const store = await openCaseStore(dataDir, { keys: fileKeyProvider(keyDirFor(dataDir)) });
  customer = store.all<Customer & { id: string }>('customers').find((c) => !c.vip)!;
  const now = Date.now();
  const orders: Order[] = [
    { id: 'O-E2E-1', customerAccount: customer.id, product: 'ECS ecs.g7.large', billingMode: 'monthly', purchasedAt: new Date(now - 26 * HOUR).toISOString(), paid: '1000.00', reward: { granted: '100.00', spent: '60.00' } },
    { id: 'O-E2E-2', customerAccount: customer.id, product: 'SLB load balancer', billingMode: 'on-demand', purchasedAt: new Date(now - 30 * HOUR).toISOString(), paid: '88.50' },
    { id: 'O-E2E-3', customerAccount: customer.id, product: 'OSS storage package', billingMode: 'yearly', purchasedAt: new Date(now - 2 * HOUR).toISOString(), paid: '50.00', reward: { granted: '80.00', spent: '80.00' } },
  ];
  store.append({
    actor: 'e2e',
    action: 'order.imported',
    changes: orders.map((o) => ({ entity: 'orders', id: o.id, op: 'put' as const, record: { ...o } as StoredRecord })),
  });
  await store.close();
  host = await startHost(dataDir);
  browser = await launchBrowser();
  page = browser.page;

  await setUpFirstManager(page, host.url, { username: 'mgr', displayName: '王经理', password: PASSWORD });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Screenshots in Chinese (the default), then in English, back to Chinese. */
async function bothLanguages(name: string, englishText: string) {
  await page.waitForTimeout(350); // MUI's colour transitions (chips, buttons) settle
  await screenshot(page, `${name}-zh`);
  await chooseLanguage(page, 'English');
  await page.getByText(englishText).first().waitFor();
  await screenshot(page, `${name}-en`);
  await chooseLanguage(page, '简体中文');
}

async function openPanel(label: string) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.locator('input[name=caller]').fill(customer.id);
  await page.getByRole('option').filter({ hasText: customer.id }).first().click();
}

/** A datetime-local value in the desk's zone (Asia/Shanghai, the default), `hoursAgo` before now. */
function localInput(hoursAgo: number, plusMinutes = 0) {
  return localTimeInZone(Date.now() - hoursAgo * HOUR + plusMinutes * 60_000, 'Asia/Shanghai').replace(' ', 'T');
}

it('shows an eligible refund live with the reward deduction and submits it with Ctrl+Enter', async () => {
  await openPanel('退款');
  await page.locator('input[name="order-O-E2E-1"]').check();
  await page.locator('[data-testid=decision][data-outcome=ineligible]').waitFor(); // R6 not yet confirmed
  expect(await page.locator('[data-rule=R6]').getAttribute('data-result')).toBe('failed');
  await page.locator('input[name=dataMigrationConfirmed]').check();
  await page.locator('[data-testid=decision][data-outcome=eligible]').waitFor();
  expect(await page.getByTestId('amount').textContent()).toContain('940.00');
  expect(await page.getByTestId('reward-deducted').textContent()).toContain('60.00');
  await expect.poll(() => page.getByRole('button', { name: '提交退款审核' }).isEnabled()).toBe(true);
  await bothLanguages('refunds-01-eligible', 'Five-day full refund');
  await page.locator('input[name=dataMigrationConfirmed]').press('Control+Enter');
  await page.getByText(/退款 C-\d{6} 已提交审核/).waitFor();
  await page.locator('[data-case-id][data-status=submitted]').first().waitFor();
});

it('records an ineligible refund as rejected by the rules, shown in the customer’s history with its failed rule', async () => {
  await page.locator('input[name="order-O-E2E-2"]').check();
  await page.locator('input[name=dataMigrationConfirmed]').check();
  await page.locator('[data-testid=decision][data-outcome=ineligible]').waitFor();
  const r1 = page.locator('[data-rule=R1][data-subject="O-E2E-2"]');
  expect(await r1.getAttribute('data-result')).toBe('failed');
  expect(await r1.textContent()).toContain('计费方式 按量付费 不可退款'); // the engine's reason, in Chinese
  expect(await page.getByRole('button', { name: '提交退款审核' }).count()).toBe(0);
  await bothLanguages('refunds-02-ineligible', 'Not eligible');
  await page.getByRole('button', { name: '登记为规则判定不符合' }).click();
  await page.getByText(/退款 C-\d{6} 已登记为规则判定不符合/).waitFor();
  const rejected = page.locator('[data-case-id][data-status=rejected-by-rules]');
  await rejected.waitFor();
  expect(await rejected.textContent()).toContain('规则判定不符合');
  expect(await rejected.getByTestId('failed-rules').textContent()).toBe('未通过：R1');
  await bothLanguages('refunds-03-rejected-by-rules', 'Rejected by the rules');
});

it('tells the agent the customer gets nothing back when an eligible refund comes to 0.00', async () => {
  await page.locator('input[name="order-O-E2E-3"]').check();
  await page.locator('input[name=dataMigrationConfirmed]').check();
  await page.locator('[data-testid=decision][data-outcome=eligible]').waitFor();
  // R5 by hand: paid 50.00, reward spent 80.00 > 50.00, so 50.00 is deducted: 50.00 − 50.00 = 0.00.
  const banner = page.getByTestId('nothing-back');
  await banner.waitFor();
  expect(await banner.textContent()).toContain('客户拿不回任何款项');
  expect(await banner.textContent()).toMatch(/50\.00 − .*50\.00 = .*0\.00/);
  await bothLanguages('refunds-04-nothing-back', 'The customer gets nothing back');
  await page.locator('input[name="order-O-E2E-3"]').uncheck();
});

it('decides a compensation claim with one excluded occurrence and checks the email subject', async () => {
  await openPanel('故障补偿');
  await page.locator('input[name=dailyFee]').fill('12.00');
  await page.locator('input[name="occurrences.0.start"]').fill(localInput(26));
  await page.locator('input[name="occurrences.0.end"]').fill(localInput(26, 30));
  await page.getByRole('button', { name: '添加一次故障' }).click();
  await page.locator('input[name="occurrences.1.start"]').fill(localInput(25));
  await page.locator('input[name="occurrences.1.end"]').fill(localInput(25, 60));
  await page.locator('[data-occurrence=f-2]').getByRole('combobox').nth(1).click();
  await page.getByRole('option', { name: '运营商丢包或延迟' }).click();
  await page.locator('input[name=emailSubject]').fill(`${customer.id} 云服务器故障`);
  await page.locator('[data-testid=decision][data-outcome=eligible]').waitFor();
  await expect.poll(() => page.getByTestId('amount').textContent()).toContain('25.00');
  expect(await page.locator('[data-rule=C4][data-subject=f-2]').getAttribute('data-result')).toBe('failed');
  expect(await page.locator('[data-rule=C4][data-subject=f-1]').getAttribute('data-result')).toBe('passed');
  expect(await page.getByTestId('minutes').textContent()).toContain('30');
  expect(await page.getByTestId('subject-check').textContent()).toContain('故障时间');
  await expect.poll(() => page.getByRole('button', { name: '提交补偿审批' }).isEnabled()).toBe(true);
  await bothLanguages('compensation-01-excluded-occurrence', 'Fault compensation');
  await page.locator('input[name=dailyFee]').press('Control+Enter');
  await page.getByText(/补偿申请 C-\d{6} 已提交/).waitFor();
});

it('decides and records an ICP filing reward with its credit-due date; the preview then says it was received', async () => {
  await openPanel('ICP 备案奖励');
  await page.locator('input[name="filing.approvedAt"]').fill(localInput(24));
  await page.locator('input[name=accumulatedRecharge]').fill('200.00');
  await page.locator('[data-testid=decision][data-outcome=ineligible]').waitFor();
  expect(await page.locator('[data-rule=I3]').getAttribute('data-result')).toBe('failed');
  await page.locator('input[name=accumulatedRecharge]').fill('250.00');
  await page.locator('[data-testid=decision][data-outcome=eligible]').waitFor();
  expect(await page.getByTestId('amount').textContent()).toContain('100.00');
  await page.getByTestId('credit-due').waitFor();
  await expect.poll(() => page.getByRole('button', { name: '登记奖励' }).isEnabled()).toBe(true);
  await bothLanguages('icp-01-eligible', 'ICP license filing reward');
  await page.locator('input[name=accumulatedRecharge]').press('Control+Enter');
  await page.getByText(/ICP 奖励 C-\d{6} 已登记/).waitFor();
  // The reward is recorded: the same preview, asked again by itself, now fails I4 (never received before).
  await page.locator('[data-testid=decision][data-outcome=ineligible]').waitFor();
  expect(await page.locator('[data-rule=I4]').getAttribute('data-result')).toBe('failed');
  await page.locator('[role=listitem][data-status=submitted]').first().waitFor();
});

it('opens a complaint with its acknowledgement due time and refuses to close it without a response', async () => {
  // The agent logs the call first and converts it: customer and summary come along, no retyping.
  await openPanel('热线来电登记');
  await page.locator('input[name=summary]').fill('工单处理超过一周仍未解决');
  await page.locator('input[name=summary]').press('Control+Enter');
  await page.getByTestId('convert-call').getByRole('button', { name: '投诉', exact: true }).click();
  await expect.poll(() => page.locator('input[name=caller]').inputValue()).toContain(customer.id);
  expect(await page.locator('input[name=summary]').inputValue()).toBe('工单处理超过一周仍未解决');
  await page.locator('input[name=subject]').locator('xpath=..').locator('[role=combobox]').click();
  await page.getByRole('option', { name: '处理效率' }).click();
  await page.locator('input[name=summary]').press('Control+Enter');
  const card = page.locator('[data-case-id][data-status=open]').first();
  await card.waitFor();
  expect(await card.getByTestId('acknowledge-by').textContent()).toContain('确认收到');
  await card.getByRole('button', { name: '确认收到' }).click();
  const acknowledged = page.locator('[data-case-id][data-status=acknowledged]').first();
  await acknowledged.waitFor();
  await acknowledged.getByRole('button', { name: '关闭投诉' }).click();
  await page.getByText('record the response to the customer before closing the complaint').waitFor();
  await bothLanguages('complaints-01-close-refused', 'Record a complaint');
  await acknowledged.locator('textarea[name=response]').first().fill('已致歉并安排高级工程师跟进。');
  await acknowledged.getByRole('button', { name: '记录答复' }).click();
  await acknowledged.getByText('答复已记录').waitFor();
  await acknowledged.getByRole('button', { name: '关闭投诉' }).click();
  await page.locator('[data-case-id][data-status=closed]').first().waitFor();
  await bothLanguages('complaints-02-closed', 'Record a complaint');
});
