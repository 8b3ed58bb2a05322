// The manager's dashboard, report export and policy editor end to end, on seeded data:
// real host process, real store, real Chromium; screenshots in both languages.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Customer } from '../../shared/domain/case.js';
import type { Order } from '../../shared/domain/order.js';
import { openDesk } from '../../main/server/open-desk.js';
import { memorySettings } from '../../main/server/settings/settings-store.js';
import type { StoredRecord } from '../../main/store/index.js';
import { chooseLanguage, cli, launchBrowser, screenshot, startHost, type RunningHost } from './support/browser.js';

const PASSWORD = 'e2e password 42';
let dataDir: string;
let host: RunningHost;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-dashboard-'));
  await cli(['seed', '--cases', '200', '--customers', '30', '--seed', '7', '--until', new Date().toISOString(), '--data', dataDir]);
  // One refund decided by the engine (seeded cases carry no decisions), so the policy preview has one to re-run.
  const opened = await openDesk({ dataDir, settings: memorySettings(), slaIntervalMs: 0 });
  const mgr = opened.desk.connect();
  const must = async (outcome: Promise<{ ok: boolean }>) => expect((await outcome).ok).toBe(true);
  await must(opened.desk.dispatch(mgr, 'setup.createManager', { username: 'mgr', displayName: '王经理', password: PASSWORD }));
  const customer = opened.desk.services.store.all<Customer & { id: string }>('customers').find((c) => !c.vip)!;
  const order: Order = { id: 'O-E2E-1', customerAccount: customer.id, product: 'ECS ecs.g7.large', billingMode: 'monthly', purchasedAt: new Date(Date.now() - 26 * 3_600_000).toISOString(), paid: '1000.00' };
  opened.desk.services.store.append({ actor: 'e2e', action: 'order.imported', changes: [{ entity: 'orders', id: order.id, op: 'put', record: { ...order } as StoredRecord }] });
  await must(opened.desk.dispatch(mgr, 'refunds.submit', { customerAccount: customer.id, orderIds: [order.id], dataMigrationConfirmed: true }));
  await opened.close();

  host = await startHost(dataDir);
  browser = await launchBrowser();
  page = browser.page;
  await page.goto(host.url);
  await page.locator('input[name=username]').fill('mgr');
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('operator').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function bothLanguages(name: string, englishText: string) {
  await page.waitForTimeout(500); // chart animations and colour transitions settle
  await screenshot(page, `${name}-zh`);
  await chooseLanguage(page, 'English');
  await page.getByText(englishText).first().waitFor();
  await page.waitForTimeout(500);
  await screenshot(page, `${name}-en`);
  await chooseLanguage(page, '简体中文');
}

/** Chooses the report's format, presses Export and waits for the file the desk serves. */
async function exportAs(format: 'XLSX' | 'PDF') {
  await page.getByRole('combobox', { name: '格式' }).click();
  await page.getByRole('option', { name: format }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出', exact: true }).click();
  return download;
}

it('shows the dashboard on seeded data and exports a CSV', async () => {
  await page.getByRole('button', { name: '数据看板', exact: true }).click();
  const total = page.locator('[data-figure="案件总数"]');
  await total.waitFor();
  expect(Number(await total.textContent())).toBeGreaterThan(0);
  await page.getByRole('region', { name: '案件趋势' }).locator('svg').first().waitFor();
  await bothLanguages('dashboard', 'Cases over time');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^cases-.*\.csv$/);
  const text = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '');
  expect(text.split('\r\n')[0]).toBe('case,type,channel,status,severity,category,in scope,customer account,customer,VIP,agent,opened at (UTC),updated at (UTC),summary,error codes');
  await page.getByText(/已导出 \d+ 行/).waitFor();

  const png = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存为 PNG' }).first().click();
  expect((await png).suggestedFilename()).toMatch(/\.png$/);

  const pdf = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 PDF' }).click();
  const pdfFile = await pdf;
  expect(pdfFile.suggestedFilename()).toMatch(/^dashboard-.*\.pdf$/);
  expect(readFileSync((await pdfFile.path())!).subarray(0, 5).toString()).toBe('%PDF-');
});

it('exports the cases report as an XLSX downloaded from the host through its link, every row in it', async () => {
  const file = await exportAs('XLSX');
  expect(file.suggestedFilename()).toMatch(/^cases-.*\.xlsx$/);
  const done = await page.getByText(/已导出 \d+ 行/).textContent();
  const rows = Number(/已导出 (\d+) 行/.exec(done ?? '')![1]);
  expect(rows).toBeGreaterThan(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await file.path())!);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe('case');
  expect(sheet.rowCount).toBe(rows + 1);
  expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^C-\d{6,}$/);
});

it('exports the cases report as a PDF from the desk too, its dates in the desk’s zone; the refunds figure shows what is still to pay', async () => {
  // Refunds paid out are the figure; those submitted or approved are "still to pay" beside it.
  expect(await page.locator('[data-figure="已退款（元）"]').locator('xpath=..').textContent()).toMatch(/待退 \d+\.\d{2}/);
  const file = await exportAs('PDF');
  expect(file.suggestedFilename()).toMatch(/^cases-.*\.pdf$/);
  const text = execFileSync('pdftotext', [(await file.path())!, '-'], { encoding: 'utf8' });
  expect(text).toContain('Asia/Shanghai');
  expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
});

it('publishes a new policy version after a preview', async () => {
  await page.getByRole('button', { name: '政策管理', exact: true }).click();
  await page.getByRole('button', { name: /基于 .* 新建版本/ }).click();
  await page.locator('input[name="refund.windowHours"]').fill('24');
  await page.locator('input[name=reason]').fill('缩短退款时限');
  await page.getByRole('button', { name: '预览对近期决定的影响' }).click();
  await page.getByText('近期 1 个决定，其中 1 个会变化').waitFor();
  await bothLanguages('policy-preview', 'Under the draft');
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByText(/已发布，自 .* 起生效/).waitFor();
  await bothLanguages('policy-published', 'Policy versions');
});
