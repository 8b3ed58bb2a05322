// A locked account on the Operators screen: after ten wrong passwords the manager sees
// "locked until HH:MM" in the desk's time zone (not the browser's UTC) and unlocks it with a
// reason — real host, real store, real Chromium, both languages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDesk } from '../../main/server/open-desk.js';
import { memorySettings } from '../../main/server/settings/settings-store.js';
import { chooseLanguage, launchBrowser, screenshot, signIn, startHost, type RunningHost } from './support/browser.js';

const PASSWORD = 'e2e password 42';
let dataDir: string;
let host: RunningHost;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let lockedUntil: number;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-lock-'));
  // The real sign-in guard, on a clock that jumps past each growing delay (1 s, 2 s, … 60 s).
  let clock = Date.now();
  const opened = await openDesk({ dataDir, settings: memorySettings(), slaIntervalMs: 0, now: () => new Date(clock) });
  const { desk } = opened;
  const manager = desk.connect();
  const ok = async (name: string, input: unknown) => {
    const outcome = await desk.dispatch(manager, name, input);
    if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.error)}`);
  };
  await ok('setup.createManager', { username: 'mgr', displayName: '王经理', password: PASSWORD });
  await ok('operators.create', { username: 'agent1', displayName: '李客服', password: PASSWORD, role: 'agent' });
  const guesser = desk.connect();
  for (let i = 0; i < 10; i++) {
    clock += 61_000;
    const outcome = await desk.dispatch(guesser, 'session.signIn', { username: 'agent1', password: `guess ${i}` });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  }
  // LOCK_MS = 30 min from the tenth failure
  lockedUntil = clock + 30 * 60_000;
  await opened.close();
  host = await startHost(dataDir);
  browser = await launchBrowser(); // the browser runs in the machine's zone (UTC here), the desk in Asia/Shanghai
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('shows the lock until HH:MM in the desk zone and lets the manager unlock with a reason', async () => {
  await page.goto(host.url);
  await signIn(page, 'mgr', PASSWORD);
  await page.getByRole('button', { name: '操作员', exact: true }).click();
  const chip = page.locator('[data-lock=agent1]');
  await chip.waitFor();
  // Asia/Shanghai is UTC+8 all year: HH:MM of lockedUntil + 8 h
  const shanghai = new Date(lockedUntil + 8 * 3_600_000);
  const hhmm = `${String(shanghai.getUTCHours()).padStart(2, '0')}:${String(shanghai.getUTCMinutes()).padStart(2, '0')}`;
  expect(await chip.textContent()).toContain(`锁定至 `);
  expect(await chip.textContent()).toContain(hhmm);
  await screenshot(page, 'operator-lock-01-zh');
  await chooseLanguage(page, 'English');
  await page.getByText('Locked until').waitFor();
  expect(await chip.textContent()).toContain(hhmm);
  await screenshot(page, 'operator-lock-01-en');

  await page.locator('tr[data-operator=agent1]').getByRole('button', { name: 'Unlock' }).click();
  await page.locator('input[name=reason]').fill('caller verified by phone');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await chip.waitFor({ state: 'detached' });
  expect(await page.locator('tr[data-operator=agent1]').getByRole('button', { name: 'Unlock' }).count()).toBe(0);
  await screenshot(page, 'operator-lock-02-unlocked-en');
  await chooseLanguage(page, '简体中文');

  // the account works again with its password
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, 'agent1', PASSWORD);
  expect(await page.getByTestId('operator').textContent()).toContain('李客服');
});
