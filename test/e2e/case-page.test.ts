// The case page shows what the work order was opened with (incident template, notes) and reads its
// history in words, in both languages; the audit trail too (issue 12 item 9). Real host, real
// store, real Chromium.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chooseLanguage, screenshot } from './support/browser.js';
import { standardOperators } from './support/desk.js';
import { openPreparedDesk, type PreparedDesk } from './support/prepared.js';

let app: PreparedDesk;
const SUMMARY = 'OSS 存储桶自 09:30 起拒绝写入';

beforeAll(async () => {
  app = await openPreparedDesk('case-page', async (desk) => {
    await standardOperators(desk);
    await desk.as('mgr')('customers.create', { account: 'acme-01', name: '阿克米云计算', vip: false, region: 'cn-hangzhou', contacts: [{ name: '王工', phone: '+8613800000001' }] });
    const agent = desk.as('agent1');
    const wo = await agent('workOrders.create', {
      customerAccount: 'acme-01',
      summary: SUMMARY,
      severity: 'SEV-2',
      businessImpact: '订单图片无法上传，影响约 300 名商户',
      evidence: ['09:31 OSS-403 AccessDenied'],
      errorCodes: ['OSS-403'],
      stepsTried: ['检查 RAM 策略', '更换 AccessKey'],
      incident: { region: 'cn-hangzhou', affectedServices: ['OSS', 'CDN'], symptoms: 'PutObject 返回 403', mitigationAttempted: '切换到备用存储桶' },
      notes: '客户要求每 30 分钟电话同步进展',
    });
    await agent('workOrders.escalate', { id: wo.id, reason: '需要存储产品专家' });
  });
});

afterAll(async () => {
  await app?.close();
});

it('shows the incident template and the notes on the case page, and the history in words in both languages', async () => {
  const page = await app.pageAs('sup1');
  await page.getByRole('button', { name: '案件队列' }).click();
  await page.getByRole('option').filter({ hasText: SUMMARY }).first().click();
  const dialog = page.getByRole('dialog');
  const incident = dialog.getByTestId('incident-template');
  await incident.waitFor();
  expect(await incident.locator('[data-field]').allTextContents()).toEqual([
    '地域: cn-hangzhou',
    '受影响的服务: OSS, CDN',
    '故障现象: PutObject 返回 403',
    '已采取的缓解措施: 切换到备用存储桶',
  ]);
  expect(await dialog.getByTestId('case-notes').textContent()).toContain('客户要求每 30 分钟电话同步进展');

  const history = dialog.getByRole('list', { name: '历史记录' });
  await expect.poll(() => history.textContent()).toContain('创建工单');
  expect(await history.textContent()).toContain('工单已升级');
  expect(await history.textContent()).not.toMatch(/work-order\.|[a-z]+\.[a-z-]+ed\b/);
  await screenshot(page, 'case-page-zh');

  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // The audit trail reads the same table.
  await page.getByRole('button', { name: '审计' }).click();
  const escalated = page.locator('tr[data-action="work-order.escalated"]').first();
  await escalated.waitFor();
  expect(await escalated.textContent()).toContain('工单已升级');
  expect(await escalated.textContent()).not.toContain('work-order.escalated');

  await chooseLanguage(page, 'English');
  await expect.poll(() => escalated.textContent()).toContain('Work order escalated');
  await page.getByRole('button', { name: 'Queue' }).click();
  await page.getByRole('option').filter({ hasText: SUMMARY }).first().click();
  const english = page.getByRole('list', { name: 'History' });
  await expect.poll(() => english.textContent()).toContain('Work order escalated');
  expect(await english.textContent()).toContain('Work order opened');
  expect(await page.getByRole('dialog').getByTestId('incident-template').textContent()).toContain('Affected services: OSS, CDN');
  await page.close();
});
