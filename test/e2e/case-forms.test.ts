// #12 item 2: a case form's state belongs to its customer. The R6 tick, the notes and the amounts
// typed for one caller do not carry over when the agent picks the next caller (real host, real
// store, real Chromium), in the refund and the compensation form alike.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Customer } from '../../shared/domain/case.js';
import { screenshot } from './support/browser.js';
import { openSeededDesk, type SeededDesk } from './support/seeded.js';

let desk: SeededDesk;
let page: Page;
let first: Customer;
let second: Customer;

beforeAll(async () => {
  desk = await openSeededDesk({ name: 'forms', seed: 3, customers: 10 });
  page = desk.page;
  [first, second] = desk.customers as [Customer, Customer];
});

afterAll(() => desk?.close());

async function pick(customer: Customer) {
  await page.locator('input[name=caller]').fill(customer.id);
  await page.getByRole('option').filter({ hasText: customer.id }).first().click();
  await expect.poll(() => page.locator('input[name=caller]').inputValue()).toContain(customer.id);
}

it('the refund form starts afresh for the next customer: no R6 tick, no notes', async () => {
  await page.getByRole('button', { name: '退款', exact: true }).click();
  await pick(first);
  await page.locator('input[name=dataMigrationConfirmed]').check();
  await page.locator('textarea[name=notes]').fill('已告知客户迁移数据');
  await pick(second);
  expect(await page.locator('input[name=dataMigrationConfirmed]').isChecked()).toBe(false);
  expect(await page.locator('textarea[name=notes]').inputValue()).toBe('');
  await screenshot(page, 'case-forms-01-refund-next-customer');
});

it('the compensation form starts afresh for the next customer: no daily fee, no fault times', async () => {
  await page.getByRole('button', { name: '故障补偿', exact: true }).click();
  await pick(first);
  await page.locator('input[name=dailyFee]').fill('12.00');
  await page.locator('input[name="occurrences.0.start"]').fill('2026-05-01T10:00');
  await pick(second);
  expect(await page.locator('input[name=dailyFee]').inputValue()).toBe('');
  expect(await page.locator('input[name="occurrences.0.start"]').inputValue()).toBe('');
});
