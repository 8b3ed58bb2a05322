import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseStore, StoreError, verifyStore, type OpenedCaseStore, type StoredEvent } from './index.js';
import { core } from './node-core.js';
import { caseEvent, flipByte, tempDir } from './test-helpers.js';

const J = 'journal.jsonl';
const S = 'snapshot.ndjson';

/** 30 cases + 10 updates; snapshot at #40; backup at #25; tail #41..#44. */
async function buildStore(opts: { backup?: boolean } = {}): Promise<{ dir: string; expected: Map<string, unknown> }> {
  const dir = tempDir('corrupt');
  const s = await openCaseStore(dir, { autoBackup: false });
  for (let i = 1; i <= 25; i++) s.append(caseEvent(i, { summary: `云服务器无法连接 ${i}` }));
  if (opts.backup !== false) await s.backup();
  for (let i = 26; i <= 30; i++) s.append(caseEvent(i));
  for (let i = 1; i <= 10; i++)
    s.append({ actor: 'agent03', action: 'case.updated', reason: 'follow-up', changes: [{ entity: 'cases', id: caseEvent(i).changes[0]!.id, op: 'patch', patch: { status: 'resolved' } }] });
  await s.compact();
  for (let i = 31; i <= 34; i++) s.append(caseEvent(i));
  const expected = new Map(s.all('cases').map((c) => [c.id, c] as const));
  await s.close();
  return { dir, expected };
}

function damagedCopy(dir: string, file: string): string {
  const names = fs.readdirSync(dir).filter((n) => n.startsWith(`${file}.damaged-`));
  expect(names).toHaveLength(1);
  return path.join(dir, names[0]!);
}

function lineStart(file: string, lineNo: number): number {
  const text = fs.readFileSync(file);
  let pos = 0;
  for (let i = 1; i < lineNo; i++) pos = text.indexOf(10, pos) + 1;
  return pos;
}

async function reopen(dir: string): Promise<OpenedCaseStore> {
  return openCaseStore(dir, { autoBackup: false });
}

function expectSameCases(s: OpenedCaseStore, expected: Map<string, unknown>) {
  expect(s.count('cases')).toBe(expected.size);
  for (const [id, rec] of expected) expect(s.get('cases', id)).toEqual(rec);
}

describe('damaged files are reported, kept aside byte-identical, and recovered', () => {
  it('torn last journal record: dropped with a note, the bytes kept, nothing confirmed lost', async () => {
    const { dir, expected } = await buildStore();
    const torn = '{"seq":45,"at":"2026-01-01T00:00:00.000Z","actor":"agent01","act';
    fs.appendFileSync(path.join(dir, J), torn);
    const s = await reopen(dir);
    try {
      expect(s.report.status).toBe('ok');
      expect(s.report.tornTail?.bytes).toBe(torn.length);
      expect(fs.readFileSync(path.join(dir, s.report.tornTail!.keptIn), 'utf8')).toBe(torn);
      expect(s.report.notices.join(' ')).toMatch(/incomplete.*no confirmed change was lost/);
      expect(fs.readFileSync(path.join(dir, 'store.log'), 'utf8')).toMatch(/TORN journal tail/);
      expect(s.seq).toBe(44);
      expectSameCases(s, expected);
      expect(s.append(caseEvent(99)).seq).toBe(45);
    } finally {
      await s.close();
    }
    expect((await verifyStore(dir)).ok).toBe(true);
  });

  it('bit-flipped journal event: detected, kept aside, rebuilt from the backup and the rest of the journal', async () => {
    const { dir, expected } = await buildStore();
    const jp = path.join(dir, J);
    flipByte(jp, lineStart(jp, 10) + 60); // inside event #10, covered by the backup at #25
    const bytes = fs.readFileSync(jp);
    const s = await reopen(dir);
    try {
      expect(s.report.status).toBe('recovered');
      expect(s.report.damaged[0]).toMatchObject({ file: J });
      expect(s.report.warnings[0]).toMatch(/first damaged event is #10\b/);
      expect(s.report.lost).toEqual([]);
      expect(fs.readFileSync(damagedCopy(dir, J)).equals(bytes)).toBe(true);
      expect(s.seq).toBe(44);
      expectSameCases(s, expected);
    } finally {
      await s.close();
    }
    expect((await verifyStore(dir)).ok).toBe(true);
  });

  it('bit-flipped journal event with no backup: says what could not be recovered; the snapshot restores the records', async () => {
    const { dir, expected } = await buildStore({ backup: false });
    const jp = path.join(dir, J);
    flipByte(jp, lineStart(jp, 30) + 70);
    const s = await reopen(dir);
    try {
      expect(s.report.status).toBe('recovered-with-loss');
      expect(s.report.lost.join(' ')).toMatch(/#30/);
      expect(s.report.notices.join('\n')).toMatch(/restored from the snapshot/);
      // the records as of the snapshot (#40) are back; the tail after it (#41–#44) is reported lost
      for (const [id, rec] of expected) if (Number(id.slice(2)) <= 30) expect(s.get('cases', id)).toEqual(rec);
      expect(s.events({ action: 'store.recovered' })).toHaveLength(1);
      expect(fs.existsSync(damagedCopy(dir, J))).toBe(true);
    } finally {
      await s.close();
    }
    expect((await verifyStore(dir)).ok).toBe(true);
  });

  it('one damaged event after the snapshot and backup: the intact events after it are kept, the damaged one is named', async () => {
    const { dir } = await buildStore({ backup: false });
    const jp = path.join(dir, J);
    flipByte(jp, lineStart(jp, 43) + 70); // #43 creates C-000033, #44 creates C-000034
    const s = await reopen(dir);
    try {
      expect(s.report.status).toBe('recovered-with-loss');
      expect(s.report.warnings[0]).toMatch(/event #43/);
      expect(s.report.lost).toEqual(['Event #43 (its change) could not be recovered.']);
      expect(s.report.notes.join('\n')).toMatch(/events #44–#44 .*were kept/);
      expect(s.seq).toBe(44);
      expect(s.events({ action: 'store.event-lost' }).map((e) => e.seq)).toEqual([43]);
      expect(s.get('cases', 'C-000032')).toBeDefined();
      expect(s.get('cases', 'C-000033')).toBeUndefined();
      expect(s.get('cases', 'C-000034')).toBeDefined();
    } finally {
      await s.close();
    }
    expect((await verifyStore(dir)).ok).toBe(true);
  });

  it('intact events that depend on the damaged one are dropped and named exactly', async () => {
    const { dir } = await buildStore({ backup: false });
    const s0 = await reopen(dir);
    s0.append(caseEvent(35)); // #45
    s0.append({ actor: 'agent03', action: 'case.updated', changes: [{ entity: 'cases', id: 'C-000035', op: 'patch', patch: { status: 'resolved' } }] }); // #46 needs #45
    s0.append(caseEvent(36)); // #47
    await s0.close();
    const jp = path.join(dir, J);
    flipByte(jp, lineStart(jp, 45) + 70);
    const s = await reopen(dir);
    try {
      expect(s.report.status).toBe('recovered-with-loss');
      // #45 replaced by store.event-lost; #46 patches the case #45 created, so it and #47 after it are not kept
      expect(s.report.lost).toEqual(['Event #45 (its change) could not be recovered. Events #46–#47 were not kept: #46 depends on what was lost (the rest follow it).']);
      expect(s.seq).toBe(45);
      expect(s.get('cases', 'C-000035')).toBeUndefined();
    } finally {
      await s.close();
    }
    expect((await verifyStore(dir)).ok).toBe(true);
  });

  it('a damaged stored hash is repaired when the next event vouches for the content', async () => {
    const { dir, expected } = await buildStore({ backup: false });
    const jp = path.join(dir, J);
    const text = fs.readFileSync(jp, 'utf8');
    const start = lineStart(jp, 42);
    const hashAt = text.indexOf('"hash":"', Buffer.from(text).subarray(0, start).toString().length) + 10;
    const bytes = Buffer.from(text);
    const at = Buffer.byteLength(text.slice(0, hashAt));
    bytes[at] = bytes[at] === 0x61 ? 0x62 : 0x61;
    fs.writeFileSync(jp, bytes);
    const s = await reopen(dir);
    try {
      expect(s.report.status).toBe('recovered');
      expect(s.report.lost).toEqual([]);
      expect(s.report.notes.join(' ')).toMatch(/1 event\(s\) had only a damaged hash, repaired/);
      expect(s.seq).toBe(44);
      expectSameCases(s, expected);
    } finally {
      await s.close();
    }
    expect((await verifyStore(dir)).ok).toBe(true);
  });

  it('truncated journal (cut mid-file): detected against the snapshot, recovered from backup + snapshot', async () => {
    const { dir } = await buildStore();
    const jp = path.join(dir, J);
    const full = fs.readFileSync(jp);
    fs.truncateSync(jp, Math.floor(full.length / 2));
    const cut = fs.readFileSync(jp);
    const s = await reopen(dir);
    try {
      expect(s.report.damaged[0]).toMatchObject({ file: J });
      expect(s.report.warnings[0]).toMatch(/shorter than the snapshot expects|missing/);
      expect(fs.readFileSync(damagedCopy(dir, J)).equals(cut)).toBe(true);
      expect(s.report.status).toBe('recovered-with-loss');
      expect(s.report.lost.join(' ')).toMatch(/could not be recovered/);
      expect(s.count('cases')).toBe(30); // as of the snapshot at #40
    } finally {
      await s.close();
    }
    expect((await verifyStore(dir)).ok).toBe(true);
  });

  it('emptied journal: detected, the empty file kept aside, recovered from the backup and snapshot', async () => {
    const { dir } = await buildStore();
    fs.writeFileSync(path.join(dir, J), '');
    const s = await reopen(dir);
    try {
      expect(s.report.damaged[0]).toMatchObject({ file: J });
      expect(fs.statSync(damagedCopy(dir, J)).size).toBe(0);
      expect(s.report.notes.join(' ')).toMatch(/taken from backup/);
      expect(s.count('cases')).toBe(30);
      expect(s.get('cases', 'C-000001')).toMatchObject({ status: 'resolved' });
    } finally {
      await s.close();
    }
    expect((await verifyStore(dir)).ok).toBe(true);
  });

  for (const kind of ['truncated', 'bit-flipped', 'emptied'] as const) {
    it(`${kind} snapshot: reported, kept aside byte-identical, rebuilt from the journal with nothing lost`, async () => {
      const { dir, expected } = await buildStore();
      const sp = path.join(dir, S);
      const size = fs.statSync(sp).size;
      if (kind === 'truncated') fs.truncateSync(sp, Math.floor(size * 0.6));
      else if (kind === 'bit-flipped') flipByte(sp, Math.floor(size / 2));
      else fs.writeFileSync(sp, '');
      const bytes = fs.readFileSync(sp);
      const v = await verifyStore(dir);
      expect(v.ok).toBe(false);
      expect(v.findings[0]!.file).toBe(S);
      const s = await reopen(dir);
      try {
        expect(s.report.status).toBe('recovered');
        expect(s.report.damaged).toHaveLength(1);
        expect(s.report.damaged[0]!.file).toBe(S);
        expect(s.report.warnings[0]).toMatch(kind === 'emptied' ? /empty/ : kind === 'truncated' ? /cut short|incomplete/ : /damaged|checksum/);
        expect(s.report.lost).toEqual([]);
        expect(fs.readFileSync(damagedCopy(dir, S)).equals(bytes)).toBe(true);
        expectSameCases(s, expected);
        expect(s.history('cases', 'C-000001')).toHaveLength(2);
        await s.idle(); // a fresh snapshot is written
      } finally {
        await s.close();
      }
      expect((await verifyStore(dir)).ok).toBe(true);
    });
  }

  it('damaged store.json is reported and kept aside', async () => {
    const { dir, expected } = await buildStore();
    fs.writeFileSync(path.join(dir, 'store.json'), '{"schemaVersion": 2, "creat');
    const s = await reopen(dir);
    try {
      expect(s.report.damaged[0]).toMatchObject({ file: 'store.json' });
      expect(fs.readFileSync(damagedCopy(dir, 'store.json'), 'utf8')).toBe('{"schemaVersion": 2, "creat');
      expectSameCases(s, expected);
    } finally {
      await s.close();
    }
  });
});

/** Rewrites journal lines (1-based) through `edit`; with `rechain`, every later event is re-linked and re-hashed as a forger would. */
function forge(dir: string, from: number, edit: (ev: StoredEvent) => void, opts: { rechain: boolean }): void {
  const jp = path.join(dir, J);
  const events = fs
    .readFileSync(jp, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as StoredEvent);
  let prev = events[from - 2]?.hash ?? '';
  for (let i = from - 1; i < events.length; i++) {
    const ev = events[i]!;
    if (i === from - 1) edit(ev);
    else if (!opts.rechain) break;
    ev.prevHash = prev;
    ev.hash = core.eventHash(ev);
    prev = ev.hash;
  }
  fs.writeFileSync(jp, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
}

describe('recovery never keeps a forgery over genuine history', () => {
  it('an event edited with its own hash recomputed: the backup holds the genuine one, which wins; nothing later is dropped', async () => {
    const { dir, expected } = await buildStore();
    forge(dir, 10, (ev) => ((ev.changes[0] as unknown as { record: { summary: string } }).record.summary = 'forged'), { rechain: false });
    const s = await reopen(dir);
    try {
      expect(s.report.status).toBe('recovered');
      expect(s.report.lost).toEqual([]);
      expect(s.report.notes.join(' ')).toMatch(/1 event\(s\) in the journal were not the ones the backup holds/);
      expect(s.seq).toBe(44);
      expectSameCases(s, expected);
      expect(s.get<{ id: string; summary: string }>('cases', 'C-000010')!.summary).toBe('云服务器无法连接 10');
    } finally {
      await s.close();
    }
    expect((await verifyStore(dir)).ok).toBe(true);
  });

  it('an edited and re-chained journal does not win over the genuine snapshot (no backup)', async () => {
    const { dir } = await buildStore({ backup: false });
    forge(dir, 10, (ev) => ((ev.changes[0] as unknown as { record: { summary: string } }).record.summary = 'forged'), { rechain: true });
    const s = await reopen(dir);
    try {
      expect(s.report.status).toBe('recovered-with-loss');
      expect(s.report.notes.join(' ')).toMatch(/rewritten after they were written/);
      // the records come back from the genuine snapshot at #40, not from the forged journal
      expect(s.get<{ id: string; summary: string }>('cases', 'C-000010')!.summary).toBe('云服务器无法连接 10');
      expect(s.count('cases')).toBe(30);
      expect(s.events({ action: 'store.recovered' })).toHaveLength(1);
    } finally {
      await s.close();
    }
    const v = await verifyStore(dir);
    expect(v.ok).toBe(true);
  });

  it('a well-chained event that patches a missing record does not make open throw; it is named as not recovered', async () => {
    const { dir, expected } = await buildStore();
    const jp = path.join(dir, J);
    const lines = fs.readFileSync(jp, 'utf8').split('\n').filter(Boolean);
    const last = JSON.parse(lines.at(-1)!) as StoredEvent;
    const body = { seq: 45, at: last.at, actor: 'mallory', action: 'case.updated', changes: [{ entity: 'cases', id: 'C-999999', op: 'patch' as const, patch: { status: 'closed' } }], prevHash: last.hash };
    fs.appendFileSync(jp, JSON.stringify({ ...body, hash: core.eventHash(body) }) + '\n');
    const s = await reopen(dir);
    try {
      expect(s.report.warnings[0]).toMatch(/event #45 cannot be applied/);
      expect(s.report.status).toBe('recovered-with-loss');
      expect(s.report.lost).toEqual([expect.stringMatching(/Events #45–#45 could not be recovered/)]);
      expect(s.seq).toBe(44);
      expectSameCases(s, expected);
    } finally {
      await s.close();
    }
    expect((await verifyStore(dir)).ok).toBe(true);
  });
});

describe('loss is always reported', () => {
  it('whole trailing events cut from a cleanly closed store: recovered-with-loss, naming them', async () => {
    const { dir } = await buildStore();
    const jp = path.join(dir, J);
    fs.truncateSync(jp, lineStart(jp, 42)); // events #42–#44 gone, each line whole
    const s = await reopen(dir);
    try {
      expect(s.report.status).toBe('recovered-with-loss');
      expect(s.report.lost).toEqual([expect.stringMatching(/Events #42–#44 could not be recovered/)]);
      expect(s.seq).toBe(41);
    } finally {
      await s.close();
    }
  });

  it('journal truncated mid-line after the snapshot of a cleanly closed store: the acknowledged events after the cut are reported lost', async () => {
    const { dir } = await buildStore();
    const jp = path.join(dir, J);
    fs.truncateSync(jp, lineStart(jp, 42) + 40);
    const s = await reopen(dir);
    try {
      expect(s.report.status).toBe('recovered-with-loss');
      expect(s.report.lost).toEqual([expect.stringMatching(/Events #42–#44 could not be recovered/)]);
    } finally {
      await s.close();
    }
  });
});

describe('disk full', () => {
  it('a write that finds the disk full fails with a StoreError of kind disk-full and changes nothing', async () => {
    const dir = tempDir('full');
    fs.symlinkSync('/dev/full', path.join(dir, J)); // writes to /dev/full fail with ENOSPC
    const s = await openCaseStore(dir, { autoBackup: false });
    try {
      let error: unknown;
      try {
        s.append(caseEvent(1));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ kind: 'disk-full', message: expect.stringMatching(/disk is full/) });
      expect(s.seq).toBe(0);
      expect(s.count('cases')).toBe(0);
    } finally {
      await s.close();
    }
  });
});
