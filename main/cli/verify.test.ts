import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../store/index.js';
import { caseEvent, tempDir } from '../store/test-helpers.js';
import { runVerify } from './verify.js';
import { runBackup } from './backup.js';
import { runRestore } from './restore.js';
import { commands } from './commands.js';

function io() {
  const o = { out: '', err: '' };
  return { o, io: { out: (t: string) => (o.out += t), err: (t: string) => (o.err += t) } };
}

describe('verify, backup and restore commands', () => {
  it('are registered', () => {
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(['verify', 'backup', 'restore']));
  });

  it('verify → backup → damage → verify fails → restore refuses a bad backup, restores a good one', async () => {
    const dir = tempDir('cli');
    const s = await openCaseStore(dir, { autoBackup: false });
    for (let i = 1; i <= 8; i++) s.append(caseEvent(i));
    await s.close();

    let r = io();
    expect(await runVerify(['--data', dir], r.io)).toBe(0);
    expect(r.o.out).toMatch(/^OK .*: 8 events, hash chain intact; records: cases 8\n$/);

    r = io();
    const outDir = tempDir('cli-out');
    expect(await runBackup(['--data', dir, '--out', outDir], r.io)).toBe(0);
    const backupPath = r.o.out.match(/backup written: (\S+)/)![1]!;
    expect(fs.existsSync(path.join(backupPath, 'manifest.json'))).toBe(true);

    // tamper with the live journal
    const jp = path.join(dir, 'journal.jsonl');
    fs.writeFileSync(jp, fs.readFileSync(jp, 'utf8').replace('Case number 4', 'Case number 5'));
    r = io();
    expect(await runVerify(['--data', dir], r.io)).toBe(1);
    expect(r.o.err).toMatch(/first broken event #4/);
    expect(r.o.err).toMatch(/event #4 was changed after it was written/);

    // a damaged backup is refused
    const bad = path.join(outDir, 'bad');
    fs.cpSync(backupPath, bad, { recursive: true });
    fs.appendFileSync(path.join(bad, 'journal.jsonl'), '{"seq":9}\n');
    r = io();
    expect(await runRestore(['--data', dir, '--from', bad], r.io)).toBe(1);
    expect(r.o.err).toMatch(/restore refused/);

    r = io();
    expect(await runRestore(['--data', dir, '--from', backupPath], r.io)).toBe(0);
    expect(r.o.out).toMatch(/restored 8 events/);
    r = io();
    expect(await runVerify(['--data', dir], r.io)).toBe(0);

    r = io();
    expect(await runRestore(['--data', dir], r.io)).toBe(2);
    expect(await runVerify(['--data', path.join(outDir, 'nothing-here')], io().io)).toBe(1);
  });
});
