import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openStoreForReading } from './read-copy.js';
import { openCaseStore } from './store.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const put = (id: string) => ({
  actor: 'tester',
  action: 'case.imported',
  changes: [{ entity: 'cases', id, op: 'put' as const, record: { id, summary: `case ${id}` } }],
});

it('reads a verified copy while another holder has the store open, and leaves the desk’s files alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-read-'));
  dirs.push(dir);
  const desk = await openCaseStore(dir, { autoBackup: false });
  desk.append(put('C-000001'));
  desk.append(put('C-000002'));
  const journalBefore = readFileSync(join(dir, 'journal.jsonl'));
  // The lock names this very process, which counts as a live holder.
  const reading = await openStoreForReading(dir);
  try {
    expect(reading.copy).toBe(true);
    expect(reading.asOfSeq).toBe(2);
    expect(reading.store.all('cases').map((c) => c.id)).toEqual(['C-000001', 'C-000002']);
    desk.append(put('C-000003')); // the desk goes on writing; the copy is as of seq 2
    expect(reading.store.count('cases')).toBe(2);
  } finally {
    await reading.close();
  }
  expect(readFileSync(join(dir, 'journal.jsonl')).subarray(0, journalBefore.length)).toEqual(journalBefore);
  expect(readdirSync(dir)).not.toContain('backups');
  expect(desk.count('cases')).toBe(3);
  await desk.close();
});

it('opens the store itself when nobody holds it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-read-'));
  dirs.push(dir);
  const store = await openCaseStore(dir, { autoBackup: false });
  store.append(put('C-000001'));
  await store.close();
  const reading = await openStoreForReading(dir);
  expect(reading.copy).toBe(false);
  expect(reading.store.count('cases')).toBe(1);
  await reading.close();
});

it('refuses a copy whose journal does not verify, and leaves the desk’s files as they were', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-read-'));
  dirs.push(dir);
  const desk = await openCaseStore(dir, { autoBackup: false });
  try {
    desk.append(put('C-000001'));
    desk.append(put('C-000002'));
    const journal = join(dir, 'journal.jsonl');
    const changed = readFileSync(journal, 'utf8').replace('case C-000001', 'case C-000009'); // an event edited on disk: its hash no longer matches
    writeFileSync(journal, changed);
    await expect(openStoreForReading(dir)).rejects.toThrow(/the copy of the store does not verify: .*event #/);
    expect(readFileSync(journal, 'utf8')).toBe(changed);
    expect(readdirSync(dir).filter((f) => /damaged|torn|backup|restore/.test(f))).toEqual([]); // nothing moved aside or repaired in the desk's folder
  } finally {
    await desk.close();
  }
});
