// The supervisor's desk end to end: an agent submits a refund, a supervisor selects it in the
// approval queue, reads the case beside approve / reject (the rules engine's decision rule by
// rule, the orders, the notes and the history), approves it and downloads the receipt PDF, rejects
// another with a reason, credits an ICP reward, and reads the audit trail with its verified hash
// chain — real host, real store, real Chromium, both languages.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Order } from '../../shared/domain/order.js';
import type { StoredRecord } from '../../main/store/index.js';
import { openDesk } from '../../main/server/open-desk.js';
import { memorySettings } from '../../main/server/settings/settings-store.js';
import { chooseLanguage, launchBrowser, reviewPane, screenshot, startHost, signIn as signInAs, type RunningHost } from './support/browser.js';

const PASSWORD = 'e2e password 42';
const HOUR = 3_600_000;
let dataDir: string;
let host: RunningHost;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let rejectId: string;
let rewardId: string;
let recoveryId: string;
const LICENCE = Buffer.from('%PDF-1.4 营业执照 business licence of 李娜网络');

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-approvals-'));
  // Operators, customers and orders made in-process on the data directory, before the host holds it.
  const opened = await openDesk({ dataDir, settings: memorySettings(), slaIntervalMs: 0 });
  const { desk } = opened;
  const ok = async (connection: ReturnType<typeof desk.connect>, name: Parameters<typeof desk.dispatch>[1], input: unknown) => {
    const outcome = await desk.dispatch(connection, name, input);
    if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.error)}`);
    return outcome.value as { id: string };
  };
  const manager = desk.connect();
  await ok(manager, 'setup.createManager', { username: 'mgr', displayName: '王经理', password: PASSWORD });
  await ok(manager, 'operators.create', { username: 'agent1', displayName: '李客服', password: PASSWORD, role: 'agent' });
  await ok(manager, 'operators.create', { username: 'sup1', displayName: '赵主管', password: PASSWORD, role: 'supervisor' });
  for (const [account, name] of [['zhang-01', '张伟科技有限公司'], ['li-02', '李娜网络']]) {
    await ok(manager, 'customers.create', { account, name, region: 'cn-beijing', contacts: [{ name, phone: '+8613800000009' }] });
  }
  const now = Date.now();
  const orders: Order[] = [
    { id: 'O-AP-1', customerAccount: 'zhang-01', product: '云服务器 ECS', billingMode: 'monthly', purchasedAt: new Date(now - 26 * HOUR).toISOString(), paid: '1234.50' },
    { id: 'O-AP-2', customerAccount: 'li-02', product: 'SLB', billingMode: 'monthly', purchasedAt: new Date(now - 30 * HOUR).toISOString(), paid: '300.00' },
  ];
  desk.services.store.append({
    actor: 'e2e',
    action: 'order.imported',
    changes: orders.map((o) => ({ entity: 'orders', id: o.id, op: 'put' as const, record: { ...o } as StoredRecord })),
  });
  const agent = desk.connect();
  await ok(agent, 'session.signIn', { username: 'agent1', password: PASSWORD });
  rejectId = (await ok(agent, 'refunds.submit', { customerAccount: 'li-02', orderIds: ['O-AP-2'], dataMigrationConfirmed: true })).id;
  rewardId = (
    await ok(agent, 'icpReward.submit', {
      customerAccount: 'li-02',
      accumulatedRecharge: '250.00',
      host: { billingMode: 'monthly', servesWebsite: true, firstFilingWithUs: true, terminatedEarly: false, expiredWithoutRenewal: false },
      filing: { status: 'approved', approvedAt: new Date(now - 24 * HOUR).toISOString(), customerDelayDays: 0 },
    })
  ).id;
  const { uploadId } = await ok(agent, 'uploads.begin', { name: '营业执照.pdf', bytes: LICENCE.length }) as unknown as { uploadId: string };
  await ok(agent, 'uploads.chunk', { uploadId, offset: 0, contentBase64: LICENCE.toString('base64') });
  recoveryId = (
    await ok(agent, 'accessRecovery.submit', { customerAccount: 'li-02', reason: 'admin-left', role: 'account administrator', previousHolder: '李娜', newHolder: '王强', documents: [{ uploadId }] })
  ).id;
  await opened.close();

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
  await page.goto(host.url);
  await signInAs(page, username, PASSWORD);
}

async function bothLanguages(name: string, englishText: string) {
  await page.waitForTimeout(350);
  await screenshot(page, `${name}-zh`);
  await chooseLanguage(page, 'English');
  await page.getByText(englishText).first().waitFor();
  await screenshot(page, `${name}-en`);
  await chooseLanguage(page, '简体中文');
}

let approveId: string;

it('an agent submits a refund', async () => {
  await signIn('agent1');
  await page.getByRole('button', { name: '退款', exact: true }).click();
  await page.locator('input[name=caller]').fill('zhang-01');
  await page.getByRole('option').filter({ hasText: 'zhang-01' }).first().click();
  await page.locator('input[name="order-O-AP-1"]').check();
  await page.locator('input[name=dataMigrationConfirmed]').check();
  await page.locator('textarea[name=notes]:not([aria-hidden])').fill('客户迁移到其他地域，数据已备份');
  await page.locator('[data-testid=decision][data-outcome=eligible]').waitFor();
  await expect.poll(() => page.getByRole('button', { name: '提交退款审核' }).isEnabled()).toBe(true);
  await page.locator('input[name=dataMigrationConfirmed]').press('Control+Enter');
  const notice = await page.getByText(/退款 C-\d{6} 已提交审核/).textContent();
  approveId = /C-\d{6}/.exec(notice ?? '')![0];
  // Agents do not see the supervisor's panels.
  expect(await page.getByRole('button', { name: '审批', exact: true }).count()).toBe(0);
  await page.getByRole('button', { name: '退出登录' }).click();
});

it('a supervisor opens it beside approve / reject, reads the rules, orders, notes and history, approves and downloads the receipt PDF', async () => {
  await signIn('sup1');
  await page.getByRole('button', { name: '审批', exact: true }).click();
  const row = page.locator(`tr[data-item-id="${approveId}"]`);
  await row.waitFor();
  await page.locator(`tr[data-item-id="${rejectId}"]`).waitFor();
  expect(await row.textContent()).toContain('张伟科技有限公司');
  const pane = await reviewPane(page, approveId);
  // The engine's decision, rule by rule, as the agent saw it: R1–R6 of policy section 5.
  await pane.locator('[data-testid=decision][data-outcome=eligible]').waitFor();
  for (const rule of ['R1', 'R2', 'R3']) expect(await pane.locator(`[data-rule=${rule}]`).count()).toBeGreaterThan(0);
  expect(await pane.locator('tr[data-order-id="O-AP-1"]').textContent()).toContain('云服务器 ECS');
  expect(await pane.getByTestId('case-notes').textContent()).toContain('客户迁移到其他地域');
  expect(await pane.locator('[data-action="refund.submitted"]').textContent()).toContain('agent1');
  await bothLanguages('approvals-01-queue', 'Approval queue');
  await pane.getByRole('button', { name: '批准' }).click();
  const decided = page.locator(`[data-decided-id="${approveId}"]`);
  await decided.waitFor();
  await row.waitFor({ state: 'detached' });
  const [download] = await Promise.all([page.waitForEvent('download'), decided.getByRole('button', { name: '回执（PDF）' }).click()]);
  expect(download.suggestedFilename()).toBe(`RR-${approveId.slice(2)}.pdf`);
  const file = join(dataDir, 'receipt.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('张伟科技有限公司');
  expect(text).toContain('1234.50');
  expect(text).toContain('sup1');
});

it('rejects another refund with a reason', async () => {
  const pane = await reviewPane(page, rejectId);
  await pane.getByRole('button', { name: '驳回' }).click();
  await pane.getByRole('button', { name: '驳回' }).click(); // no reason yet: refused in place
  await pane.getByRole('alert').waitFor();
  await pane.locator('input[name=reason]').fill('客户已撤回申请');
  await bothLanguages('approvals-02-reject-reason', 'Reason for rejecting');
  await pane.locator('input[name=reason]').press('Enter');
  await page.locator(`[data-decided-id="${rejectId}"]`).waitFor();
  await page.locator(`tr[data-item-id="${rejectId}"]`).waitFor({ state: 'detached' });
});

it('opens the access recovery’s verification document from the pane, then approves the recovery', async () => {
  const pane = await reviewPane(page, recoveryId);
  expect(await pane.textContent()).toContain('李娜 → 王强');
  const [download] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: /营业执照\.pdf/ }).click()]);
  expect(download.suggestedFilename()).toBe('营业执照.pdf');
  expect(readFileSync((await download.path())!)).toEqual(LICENCE);
  await pane.getByRole('button', { name: '批准' }).click();
  await page.locator(`[data-decided-id="${recoveryId}"]`).waitFor();
});

it('credits an ICP reward from the queue after reading I1–I6', async () => {
  const pane = await reviewPane(page, rewardId);
  await pane.locator('[data-rule=I4][data-result=passed]').waitFor();
  await pane.getByRole('button', { name: '奖励入账' }).click();
  await page.locator(`[data-decided-id="${rewardId}"]`).waitFor();
  await page.getByText('暂无待审批事项。').waitFor();
});

it('the audit view shows the events, a case history and a verified hash chain', async () => {
  await page.getByRole('button', { name: '审计', exact: true }).click();
  await page.locator('[data-testid=chain-badge][data-state=verified]').waitFor();
  await page.locator('tr[data-action="refund.rejected"]').first().waitFor();
  await page.locator('input[name=action]').fill('refund.rejected');
  await page.locator('input[name=action]').press('Enter');
  await expect.poll(() => page.locator('tr[data-action]').count()).toBe(1);
  expect(await page.locator('tr[data-action="refund.rejected"]').textContent()).toContain('客户已撤回申请');
  await page.locator('input[name=caseId]').fill(approveId);
  await page.locator('input[name=caseId]').press('Enter');
  await page.locator('tr[data-action="refund.approved"]').waitFor();
  expect(await page.locator('tr[data-action="refund.submitted"]').count()).toBe(1);
  await bothLanguages('audit-01-verified', 'Hash chain verified');
});
