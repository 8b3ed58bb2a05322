import { afterEach, describe, expect, it } from 'vitest';
import { openCaseStore, type OpenedCaseStore } from './index.js';
import { caseEvent, tempDir } from './test-helpers.js';

const open: OpenedCaseStore[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

/** 30 events, one minute apart from 2026-01-01T00:00Z: #n at minute n-1; agent01 wrote every third, the rest agent02. */
async function storeWith30(times: (n: number) => number = (n) => n - 1) {
  let n = 0;
  const s = await openCaseStore(tempDir('audit'), { autoBackup: false, now: () => new Date(Date.UTC(2026, 0, 1) + times(n) * 60_000) });
  open.push(s);
  for (n = 1; n <= 30; n++) {
    const ev = caseEvent(n);
    s.append({ ...ev, actor: n % 3 === 0 ? 'agent01' : 'agent02', action: n % 2 ? 'case.opened' : 'case.updated' });
  }
  return s;
}

describe('audit pages from the index', () => {
  it('pages newest first, with the total, reading only the page', async () => {
    const s = await storeWith30();
    const first = s.eventPage({}, { offset: 0, limit: 7 });
    expect(first.total).toBe(30);
    expect(first.events.map((e) => e.seq)).toEqual([30, 29, 28, 27, 26, 25, 24]);
    // the fifth page of 7: skips 28 → #2, #1
    expect(s.eventPage({}, { offset: 28, limit: 7 }).events.map((e) => e.seq)).toEqual([2, 1]);
    expect(s.eventPage({}, { offset: 35, limit: 7 })).toEqual({ total: 30, events: [] });
  });

  it('filters by actor, action, entity and time, together', async () => {
    const s = await storeWith30();
    // agent01 wrote #3, #6, …, #30 (10 events); the odd ones of those opened cases: #3, #9, #15, #21, #27
    expect(s.eventPage({ actor: 'agent01', action: 'case.opened' }, { offset: 0, limit: 50 }).events.map((e) => e.seq)).toEqual([27, 21, 15, 9, 3]);
    // minutes 9..19 inclusive-exclusive → events #10..#19 (10 events); agent01's among them: #12, #15, #18
    const page = s.eventPage({ actor: 'agent01', from: '2026-01-01T00:09:00.000Z', to: '2026-01-01T00:19:00.000Z' }, { offset: 0, limit: 50 });
    expect(page).toMatchObject({ total: 3 });
    expect(page.events.map((e) => e.seq)).toEqual([18, 15, 12]);
    expect(s.eventPage({ entity: 'cases', to: '2026-01-01T00:02:00.000Z' }, { offset: 0, limit: 50 }).events.map((e) => e.seq)).toEqual([2, 1]);
    expect(s.eventPage({ entity: 'operators' }, { offset: 0, limit: 50 }).total).toBe(0);
    expect(s.eventPage({ actor: 'nobody' }, { offset: 0, limit: 50 }).total).toBe(0);
  });

  it('gives the same answer when the clock went backwards (no binary search then)', async () => {
    // #1..#15 at minutes 100..114, #16..#30 at minutes 0..14
    const s = await storeWith30((n) => (n <= 15 ? 99 + n : n - 16));
    const page = s.eventPage({ from: '2026-01-01T00:05:00.000Z', to: '2026-01-01T01:45:00.000Z' }, { offset: 0, limit: 50 });
    // minutes 5..104: #21..#30 (minutes 5..14) and #1..#5 (minutes 100..104)
    expect(page.events.map((e) => e.seq)).toEqual([30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 5, 4, 3, 2, 1]);
  });

  it('keeps the index across a snapshot and reopening', async () => {
    const s = await storeWith30();
    await s.compact();
    const dir = s.dataDir;
    await s.close();
    open.length = 0;
    const again = await openCaseStore(dir, { autoBackup: false });
    open.push(again);
    expect(again.eventPage({ actor: 'agent01' }, { offset: 0, limit: 3 }).events.map((e) => e.seq)).toEqual([30, 27, 24]);
  });
});
