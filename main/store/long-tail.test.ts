// A journal tail of many megabytes (a freshly seeded or imported desk): the open reads it in
// 4 MB pieces and the compaction streams it, keeping puts as journal positions. Both must give
// exactly the records the events say, across piece boundaries, with patches, deletes and re-puts.
import { afterEach, describe, expect, it } from 'vitest';
import { openCaseStore, verifyStore, type OpenedCaseStore } from './index.js';
import { tempDir } from './test-helpers.js';

const open: OpenedCaseStore[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});
const openStore = async (dir: string) => {
  const s = await openCaseStore(dir, { autoBackup: false, snapshotEvery: Number.POSITIVE_INFINITY });
  open.push(s);
  return s;
};

const N = 3000;
const id = (n: number) => `C-${String(n).padStart(6, '0')}`;
// About 2.2 KB a record: 3000 of them are ~6.6 MB of journal, more than one 4 MB read.
const note = (n: number) => `${n} 云服务器 `.repeat(200).slice(0, 2000);

/** Writes the tail; returns what each record must be, worked out from the events written. */
function writeTail(store: OpenedCaseStore): Map<string, Record<string, unknown> | undefined> {
  const batch: Parameters<OpenedCaseStore['appendMany']>[0] = [];
  const s = { append: (e: (typeof batch)[number]) => batch.push(e) }; // one fsync for the lot
  const expected = new Map<string, Record<string, unknown> | undefined>();
  for (let n = 1; n <= N; n++) {
    const record = { id: id(n), status: 'new', note: note(n) };
    s.append({ actor: 'seed', action: 'case.imported', changes: [{ entity: 'cases', id: id(n), op: 'put', record }] });
    expected.set(id(n), record);
  }
  // Every 3rd case patched (once after its put), every 5th deleted, every 15th deleted and put again.
  for (let n = 3; n <= N; n += 3) {
    s.append({ actor: 'a', action: 'case.updated', changes: [{ entity: 'cases', id: id(n), op: 'patch', patch: { status: 'resolved' } }] });
    expected.set(id(n), { ...expected.get(id(n))!, status: 'resolved' });
  }
  for (let n = 5; n <= N; n += 5) {
    s.append({ actor: 'a', action: 'case.deleted', changes: [{ entity: 'cases', id: id(n), op: 'delete' }] });
    expected.set(id(n), undefined);
  }
  for (let n = 15; n <= N; n += 15) {
    const record = { id: id(n), status: 'reopened', note: 'again' };
    s.append({ actor: 'a', action: 'case.imported', changes: [{ entity: 'cases', id: id(n), op: 'put', record }] });
    expected.set(id(n), record);
  }
  for (let i = 0; i < batch.length; i += 500) store.appendMany(batch.slice(i, i + 500));
  return expected;
}

function expectRecords(s: OpenedCaseStore, expected: Map<string, Record<string, unknown> | undefined>) {
  const live = [...expected].filter(([, r]) => r !== undefined);
  // 3000 − 600 deleted + 200 put again (every 15th) = 2600
  expect(s.count('cases')).toBe(2600);
  expect(live).toHaveLength(2600);
  for (const [key, record] of expected) expect(s.get('cases', key)).toEqual(record);
}

describe('a long journal tail', { timeout: 60_000 }, () => {
  it('reopens from a journal of several 4 MB reads with every record as written', async () => {
    const dir = tempDir('long-tail');
    const s = await openStore(dir);
    const expected = writeTail(s);
    await s.close();
    const again = await openStore(dir);
    expect(again.report.status).toBe('ok');
    expect(again.report.replayedEvents).toBe(again.seq);
    expectRecords(again, expected);
  });

  it('compacts a tail of many megabytes into a snapshot that holds every record as written', async () => {
    const dir = tempDir('long-tail-compact');
    const s = await openStore(dir);
    const expected = writeTail(s);
    const header = await s.compact();
    expect(header?.seq).toBe(s.seq);
    await s.close();
    expect((await verifyStore(dir)).ok).toBe(true);
    const again = await openStore(dir);
    expect(again.report.snapshotSeq).toBe(again.seq);
    expect(again.report.replayedEvents).toBe(0);
    expectRecords(again, expected);
    expect(again.history('cases', id(15)).map((e) => e.action)).toEqual(['case.imported', 'case.updated', 'case.deleted', 'case.imported']);
  });
});
