// C7 in the desk, end to end: one agent has claimed an outage (a real desk, a real store); a
// second agent, in a real Chromium, types the same outage for the same account and sees C7
// failed with the earlier claim's number before submitting — in both languages — and cannot
// submit it, while an adjacent outage right after it is compensable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDesk } from '../../main/server/open-desk.js';
import { memorySettings } from '../../main/server/settings/settings-store.js';
import { localTimeInZone } from '../../shared/rules/zone.js';
import { chooseLanguage, launchBrowser, screenshot, signIn, startHost, type RunningHost } from './support/browser.js';

const PASSWORD = 'e2e password 42';
const ZONE = 'Asia/Shanghai'; // the desk's default zone: fault times are typed in it
const MINUTE = 60_000;
// The outage: 30 minutes starting 26 hours ago (whole minutes), well inside C5's 7 working days.
const start = Math.floor((Date.now() - 26 * 60 * MINUTE) / MINUTE) * MINUTE;
const outage = { start: new Date(start).toISOString(), end: new Date(start + 30 * MINUTE).toISOString() };
const deskInput = (ms: number) => localTimeInZone(ms, ZONE).replace(' ', 'T');

let dataDir: string;
let host: RunningHost;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let earlierId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-c7-'));
  const opened = await openDesk({ dataDir, settings: memorySettings(), slaIntervalMs: 0 });
  const manager = opened.desk.connect();
  const call = async <T>(connection: typeof manager, name: string, input: unknown): Promise<T> => {
    const outcome = await opened.desk.dispatch(connection, name, input);
    if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.error)}`);
    return outcome.value as T;
  };
  await call(manager, 'setup.createManager', { username: 'mgr', displayName: '王经理', password: PASSWORD });
  await call(manager, 'operators.create', { username: 'li', displayName: '李坐席', password: PASSWORD, role: 'agent' });
  await call(manager, 'operators.create', { username: 'wang', displayName: '王坐席', password: PASSWORD, role: 'agent' });
  await call(manager, 'customers.create', { account: 'acme-01', name: 'Acme 科技', vip: false, region: 'cn-hangzhou', contacts: [{ name: '李雷', phone: '0571-87654321' }] });
  const li = opened.desk.connect();
  await call(li, 'session.signIn', { username: 'li', password: PASSWORD });
  const first = await call<{ id: string }>(li, 'compensation.submit', {
    customerAccount: 'acme-01',
    dailyFee: '12.00',
    occurrences: [{ id: 'f-1', ...outage, scenario: 'service-unavailable', cause: 'platform' }],
  });
  earlierId = first.id;
  await opened.close();
  host = await startHost(dataDir);
  browser = await launchBrowser();
  page = browser.page;
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(host.url);
  await signIn(page, 'wang', PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('a second claim for an outage already claimed shows C7 failed with the earlier claim’s number, before submitting', async () => {
  await page.getByRole('button', { name: '故障补偿', exact: true }).click();
  await page.locator('input[name=caller]').fill('acme-01');
  await page.getByRole('option').filter({ hasText: 'acme-01' }).first().click();
  await page.locator('input[name=dailyFee]').fill('12.00');
  await page.locator('input[name="occurrences.0.start"]').fill(deskInput(start));
  await page.locator('input[name="occurrences.0.end"]').fill(deskInput(start + 30 * MINUTE));

  const c7 = page.locator('[data-rule=C7][data-subject=f-1]');
  await c7.waitFor();
  await expect.poll(() => c7.getAttribute('data-result')).toBe('failed');
  expect(await c7.textContent()).toContain(`此前申请 ${earlierId}（审核中）`);
  await page.locator('[data-testid=decision][data-outcome=ineligible]').waitFor();
  expect(await page.getByRole('button', { name: '提交补偿审批' }).isDisabled()).toBe(true);
  await page.waitForTimeout(350);
  await screenshot(page, 'compensation-02-c7-already-claimed-zh');

  await chooseLanguage(page, 'English');
  await expect.poll(() => c7.textContent()).toContain(`earlier claim ${earlierId} (pending): an outage is compensated once`);
  await screenshot(page, 'compensation-02-c7-already-claimed-en');
  await chooseLanguage(page, '简体中文');

  // The 30 minutes right after it are another outage (adjacent windows do not overlap): 12 ÷ 1440 × 30 × 100 = 25.00.
  await page.locator('input[name="occurrences.0.end"]').fill(deskInput(start + 60 * MINUTE));
  await page.locator('input[name="occurrences.0.start"]').fill(deskInput(start + 30 * MINUTE));
  await expect.poll(() => c7.getAttribute('data-result')).toBe('passed');
  await page.locator('[data-testid=decision][data-outcome=eligible]').waitFor();
  await expect.poll(() => page.getByTestId('amount').textContent()).toContain('25.00');
});
