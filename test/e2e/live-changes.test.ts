// Every durable change reaches every open window: a key event an agent registers on one page
// appears in the approval queue a supervisor has open on another page, without a reload; and
// the supervisor's decision takes it off the queue a second supervisor has open.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reviewPane, screenshot } from './support/browser.js';
import { PASSWORD, standardOperators } from './support/desk.js';
import { openPreparedDesk, type PreparedDesk } from './support/prepared.js';

let app: PreparedDesk;

beforeAll(async () => {
  app = await openPreparedDesk('live', async (desk) => {
    await standardOperators(desk);
    await desk.as('mgr')('operators.create', { username: 'sup2', displayName: '钱主管', password: PASSWORD, role: 'supervisor' });
    await desk.as('mgr')('customers.create', { account: 'vip-07', name: '星辰电商', vip: true, region: 'cn-shanghai', contacts: [{ name: '周敏', phone: '+8613900000007' }] });
  });
});

afterAll(async () => {
  await app?.close();
});

it('a key event registered on one page appears in the approval queue open on another, and leaves it once decided', async () => {
  const supervisor = await app.pageAs('sup1');
  await supervisor.getByRole('button', { name: '审批', exact: true }).click();
  await supervisor.getByText('暂无待审批事项。').or(supervisor.locator('tr[data-item-id]')).first().waitFor();
  expect(await supervisor.locator('tr[data-kind=keyEvent]').count()).toBe(0);
  const second = await app.pageAs('sup2');
  await second.getByRole('button', { name: '审批', exact: true }).click();

  const agent = await app.pageAs('agent1');
  await agent.getByRole('button', { name: '工单', exact: true }).click();
  await agent.locator('input[name=caller]').fill('vip-07');
  await agent.getByRole('option').filter({ hasText: 'vip-07' }).first().click();
  await agent.getByRole('button', { name: '登记 VIP 重大活动' }).click();
  const dialog = agent.getByRole('dialog');
  await dialog.locator('input[name=name]').fill('双十一大促');
  await dialog.locator('input[name=start]').fill('2026-11-10T20:00');
  await dialog.locator('input[name=end]').fill('2026-11-12T02:00');
  await dialog.getByRole('button', { name: '登记', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });

  // No reload, no click on "refresh": the store's change reaches the open queue by itself.
  const row = supervisor.locator('tr[data-kind=keyEvent]');
  await row.waitFor();
  expect(await row.textContent()).toContain('双十一大促');
  expect(await row.textContent()).toContain('星辰电商');
  await screenshot(supervisor, 'live-changes-01-key-event-arrives');
  const id = await row.getAttribute('data-item-id');
  await second.locator(`tr[data-item-id="${id}"]`).waitFor();

  await (await reviewPane(supervisor, id!)).getByRole('button', { name: '批准' }).click();
  await supervisor.locator(`[data-decided-id="${id}"]`).waitFor();
  await second.locator(`tr[data-item-id="${id}"]`).waitFor({ state: 'detached' });
});
