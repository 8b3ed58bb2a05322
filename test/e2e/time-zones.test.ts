// Everything a person types or reads is in the desk's zone (Asia/Shanghai, the default setting),
// not the browser's: here the browser runs in New York (12–13 h behind). An ICP approval, a VIP
// key-event window and an incident start typed as Shanghai wall-clock time are stored as the
// Shanghai instant, shown back as typed, and the rule reasons print them with the zone named.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Customer } from '../../shared/domain/case.js';
import { addDays, dateInZone, instantInZone } from '../../shared/rules/zone.js';
import { pageCall, screenshot } from './support/browser.js';
import { openSeededDesk, type SeededDesk } from './support/seeded.js';

const DESK_ZONE = 'Asia/Shanghai';
const HOUR = 3_600_000;
let desk: SeededDesk;
let page: Page;
let vip: Customer;

/** A day relative to today in the desk's zone, and the instant of a wall-clock time on it there. */
const deskDay = (days: number) => addDays(dateInZone(Date.now(), DESK_ZONE), days);
const deskInstant = (date: string, hour: number) => new Date(instantInZone(date, hour * HOUR, DESK_ZONE)).toISOString();

beforeAll(async () => {
  desk = await openSeededDesk({
    name: 'zones',
    seed: 5,
    customers: 20,
    timezoneId: 'America/New_York',
    // Key-event windows are a VIP service: make the first customer a VIP.
    prepare: (store, customers) => {
      const first = customers[0]!;
      store.append({ actor: 'e2e', action: 'customer.updated', changes: [{ entity: 'customers', id: first.id, op: 'patch', patch: { vip: true } }] });
      return [{ ...first, vip: true }];
    },
  });
  page = desk.page;
  vip = desk.customers[0]!;
});

afterAll(() => desk?.close());

async function pickCustomer(panel: string) {
  await page.getByRole('button', { name: panel, exact: true }).click();
  await page.locator('input[name=caller]').fill(vip.id);
  await page.getByRole('option').filter({ hasText: vip.id }).first().click();
}

/** A call through the page's own window.api: the same contract the panels use. */
const api = <T>(name: string, input: unknown) => pageCall<T>(page, name, input);

it('the browser really is in another zone than the desk', async () => {
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
});

it('reads an ICP approval in the desk’s zone, and the reason prints it with the zone', async () => {
  await pickCustomer('ICP 备案奖励');
  const yesterday = deskDay(-1);
  const field = page.locator('input[name="filing.approvedAt"]');
  expect(await field.getAttribute('data-time-zone')).toBe(DESK_ZONE);
  await field.fill(`${yesterday}T10:00`);
  await page.locator('input[name=accumulatedRecharge]').fill('250.00');
  const i6 = page.locator('[data-rule=I6]');
  await i6.waitFor();
  // Typed 10:00 in Shanghai: the reason says 10:00 (Asia/Shanghai), not New York's reading of it.
  await expect.poll(() => i6.textContent()).toContain(`${yesterday} 10:00 (Asia/Shanghai)`);
  await page.getByText('Asia/Shanghai (+08:00)').first().waitFor(); // the field says which zone it reads
  await screenshot(page, 'zones-01-icp-approval');
});

it('registers a key-event window typed in the desk’s zone as the Shanghai instants', async () => {
  await pickCustomer('工单');
  await page.getByRole('button', { name: '登记 VIP 重大活动' }).click();
  const dialog = page.getByRole('dialog');
  const start = deskDay(7);
  const end = deskDay(8);
  await dialog.locator('input[name=name]').fill('双十一大促');
  await dialog.locator('input[name=start]').fill(`${start}T09:00`);
  await dialog.locator('input[name=end]').fill(`${end}T18:00`);
  await dialog.getByRole('button', { name: '登记', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  const events = await api<{ name: string; start: string; end: string }[]>('keyEvents.list', { customerAccount: vip.id });
  const event = events.find((e) => e.name === '双十一大促')!;
  // 09:00 +08:00 = 01:00Z the same day; 18:00 +08:00 = 10:00Z.
  expect(Date.parse(event.start)).toBe(Date.parse(deskInstant(start, 9)));
  expect(Date.parse(event.end)).toBe(Date.parse(deskInstant(end, 18)));
});

it('stores an incident start typed in the desk’s zone as the Shanghai instant', async () => {
  await page.locator('input[name=summary]').fill('ECS 实例自 10:00 起无法连接');
  await page.locator('[data-testid=severity]').locator('xpath=..').locator('[role=combobox]').click();
  await page.getByRole('option', { name: /^SEV-2/ }).click();
  await page.locator('input[name=businessImpact]').fill('生产环境降级，约 300 名用户受影响');
  await page.locator('input[name=incidentOn]').check();
  const yesterday = deskDay(-1); // an incident start must not be in the future
  await page.locator('input[name=startTime]').fill(`${yesterday}T10:00`);
  await page.locator('input[name=summary]').press('Control+Enter');
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('case-status').waitFor();
  const id = (await dialog.textContent())!.match(/C-\d{6}/)![0];
  const stored = await api<{ case: { details: { incident?: { startTime?: string } } } }>('cases.get', { id });
  expect(Date.parse(stored.case.details.incident!.startTime!)).toBe(Date.parse(deskInstant(yesterday, 10)));
  await screenshot(page, 'zones-02-incident-case');
});
