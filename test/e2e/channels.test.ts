// The phone channel end to end: the phone system posts call events exactly as the generic CTI
// documentation's curl lines do, and the agent's page shows the caller pop-up, opens the call log
// with the timer running, records the real duration, and lists a missed call for call-back.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, startHost, type RunningHost } from './support/browser.js';
import { PASSWORD, prepareDesk, standardOperators } from './support/desk.js';

const run = promisify(execFile);
let dataDir: string;
let host: RunningHost | undefined;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let token = '';

/** `curl -X POST --data "…" <endpoint>`, as a phone system's administrator tests the integration. */
async function post(data: string) {
  const { stdout } = await run('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-X', 'POST', '--data', data, `${host!.origin}/api/v1/cti/${token}`]);
  return Number(stdout);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-channels-'));
  await prepareDesk(dataDir, async (desk) => {
    await standardOperators(desk);
    await desk.as('mgr')('customers.create', { account: 'vip-07', name: '星辰电商', vip: true, region: 'cn-shanghai', contacts: [{ name: '周敏', phone: '+8613900000007' }] });
    await desk.as('agent1')('calls.log', { customerAccount: 'vip-07', channel: 'hotline', category: 'console', summary: '控制台无法登录' });
    const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    await desk.as('agent1')('keyEvents.register', { customerAccount: 'vip-07', name: '双十一大促', start: hours(-2), end: hours(24) });
    await desk.as('agent1')('keyEvents.register', { customerAccount: 'vip-07', name: '新品发布会', start: hours(72), end: hours(80) });
    await desk.as('agent1')('keyEvents.register', { customerAccount: 'vip-07', name: '去年的年会', start: hours(-80), end: hours(-72) });
    token = (await desk.as('mgr')('channels.update', { newCtiToken: true })).newCtiToken!;
  });
  host = await startHost(dataDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function agentPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(host!.url);
  await signIn(page, 'agent1', PASSWORD);
  return page;
}

it('selecting the caller in the call log shows their card and starts the call timer (issue 12 item 5)', async () => {
  const page = await agentPage();
  await page.locator('input[name=caller]').fill('139 0000 0007');
  await page.getByRole('option').filter({ hasText: 'vip-07' }).first().click();
  const card = page.getByTestId('caller-card');
  await card.waitFor();
  expect(await card.getByTestId('caller-vip').isVisible()).toBe(true);
  await card.getByText('控制台无法登录').first().waitFor(); // the cases follow the name once the desk has read them
  expect(await page.getByTestId('call-timer').getAttribute('data-running')).toBe('yes');
  await screenshot(page, 'channels-caller-card');
  await page.close();
});

it('shows the phone system’s address once, when the manager makes a new token, and afterwards only that one is set', async () => {
  const page = await browser.context.newPage();
  await page.goto(host!.url);
  await signIn(page, 'mgr', PASSWORD);
  await page.getByRole('button', { name: '渠道设置', exact: true }).click();
  await page.getByText('电话系统已有令牌').waitFor(); // made before the host started; its value is not shown again
  expect(await page.getByTestId('cti-endpoint').count()).toBe(0);
  await page.getByRole('button', { name: '生成新令牌' }).click();
  const endpoint = (await page.getByTestId('cti-endpoint').textContent())!;
  expect(endpoint).toMatch(new RegExp(`^${host!.origin}/api/v1/cti/[A-Za-z0-9_-]{32}$`));
  token = endpoint.split('/').at(-1)!;
  expect(await post('event=newCall&from=anonymous&to=4000955988&direction=in&callId=e2e-new-token')).toBe(200); // the new token works
  await page.reload();
  await page.getByRole('button', { name: '渠道设置', exact: true }).click();
  await page.getByText('电话系统已有令牌').waitFor();
  expect(await page.getByTestId('cti-endpoint').count()).toBe(0);
  expect(await page.content()).not.toContain(token);
  await page.close();
});

it('newCall pops the caller up at the ringing agent, answer opens the call log with the timer, hangup records the real duration', async () => {
  const page = await agentPage();
  await page.getByRole('button', { name: '工单', exact: true }).click(); // the agent is elsewhere when the phone rings

  expect(await post('event=newCall&from=8613900000007&to=4000955988&direction=in&callId=e2e-1&user[]=李客服')).toBe(200);
  const popup = page.getByTestId('incoming-call');
  await popup.getByText('星辰电商').first().waitFor(); // the name and VIP come with the call itself
  expect(await popup.getByTestId('caller-vip').isVisible()).toBe(true);
  await popup.getByText('控制台无法登录').first().waitFor(); // the cases follow once the desk has read them
  // The key events in force and to come, soonest first, with their state; the one that ended is not shown.
  const keyEvents = popup.getByTestId('caller-key-events');
  expect(await keyEvents.locator('[data-key-event-id]').allTextContents()).toEqual([expect.stringMatching(/^双十一大促\s*进行中/), expect.stringMatching(/^新品发布会\s*即将开始/)]);
  expect(await keyEvents.textContent()).not.toContain('去年的年会');
  await screenshot(page, 'channels-incoming-call');

  expect(await post('event=answer&callId=e2e-1&user=李客服&from=8613900000007&to=4000955988&direction=in')).toBe(200);
  await popup.waitFor({ state: 'detached' });
  const timer = page.getByTestId('call-timer');
  await timer.waitFor();
  expect(await timer.getAttribute('data-running')).toBe('yes');
  expect(await page.locator('input[name=caller]').inputValue()).toContain('星辰电商');

  await page.waitForTimeout(2100); // let the call last two seconds
  expect(await post('event=hangup&cause=normalClearing&callId=e2e-1&from=8613900000007&to=4000955988&direction=in')).toBe(200);
  await page.locator('[data-testid=call-timer][data-running=no]').waitFor();
  await page.locator('input[name=summary]').fill('询问账单');
  await page.getByRole('button', { name: '保存来电' }).click();
  await page.getByText(/来电 C-\d+ 已保存/).first().waitFor();

  expect(await post('event=newCall&from=8613900000007&to=4000955988&direction=in&callId=e2e-2&user[]=李客服')).toBe(200);
  expect(await post('event=hangup&cause=cancel&callId=e2e-2&from=8613900000007&to=4000955988&direction=in')).toBe(200);
  await page.locator('[data-testid=missed-calls] [data-call-id=e2e-2]').waitFor();
  await screenshot(page, 'channels-missed-call');
  await page.close();

  await host!.stop();
  host = undefined;
  await prepareDesk(dataDir, async (desk) => {
    const cases = desk.opened.desk.services.store.all<{ id: string; summary: string; details?: { phoneCall?: { durationSeconds?: number } } }>('cases');
    const logged = cases.find((c) => c.summary === '询问账单')!;
    // Answered, then hung up after the page waited 2.1 s: at least 2 whole seconds, rounded.
    expect(logged.details?.phoneCall?.durationSeconds).toBeGreaterThanOrEqual(2);
  });
});
