import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCaseStore, StoreValidationError, verifyStore, type OpenedCaseStore } from './index.js';
import { caseEvent, tempDir } from './test-helpers.js';

const open: OpenedCaseStore[] = [];
async function openStore(dir: string, opts: Parameters<typeof openCaseStore>[1] = {}) {
  const s = await openCaseStore(dir, { autoBackup: false, ...opts });
  open.push(s);
  return s;
}
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

describe('case store basics', () => {
  it('appends, reads, lists, counts, keeps history and survives reopening', async () => {
    const dir = tempDir();
    const s = await openStore(dir);
    expect(s.report.status).toBe('ok');
    expect(s.openReport.notices).toEqual([]);
    const e1 = s.append(caseEvent(1));
    expect(e1.seq).toBe(1);
    expect(e1.prevHash).toBe('');
    expect(e1.hash).toMatch(/^[0-9a-f]{64}$/);
    s.append(caseEvent(2));
    const e3 = s.append({
      actor: 'agent02',
      action: 'case.updated',
      reason: 'customer confirmed fix',
      changes: [{ entity: 'cases', id: 'C-000001', op: 'patch', patch: { status: 'resolved' } }],
    });
    expect(e3.prevHash).toBe(s.events()[1]!.hash);
    s.append({ actor: 'system', action: 'operator.created', changes: [{ entity: 'operators', id: 'agent01', op: 'put', record: { id: 'agent01', name: '王芳' } }] });
    expect(s.get('cases', 'C-000001')).toMatchObject({ status: 'resolved', summary: 'Case number 1' });
    expect(s.all('cases').map((c) => c.id)).toEqual(['C-000001', 'C-000002']);
    expect(s.count('cases')).toBe(2);
    expect(s.count('nothing')).toBe(0);
    expect(s.history('cases', 'C-000001').map((e) => [e.seq, e.actor, e.action, e.reason])).toEqual([
      [1, 'agent02', 'case.opened', 'customer called'],
      [3, 'agent02', 'case.updated', 'customer confirmed fix'],
    ]);
    expect(s.events({ actor: 'system' }).map((e) => e.seq)).toEqual([4]);
    expect(s.events({ entity: 'operators' }).map((e) => e.seq)).toEqual([4]);
    expect(s.events({ action: 'case.opened' }).length).toBe(2);
    expect(() => {
      (s.get('cases', 'C-000001') as unknown as { status: string }).status = 'hacked';
    }).toThrow();

    const seen: number[] = [];
    const off = s.subscribe((e) => seen.push(e.seq));
    s.append({ actor: 'agent01', action: 'case.deleted', reason: 'duplicate', changes: [{ entity: 'cases', id: 'C-000002', op: 'delete' }] });
    off();
    s.append(caseEvent(3));
    expect(seen).toEqual([5]);
    expect(s.get('cases', 'C-000002')).toBeUndefined();
    expect(s.history('cases', 'C-000002').map((e) => e.action)).toEqual(['case.opened', 'case.deleted']);

    await s.compact();
    s.append(caseEvent(4)); // a tail after the snapshot
    await s.close();
    open.length = 0;
    const t = await openStore(dir);
    expect(t.report.status).toBe('ok');
    expect(t.report.snapshotSeq).toBe(6);
    expect(t.report.replayedEvents).toBe(1);
    expect(t.seq).toBe(7);
    expect(t.all('cases').map((c) => c.id)).toEqual(['C-000001', 'C-000003', 'C-000004']);
    expect(t.history('cases', 'C-000001').length).toBe(2);
    expect(t.events().length).toBe(7);
    expect((await t.verify()).ok).toBe(true);
  });

  it('refuses invalid changes and leaves the store unchanged, in memory and on disk', async () => {
    const dir = tempDir();
    const s = await openStore(dir, { validate: (entity, r) => (entity === 'cases' && typeof r.status !== 'string' ? 'a case needs a status' : null) });
    s.append(caseEvent(1));
    const journal = path.join(dir, 'journal.jsonl');
    const before = fs.readFileSync(journal);
    const bad: unknown[] = [
      { actor: '', action: 'x', changes: [{ entity: 'cases', id: 'C-1', op: 'delete' }] },
      { actor: 'a', action: 'x', changes: [] },
      { actor: 'a', action: 'x', changes: [{ entity: 'cases', id: 'C-404', op: 'patch', patch: { status: 'x' } }] },
      { actor: 'a', action: 'x', changes: [{ entity: 'cases', id: 'C-404', op: 'delete' }] },
      { actor: 'a', action: 'x', changes: [{ entity: 'cases', id: 'C-9', op: 'put', record: { id: 'C-8' } }] },
      { actor: 'a', action: 'x', changes: [{ entity: 'cases', id: 'C-9', op: 'put', record: { id: 'C-9', status: 's', when: new Date() } }] },
      { actor: 'a', action: 'x', changes: [{ entity: 'cases', id: 'C-9', op: 'put', record: { id: 'C-9', status: 's', n: Number.NaN } }] },
      { actor: 'a', action: 'x', changes: [{ entity: 'cases', id: 'C-9', op: 'put', record: { id: 'C-9', status: 's', u: undefined } }] },
      { actor: 'a', action: 'x', changes: [{ entity: 'cases', id: 'C-9', op: 'put', record: { id: 'C-9' } }] }, // custom validator
      { actor: 'a', action: 'x', changes: [{ entity: 'bad entity!', id: 'C-9', op: 'delete' }] },
      // first change fine, second invalid: nothing of the event may apply
      {
        actor: 'a',
        action: 'x',
        changes: [
          { entity: 'cases', id: 'C-000001', op: 'patch', patch: { status: 'closed' } },
          { entity: 'cases', id: 'C-000001', op: 'patch', patch: { id: 'C-other' } },
        ],
      },
    ];
    for (const input of bad) expect(() => s.append(input as never)).toThrow(StoreValidationError);
    expect(() => s.appendMany([caseEvent(2), bad[2] as never])).toThrow(StoreValidationError);
    expect(s.seq).toBe(1);
    expect(s.get('cases', 'C-000001')).toMatchObject({ status: 'open' });
    expect(s.get('cases', 'C-000002')).toBeUndefined();
    expect(fs.readFileSync(journal).equals(before)).toBe(true);
    // a later valid append continues the chain
    expect(s.append(caseEvent(2)).seq).toBe(2);
    await s.close();
    open.length = 0;
    expect((await verifyStore(dir)).ok).toBe(true);
  });

  it('refuses a second opener while the store is open', async () => {
    const dir = tempDir();
    await openStore(dir);
    await expect(openCaseStore(dir)).rejects.toThrow(/already open/);
  });

  it('runs snapshots and automatic rotating backups in the worker', async () => {
    const dir = tempDir();
    const s = await openStore(dir, { snapshotEvery: 10, autoBackup: true, backupEvery: 15, keepBackups: 2 });
    for (let batch = 0; batch < 5; batch++) {
      for (let i = 1; i <= 15; i++) s.append(caseEvent(batch * 15 + i));
      await s.idle();
    }
    const backups = fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.startsWith('backup-'));
    expect(backups.length).toBe(2);
    expect(fs.existsSync(path.join(dir, 'snapshot.ndjson'))).toBe(true);
    const v = await s.verify();
    expect(v).toMatchObject({ ok: true, events: 75 });
    expect(backups.at(-1)).toMatch(/seq75$/);
  });
});
