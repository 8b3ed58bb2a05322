// The queue's code is fetched once the workspace shows (registry.tsx, PRELOADED_PANEL), so its
// first opening asks the host for its rows only, not for its scripts; and it asks for them as it
// is opened, before the panel is drawn (queue-pages.ts), once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSeededDesk, type SeededDesk } from './support/seeded.js';

let desk: SeededDesk;

beforeAll(async () => {
  desk = await openSeededDesk({ name: 'queue-open', seed: 5, customers: 10 });
});

afterAll(() => desk?.close());

const scripts = `performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js')).map((e) => e.name.split('/').pop())`;

it('fetches the queue’s code before it is opened, and opens it without fetching more', async () => {
  const { page } = desk;
  await expect.poll(async () => ((await page.evaluate(scripts)) as string[]).some((name) => name.startsWith('QueuePanel-')), { timeout: 15_000 }).toBe(true);
  // The queue's own imports come with it: the list once it stops growing.
  let before: string[] = [];
  await expect
    .poll(async () => {
      const now = (await page.evaluate(scripts)) as string[];
      const settled = now.length === before.length;
      before = now;
      return settled;
    }, { interval: 500, timeout: 15_000 })
    .toBe(true);
  await page.getByRole('button', { name: '案件队列', exact: true }).click();
  await page.locator('[data-testid=queue] [data-case-id]').first().waitFor();
  expect((await page.evaluate(scripts)) as string[]).toEqual(before);
});

it('asks for the queue’s first page as it is opened, before the panel is drawn, and only once', async () => {
  const { page } = desk;
  await page.locator('nav [role=button]').first().click(); // away from the queue
  await page.locator('[data-testid=queue]').waitFor({ state: 'detached' });
  await page.evaluate(`(() => {
    const call = window.api.call.bind(window.api);
    window.__asked = [];
    window.api.call = (name, input) => {
      window.__asked.push({ name, input, drawn: document.querySelector('[data-testid=queue]') !== null });
      return call(name, input);
    };
  })()`);
  await page.getByRole('button', { name: '案件队列', exact: true }).click();
  await page.locator('[data-testid=queue] [data-case-id]').first().waitFor();
  const asked = (await page.evaluate('window.__asked')) as { name: string; input: { offset: number }; drawn: boolean }[];
  const firstPages = asked.filter((a) => a.name === 'queue.list' && a.input.offset === 0);
  expect(firstPages).toEqual([{ name: 'queue.list', input: { view: 'all', limit: 100, offset: 0 }, drawn: false }]);
});
