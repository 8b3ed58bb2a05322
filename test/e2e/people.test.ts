// Issue 12 item 13, cases belong to somebody: an L1 agent escalates their work order on one page;
// the L2 duty engineer, on another, sees it arrive in their level's queue without a reload,
// claims it in one click, finds it in "my open cases" with its SLA countdown, and the case's
// history says both assignments in words, in Chinese and in English; a transfer needs a reason.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chooseLanguage, screenshot } from './support/browser.js';
import { PASSWORD, standardOperators } from './support/desk.js';
import { openPreparedDesk, type PreparedDesk } from './support/prepared.js';

let app: PreparedDesk;
let caseId: string;

beforeAll(async () => {
  app = await openPreparedDesk('people', async (desk) => {
    await standardOperators(desk);
    await desk.as('mgr')('operators.create', { username: 'eng2', displayName: '周工程师', password: PASSWORD, role: 'agent', level: 'L2' });
    await desk.as('mgr')('operators.create', { username: 'expert', displayName: '吴专家', password: PASSWORD, role: 'agent' });
    await desk.as('mgr')('customers.create', { account: 'acme-01', name: '极光科技', vip: false, region: 'cn-hangzhou', contacts: [{ name: '林娜', phone: '+8613800000001' }] });
    const wo = await desk.as('agent1')('workOrders.create', {
      customerAccount: 'acme-01',
      channel: 'hotline',
      summary: 'ECS 实例自 14:00 起无法连接',
      severity: 'SEV-2',
      businessImpact: '结账服务降级，影响 2000 名用户',
      evidence: ['ECS-5003 14:02'],
      stepsTried: ['重启实例'],
    });
    caseId = (wo as { id: string }).id;
  });
});

afterAll(async () => {
  await app?.close();
});

async function openQueue(username: string): Promise<Page> {
  const page = await app.pageAs(username);
  await page.getByRole('button', { name: '案件队列' }).click();
  return page;
}

const row = (page: Page) => page.locator(`[role=option][data-case-id="${caseId}"]`);

it('an L1 agent escalates a work order; the L2 engineer sees it in their level’s queue at once, claims it, and both moves are in the history', async () => {
  const engineer = await openQueue('eng2');
  await engineer.getByTestId('queue-view-level').click();
  expect(await engineer.getByTestId('queue-view-level').textContent()).toBe('本级队列（L2 值班工程师）');
  await engineer.getByText('没有匹配的案件').waitFor(); // nothing waits at L2 yet

  const agent = await openQueue('agent1');
  await agent.getByTestId('queue-view-mine').click();
  await row(agent).click();
  const dialog = agent.getByRole('dialog');
  expect(await dialog.getByTestId('case-owner').textContent()).toBe('处理人: agent1');
  await dialog.locator('input[name=reason]').fill('需要抓包分析');
  await dialog.getByRole('button', { name: '升级', exact: true }).click();
  await expect.poll(() => dialog.getByTestId('case-owner').textContent()).toBe('处理人: L2 值班工程师队列');
  await agent.keyboard.press('Escape');
  await row(agent).waitFor({ state: 'detached' }); // no longer one of the agent's open cases

  // No reload on the engineer's page: the change reaches the open queue by itself.
  await row(engineer).waitFor();
  expect(await row(engineer).getByTestId('queue-owner').textContent()).toBe('L2 值班工程师队列');
  await screenshot(engineer, 'people-01-level-queue-zh');
  await row(engineer).getByTestId('claim').click();
  await row(engineer).waitFor({ state: 'detached' }); // claimed: it left the level's queue

  await engineer.getByTestId('queue-view-mine').click();
  await row(engineer).waitFor();
  expect(await row(engineer).getByTestId('queue-owner').textContent()).toBe('eng2');
  await row(engineer).getByTestId('countdown').waitFor(); // its SLA, counting down
  await screenshot(engineer, 'people-02-my-open-cases-zh');

  await row(engineer).click();
  const page = engineer.getByRole('dialog');
  const escalated = page.locator('[data-action="work-order.escalated"]');
  const claimed = page.locator('[data-action="case.claimed"]');
  expect(await escalated.textContent()).toContain('agent1 · 工单已升级');
  expect(await escalated.textContent()).toContain('agent1 → L2 值班工程师队列 — 需要抓包分析');
  expect(await claimed.textContent()).toContain('eng2 · 认领案件');
  expect(await claimed.textContent()).toContain('L2 值班工程师队列 → eng2');
  await screenshot(engineer, 'people-03-history-zh');

  await engineer.keyboard.press('Escape');
  await page.waitFor({ state: 'detached' });
  await chooseLanguage(engineer, 'English');
  await row(engineer).click();
  await expect.poll(() => claimed.textContent()).toContain('eng2 · Case claimed');
  expect(await claimed.textContent()).toContain('L2 duty engineer queue → eng2');
  expect(await escalated.textContent()).toContain('agent1 → L2 duty engineer queue — 需要抓包分析');
  await screenshot(engineer, 'people-04-history-en');

  // Handing it on needs a reason: refused next to the field, then done.
  await page.getByTestId('transfer').click();
  const transfer = engineer.getByRole('dialog', { name: `Transfer ${caseId}` });
  await transfer.getByRole('button', { name: "To a level's queue" }).click();
  await transfer.locator('[name=level]').locator('xpath=..').locator('[role=combobox]').click();
  await engineer.getByRole('option', { name: 'L3 product expert' }).click();
  await transfer.getByRole('button', { name: 'Transfer', exact: true }).click();
  await transfer.getByText('give a reason for the transfer').waitFor();
  await transfer.locator('input[name=reason]').fill('needs the ECS product team');
  await transfer.getByRole('button', { name: 'Transfer', exact: true }).click();
  await transfer.waitFor({ state: 'detached' });
  await expect.poll(() => page.getByTestId('case-owner').textContent()).toBe('Owner: L3 product expert queue');
  expect(await page.locator('[data-action="case.transferred"]').textContent()).toContain('eng2 → L3 product expert queue — needs the ECS product team');
});

it('a supervisor sets an agent’s level in the operators panel; the agent’s queue follows it', async () => {
  const supervisor = await app.pageAs('sup1');
  await chooseLanguage(supervisor, '简体中文'); // the first test left this browser in English
  await supervisor.getByRole('button', { name: '操作员' }).click();
  const expert = supervisor.locator('tr[data-operator=expert]');
  expect(await expert.textContent()).toContain('L1 一线坐席'); // read as an L1 agent until set
  expect(await supervisor.getByRole('form', { name: '添加操作员' }).count()).toBe(0); // adding operators stays the manager's
  await supervisor.getByTestId('level-expert').locator('xpath=..').locator('[role=combobox]').click();
  await supervisor.getByRole('option', { name: 'L3 产品专家' }).click();
  await expect.poll(() => expert.textContent()).toContain('L3 产品专家');
  await screenshot(supervisor, 'people-05-operator-levels-zh');

  const page = await openQueue('expert');
  expect(await page.getByTestId('queue-view-level').textContent()).toBe('本级队列（L3 产品专家）');
});
