// The queue answers before the search index is built by testing its filters on the records
// themselves: that answer must be the one the index gives, row for row, for any filters. Its
// urgent order is kept in place as cases change and time passes: it must be the one placed afresh.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CASES } from '../../../shared/domain/entities.js';
import { generateDesk } from '../../seed/generate.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import type { StoredRecord } from '../../store/types.js';
import { openTestDesk } from '../../../test/support/desk.js';
import { ordered, pageOf, warmQueue, type QueueQuery } from './queue-order.js';
import { urgentOrder, urgentOrderAfresh } from './urgent-order.js';

const NOW = '2026-05-06T02:00:00.000Z';
let t: Awaited<ReturnType<typeof openTestDesk>>;

/** Seeded cases of every type and status over the year before NOW: breached, VIP, paused, closed. */
function seed(desk: typeof t) {
  const { cases } = generateDesk({ customers: 40, cases: 600, seed: 7, until: NOW });
  desk.desk.services.store.append({
    actor: 'seed',
    action: 'case.imported',
    changes: cases.map((record, i) => {
      const id = `C-${String(i + 1).padStart(6, '0')}`;
      return { entity: CASES, id, op: 'put' as const, record: { ...record, id } as StoredRecord };
    }),
  });
}

beforeAll(async () => {
  t = await openTestDesk({ now: () => new Date(NOW) });
  seed(t);
  await t.desk.services.store.searchCases({ limit: 1 }); // the index is built
});
afterAll(() => t.close());

const QUERIES: QueueQuery[] = [
  {},
  { status: ['new', 'open', 'escalated'] },
  { severity: ['SEV-1'] },
  { channel: ['email'], type: ['work-order', 'complaint'] },
  { agent: 'agent03' },
  { status: ['closed'] },
];

it.each(QUERIES)('from the records and from the index: the same rows in the same order for %j', async (query) => {
  const services = t.desk.services;
  const scan = await ordered(services, `scan ${JSON.stringify(query)}`, query, false);
  const index = await ordered(services, `index ${JSON.stringify(query)}`, query, true);
  expect(scan.total).toBe(index.total);
  expect(scan.total).toBeGreaterThan(0);
  expect(await pageOf(scan, 0, scan.total)).toEqual(await pageOf(index, 0, index.total));
  // A page across the end of the urgent head reads on into the newest-first rest.
  const at = Math.max(0, scan.head.length - 3);
  expect(await pageOf(scan, at, 10)).toEqual((await pageOf(index, 0, index.total)).slice(at, at + 10));
});

it('lists every matching case once', async () => {
  const all = await ordered(t.desk.services, 'all', {}, false);
  const ids = await pageOf(all, 0, all.total);
  expect(ids).toHaveLength(600);
  expect(new Set(ids).size).toBe(600);
});

it('a searched word: its urgent matches first in queue order, then every other match newest first, page by page', async () => {
  const services = t.desk.services;
  const all = await ordered(services, 'every case', {}, true);
  const everyRow = await pageOf(all, 0, all.total);
  const every = await ordered(services, 'word c', { text: 'c' }, true); // the "c" of every case id
  expect(every.total).toBe(600);
  expect(every.head).toEqual(all.head);
  // Pages of 70, across the end of the head and the rows the first index call keeps: the rows of the text-less queue.
  const paged: string[] = [];
  for (let at = 0; at < every.total; at += 70) paged.push(...(await pageOf(every, at, 70)));
  expect(paged).toEqual(everyRow);

  const found = (await services.store.searchCases({ text: 'ssh', limit: 600 })).ids;
  const word = await ordered(services, 'word ssh', { text: 'ssh' }, true);
  const head = all.head.filter((id) => found.includes(id));
  expect(head.length).toBeGreaterThan(0);
  expect(found.length).toBeGreaterThan(head.length);
  expect(word.head).toEqual(head);
  expect(word.total).toBe(found.length);
  expect(await pageOf(word, 0, 600)).toEqual([...head, ...found.filter((id) => !head.includes(id))]);
});

it('places the urgent cases in the warm-up as the first queue would: the same rows, order and SLA', async () => {
  const warm = await openTestDesk({ now: () => new Date(NOW) });
  try {
    seed(warm);
    await warmQueue(warm.desk.services); // places every urgent case of the seeded desk
    const cold = await ordered(t.desk.services, 'not warmed', {}, false);
    const warmed = await ordered(warm.desk.services, 'warmed', {}, false);
    expect(warmed.head.length).toBeGreaterThan(0);
    expect(warmed.head).toEqual(cold.head);
    expect(await pageOf(warmed, 0, warmed.total)).toEqual(await pageOf(cold, 0, cold.total));
    expect([...warmed.sla]).toEqual([...cold.sla]);
  } finally {
    await warm.close();
  }
});

it('keeps the urgent order in place as events change cases and timers run out: the order and SLA placed afresh', async () => {
  let clock = Date.parse(NOW);
  const desk = await openTestDesk({ now: () => new Date(clock) });
  try {
    seed(desk);
    const { services } = desk.desk;
    const { store } = services;
    const before = urgentOrder(services, clock);
    expect(before).toEqual(urgentOrderAfresh(services, clock));
    const [breached, gone] = before.ids.filter((id) => before.sla.get(id)?.breached);
    const cases = store.all<CaseRecord>(CASES);
    // Open, without an SLA and not VIP: not urgent until it is made VIP.
    const plain = cases.find((c) => !c.vip && !before.sla.has(c.id) && !before.ids.includes(c.id) && c.status === 'new');
    const vip = before.ids.find((id) => store.get<CaseRecord>(CASES, id)?.vip && !before.sla.get(id)?.breached);
    expect([breached, gone, plain?.id, vip]).not.toContain(undefined);
    const at = (id: string) => store.get<CaseRecord>(CASES, id)!;
    store.append({
      actor: 'test',
      action: 'case.changed',
      changes: [
        { entity: CASES, id: breached!, op: 'patch', patch: { status: 'closed' } },
        { entity: CASES, id: plain!.id, op: 'patch', patch: { vip: true } },
        { entity: CASES, id: vip!, op: 'patch', patch: { vip: false } },
        { entity: CASES, id: gone!, op: 'delete' },
        // Opened a minute ago: its first response is still running.
        { entity: CASES, id: 'C-900001', op: 'put', record: { ...at(gone!), id: 'C-900001', status: 'new', openedAt: new Date(clock - 60_000).toISOString() } as StoredRecord },
      ],
    });
    const changed = urgentOrder(services, clock);
    expect(changed.ids).not.toEqual(before.ids);
    expect(changed.ids).toContain('C-900001');
    expect(changed.ids).not.toContain(breached);
    expect(changed.ids).toContain(plain!.id);
    expect(changed).toEqual(urgentOrderAfresh(services, clock));

    // A running timer's due instant passes: its case is breached, with no event.
    const running = 'C-900001';
    expect(changed.sla.get(running)).toMatchObject({ breached: false, dueKind: 'firstResponse' });
    clock = Date.parse(changed.sla.get(running)!.dueAt!) + 60_000;
    const later = urgentOrder(services, clock);
    expect(later.sla.get(running)?.breached).toBe(true);
    expect(later.ids.indexOf(running)).toBeLessThan(changed.ids.indexOf(running));
    expect(later).toEqual(urgentOrderAfresh(services, clock));
    expect(urgentOrder(services, clock)).toBe(later); // nothing changed since: the same order, kept
  } finally {
    await desk.close();
  }
});
