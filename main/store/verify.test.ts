import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseStore, verifyStore, verifyBackup, restoreBackup, backupStore } from './index.js';
import { core } from './store.js';
import { caseEvent, tempDir } from './test-helpers.js';

async function storeWith(n: number): Promise<string> {
  const dir = tempDir('verify');
  const s = await openCaseStore(dir, { autoBackup: false });
  for (let i = 1; i <= n; i++) s.append(caseEvent(i));
  await s.close();
  return dir;
}

function editLines(dir: string, edit: (lines: string[]) => void): void {
  const jp = path.join(dir, 'journal.jsonl');
  const lines = fs.readFileSync(jp, 'utf8').split('\n');
  edit(lines);
  fs.writeFileSync(jp, lines.join('\n'));
}

describe('tamper evidence', () => {
  it('verifies a clean store', async () => {
    const dir = await storeWith(12);
    expect(await verifyStore(dir)).toMatchObject({ ok: true, events: 12, records: { cases: 12 }, findings: [] });
  });

  it('names an edited past event', async () => {
    const dir = await storeWith(12);
    editLines(dir, (l) => {
      l[4] = l[4]!.replace('"status":"open"', '"status":"closed"');
    });
    const v = await verifyStore(dir);
    expect(v.ok).toBe(false);
    expect(v.firstBrokenSeq).toBe(5);
    expect(v.findings[0]!.message).toMatch(/event #5 was changed after it was written/);
  });

  it('notices an edited event whose hash was recomputed (the next link breaks)', async () => {
    const dir = await storeWith(12);
    editLines(dir, (l) => {
      const ev = JSON.parse(l[4]!);
      ev.actor = 'mallory';
      ev.hash = core.eventHash(ev);
      l[4] = JSON.stringify(ev);
    });
    const v = await verifyStore(dir);
    expect(v.ok).toBe(false);
    expect(v.firstBrokenSeq).toBe(6);
    expect(v.findings[0]!.message).toMatch(/chain breaks between event #5 and #6/);
  });

  it('names a deleted past event', async () => {
    const dir = await storeWith(12);
    editLines(dir, (l) => {
      l.splice(6, 1); // event #7
    });
    const v = await verifyStore(dir);
    expect(v.ok).toBe(false);
    expect(v.firstBrokenSeq).toBe(7);
    expect(v.findings[0]!.message).toMatch(/event #7 is missing/);
  });

  it('notices the last events being cut off, against the snapshot', async () => {
    const dir = tempDir('verify');
    const s = await openCaseStore(dir, { autoBackup: false });
    for (let i = 1; i <= 10; i++) s.append(caseEvent(i));
    await s.compact();
    await s.close();
    editLines(dir, (l) => l.splice(8, 2, ''));
    const v = await verifyStore(dir);
    expect(v.ok).toBe(false);
    expect(v.findings.map((f) => f.message).join(' ')).toMatch(/journal ends at event #8.*10 events/);
  });
});

describe('backup and restore', () => {
  it('restores a verified backup and refuses a damaged one', async () => {
    const dir = tempDir('restore');
    const s = await openCaseStore(dir, { autoBackup: false });
    for (let i = 1; i <= 20; i++) s.append(caseEvent(i));
    await s.compact();
    const b = await s.backup(path.join(tempDir('out'), 'my-backup'));
    expect(b.manifest).toMatchObject({ seq: 20, auto: false, snapshot: { seq: 20 } });
    for (let i = 21; i <= 25; i++) s.append(caseEvent(i));
    await s.close();

    expect((await verifyBackup(b.path)).ok).toBe(true);
    await expect(restoreBackup(dir, b.path)).resolves.toMatchObject({ ok: true, events: 20 });
    const r = await openCaseStore(dir, { autoBackup: false });
    expect(r.report.status).toBe('ok');
    expect(r.seq).toBe(20);
    expect(r.count('cases')).toBe(20);
    await r.close();
    expect(fs.readdirSync(dir).some((n) => n.startsWith('before-restore-'))).toBe(true);

    // a backup of a closed store, then tampered: refused, the store untouched
    const b2 = await backupStore(dir);
    const jp = path.join(b2.path, 'journal.jsonl');
    fs.writeFileSync(jp, fs.readFileSync(jp, 'utf8').replace('Case number 3', 'Case number 9'));
    const journalBefore = fs.readFileSync(path.join(dir, 'journal.jsonl'));
    const refused = await restoreBackup(dir, b2.path);
    expect(refused.ok).toBe(false);
    expect(refused.findings.map((f) => f.message).join(' ')).toMatch(/damaged|changed after it was written/);
    expect(fs.readFileSync(path.join(dir, 'journal.jsonl')).equals(journalBefore)).toBe(true);
  });
});

describe('verify checks what open detects', () => {
  it('journal and snapshot deleted while store.json records the events', async () => {
    const dir = await storeWith(20);
    fs.rmSync(path.join(dir, 'journal.jsonl'));
    fs.rmSync(path.join(dir, 'snapshot.ndjson'), { force: true });
    const v = await verifyStore(dir);
    expect(v.ok).toBe(false);
    expect(v.findings.map((f) => f.message).join('\n')).toMatch(/journal file is missing/);
    expect(v.findings.map((f) => f.message).join('\n')).toMatch(/the store at its last clean close \(store\.json\) had 20 events: events #1–#20 are missing/);
  });

  it('the last 5 events of a cleanly closed store cut off', async () => {
    const dir = await storeWith(20);
    editLines(dir, (l) => l.splice(15, 5)); // lines 16–20 = events #16–#20
    const v = await verifyStore(dir);
    expect(v.ok).toBe(false);
    expect(v.events).toBe(15);
    expect(v.findings).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/ends at event #15, but the store at its last clean close .* had 20 events: events #16–#20 are missing/) })]);
  });

  it('a journal rewritten (edited and re-chained) after a backup disagrees with the backup', async () => {
    const dir = tempDir('verify');
    const s = await openCaseStore(dir, { autoBackup: false });
    for (let i = 1; i <= 10; i++) s.append(caseEvent(i));
    await s.backup();
    await s.close();
    fs.rmSync(path.join(dir, 'store.json')); // the forger also removes what remembers the chain's head
    editLines(dir, (lines) => {
      let prev = '';
      for (let i = 0; i < lines.length; i++) {
        if (!lines[i]) continue;
        const ev = JSON.parse(lines[i]!) as import('./types.js').StoredEvent;
        if (i === 3) (ev.changes[0] as unknown as { record: { summary: string } }).record.summary = 'forged';
        ev.prevHash = prev;
        ev.hash = core.eventHash(ev);
        prev = ev.hash;
        lines[i] = JSON.stringify(ev);
      }
    });
    const v = await verifyStore(dir);
    expect(v.ok).toBe(false);
    expect(v.findings.map((f) => f.message).join('\n')).toMatch(/the journal's event #10 is not the one backup backup-.* holds/);
  });
});
