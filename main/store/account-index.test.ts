import { afterEach, describe, expect, it } from 'vitest';
import { TeamMemoryStore } from '../team/server/memory-store.js';
import { openCaseStore, type OpenedCaseStore } from './index.js';
import { caseEvent, tempDir } from './test-helpers.js';
import { AccountIndex } from './account-index.js';
import type { CaseStore, StoredRecord } from './types.js';

const open: OpenedCaseStore[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

const ids = (store: CaseStore, entity: string, account: string) => store.ofAccount(entity, account).map((r) => r.id);
const moved = (id: string, customerAccount: string) => ({ actor: 'agent01', action: 'case.updated', changes: [{ entity: 'cases', id, op: 'patch' as const, patch: { customerAccount } }] });
const removed = (id: string) => ({ actor: 'agent01', action: 'case.deleted', changes: [{ entity: 'cases', id, op: 'delete' as const }] });

describe('the records of one customer account, by index', () => {
  it('answers from the records, and follows puts, moves to another account and deletes made after it was built', async () => {
    const dir = tempDir();
    let s = await openCaseStore(dir, { autoBackup: false });
    open.push(s);
    // caseEvent(n) files case n under acme-0((n % 7) + 1): acme-03 holds 2, 9, 16; acme-04 holds 3, 10.
    s.appendMany(Array.from({ length: 16 }, (_, i) => caseEvent(i + 1)));
    expect(ids(s, 'cases', 'acme-03')).toEqual(['C-000002', 'C-000009', 'C-000016']);
    expect(ids(s, 'cases', 'nobody')).toEqual([]);
    expect(ids(s, 'orders', 'acme-03')).toEqual([]);

    s.append(caseEvent(23)); // (23 % 7) + 1 = 3
    s.append(moved('C-000009', 'acme-04'));
    s.append(removed('C-000016'));
    expect(ids(s, 'cases', 'acme-03')).toEqual(['C-000002', 'C-000023']);
    expect(ids(s, 'cases', 'acme-04')).toEqual(['C-000003', 'C-000010', 'C-000009']); // C-000009 filed under acme-04 last
    expect(s.ofAccount('cases', 'acme-04').find((r) => r.id === 'C-000009')?.customerAccount).toBe('acme-04');

    // After compaction the records come back from the snapshot unparsed: the index is rebuilt from them.
    await s.compact();
    await s.close();
    open.splice(0);
    s = await openCaseStore(dir, { autoBackup: false });
    open.push(s);
    expect(ids(s, 'cases', 'acme-03')).toEqual(['C-000002', 'C-000023']);
    expect(new Set(ids(s, 'cases', 'acme-04'))).toEqual(new Set(['C-000003', 'C-000009', 'C-000010']));
  });

  it('on the team server, sees a transaction’s provisional records and forgets them when it is rolled back', () => {
    const s = new TeamMemoryStore(() => new Date('2026-12-01T08:00:00Z'));
    s.append(caseEvent(2));
    expect(ids(s, 'cases', 'acme-03')).toEqual(['C-000002']);
    s.begin();
    s.begin();
    s.append(caseEvent(9));
    s.commit(); // one command of a batch, kept within the batch's transaction
    expect(ids(s, 'cases', 'acme-03')).toEqual(['C-000002', 'C-000009']);
    s.append(moved('C-000002', 'acme-05'));
    expect(ids(s, 'cases', 'acme-03')).toEqual(['C-000009']);
    s.rollback(); // the batch's transaction failed in PostgreSQL
    expect(ids(s, 'cases', 'acme-03')).toEqual(['C-000002']);
    expect(ids(s, 'cases', 'acme-05')).toEqual([]);
  });
});

describe('the account index of a large entity', () => {
  it('is built in slices of the event loop, answers by a scan until then, and keeps what changed meanwhile', async () => {
    const records = new Map<string, StoredRecord>();
    const put = (id: string, customerAccount: string) => records.set(id, { id, customerAccount });
    for (let i = 1; i <= 7; i++) put(`C-${i}`, i % 2 ? 'odd' : 'even');
    const index = new AccountIndex(() => [...records.values()], (_entity, id) => records.get(id), 3);
    const changed = (id: string, customerAccount?: string) => {
      if (customerAccount) put(id, customerAccount);
      else records.delete(id);
      index.noteSet('cases', id, records.get(id));
    };
    const odd = () => index.ofAccount('cases', 'odd').map((r) => r.id);

    expect(odd()).toEqual(['C-1', 'C-3', 'C-5', 'C-7']); // a scan: the first slice (C-1 … C-3) is filed, the rest is not
    expect(index.built('cases')).toBe(false);
    changed('C-6', 'odd'); // before its slice is filed
    changed('C-2', 'odd'); // after
    changed('C-5'); // deleted before its slice
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(index.built('cases')).toBe(true);
    expect(new Set(odd())).toEqual(new Set(['C-1', 'C-2', 'C-3', 'C-6', 'C-7']));
    expect(index.ofAccount('cases', 'even').map((r) => r.id)).toEqual(['C-4']);
  });
});
