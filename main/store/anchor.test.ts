// The tamper anchor (HMAC-SHA256 with a key outside the data directory), on real stores in
// temp directories: what the plain hash chain let through must now fail verify and open.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKeyProvider, openCaseStore, storeKeyId, verifyBackup, verifyStore, type KeyProvider, type StoredEvent } from './index.js';
import { core } from './node-core.js';
import { caseEvent, tempDir } from './test-helpers.js';

const J = 'journal.jsonl';

function keysIn(label: string): KeyProvider {
  return fileKeyProvider(tempDir(`keys-${label}`));
}

/** 20 cases, a snapshot at #20, then 5 more (#21–#25); optionally a backup at #10. */
async function buildAnchored(keys: KeyProvider, opts: { backupAt10?: boolean } = {}): Promise<string> {
  const dir = tempDir('anchored');
  const s = await openCaseStore(dir, { autoBackup: false, keys });
  for (let i = 1; i <= 20; i++) {
    s.append(caseEvent(i));
    if (i === 10 && opts.backupAt10) await s.backup();
  }
  await s.compact();
  for (let i = 21; i <= 25; i++) s.append(caseEvent(i));
  await s.close();
  return dir;
}

function readEvents(dir: string): StoredEvent[] {
  return fs
    .readFileSync(path.join(dir, J), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as StoredEvent);
}

/** What an attacker without the key can do: edit event #seq and recompute the plain hash chain from there on. */
function editAndRechain(dir: string, seq: number, edit: (ev: StoredEvent) => void): void {
  const events = readEvents(dir);
  let prev = seq > 1 ? events[seq - 2]!.hash : '';
  for (const ev of events.slice(seq - 1)) {
    if (ev.seq === seq) edit(ev);
    ev.prevHash = prev;
    ev.hash = core.eventHash(ev);
    prev = ev.hash;
  }
  fs.writeFileSync(path.join(dir, J), events.map((e) => JSON.stringify(e)).join('\n') + '\n');
}

const summaryOf22 = (ev: StoredEvent) => {
  const c = ev.changes[0]!;
  if (c.op === 'put') c.record = { ...c.record, summary: 'refund approved by supervisor' };
};

describe('tamper anchor', () => {
  it('every event, the snapshot, backups and store.json carry a MAC; the key file is 0600 outside the data directory', async () => {
    const keys = keysIn('basic');
    const dir = await buildAnchored(keys, { backupAt10: true });
    const events = readEvents(dir);
    expect(events).toHaveLength(25);
    const key = keys.get(storeKeyId(dir))!;
    for (const ev of events) expect(ev.mac).toBe(core.eventMac(key, ev.hash));
    const keyFile = path.join(keys.where, `${storeKeyId(dir)}.key`);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(path.relative(dir, keyFile).startsWith('..')).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'store.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.mac).toBe(core.docMac(key, 'store', manifest));
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect((await verifyBackup(path.join(dir, 'backups', backups[0]!), key)).ok).toBe(true);
    const v = await verifyStore(dir, { keys });
    expect(v.findings).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it('an event after the last snapshot edited and the plain chain recomputed fails verify and open', async () => {
    const keys = keysIn('edit');
    const dir = await buildAnchored(keys);
    editAndRechain(dir, 22, summaryOf22);
    const mp = path.join(dir, 'store.json');
    const m = JSON.parse(fs.readFileSync(mp, 'utf8')) as { closedAt: { hash: string } };
    m.closedAt.hash = readEvents(dir).at(-1)!.hash;
    fs.writeFileSync(mp, JSON.stringify(m));
    // the plain chain and store.json are consistent again: without the key nothing notices (the old weakness)
    expect((await verifyStore(dir)).ok).toBe(true);
    const v = await verifyStore(dir, { keys });
    expect(v.ok).toBe(false);
    expect(v.firstBrokenSeq).toBe(22);
    expect(v.findings.map((f) => f.message).join('\n')).toMatch(/event #22 does not match its anchor MAC/);

    const s = await openCaseStore(dir, { autoBackup: false, keys });
    try {
      expect(s.report.status).toBe('recovered-with-loss');
      expect(s.report.warnings.join('\n')).toMatch(/event #22 does not match its anchor MAC/);
      // the forgery is not kept; #23–#25 were re-hashed by the attacker, so their MACs fail too
      expect(s.get<{ id: string; summary: string }>('cases', 'C-000022')).toBeUndefined();
      expect(s.seq).toBe(21);
      expect(s.report.lost.join(' ')).toMatch(/#22–#25/);
    } finally {
      await s.close();
    }
    expect((await verifyStore(dir, { keys })).ok).toBe(true);
  });

  it('a forged event is replaced by the genuine one from an anchored backup', async () => {
    const keys = keysIn('backup');
    const dir = tempDir('anchored-b');
    const s0 = await openCaseStore(dir, { autoBackup: false, keys });
    for (let i = 1; i <= 25; i++) s0.append(caseEvent(i));
    await s0.backup();
    const genuine = s0.get('cases', 'C-000022');
    await s0.close();
    editAndRechain(dir, 22, summaryOf22);
    const s = await openCaseStore(dir, { autoBackup: false, keys });
    try {
      expect(s.report.status).toBe('recovered');
      expect(s.get('cases', 'C-000022')).toEqual(genuine);
      expect(s.seq).toBe(25);
    } finally {
      await s.close();
    }
  });

  it('a forged backup manifest is not trusted by recovery', async () => {
    const keys = keysIn('forged-backup');
    const dir = tempDir('anchored-fb');
    const s0 = await openCaseStore(dir, { autoBackup: false, keys });
    for (let i = 1; i <= 5; i++) s0.append(caseEvent(i));
    const b = await s0.backup();
    await s0.close();
    const mp = path.join(b.path, 'manifest.json');
    const m = JSON.parse(fs.readFileSync(mp, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(mp, JSON.stringify({ ...m, createdAt: '2030-01-01T00:00:00.000Z' }));
    const v = await verifyBackup(b.path, keys.get(storeKeyId(dir))!);
    expect(v.ok).toBe(false);
    expect(v.findings[0]!.message).toMatch(/does not match its anchor MAC/);
    // the journal damaged now: recovery does not take the forged backup's events
    editAndRechain(dir, 3, (ev) => {
      ev.reason = 'edited';
    });
    const s = await openCaseStore(dir, { autoBackup: false, keys });
    try {
      expect(s.report.notes.join('\n')).toMatch(/Backup backup-.* does not verify and was not used \(the backup manifest does not match its anchor MAC/);
      expect(s.seq).toBe(2);
    } finally {
      await s.close();
    }
  });

  it('a snapshot whose records were edited and checksum recomputed is set aside; the journal rebuilds the genuine records', async () => {
    const keys = keysIn('snap');
    const dir = await buildAnchored(keys);
    const sp = path.join(dir, 'snapshot.ndjson');
    const lines = fs.readFileSync(sp, 'utf8').split('\n').filter(Boolean);
    const body = lines.slice(0, -1).map((l) => l.replace('"C-000005",{', '"C-000005",{"forged":true,'));
    expect(body.join('\n')).toMatch(/forged/);
    const genuine = readEvents(dir)[4]!.changes[0]!;
    const text = body.join('\n') + '\n';
    const end = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    fs.writeFileSync(sp, text + JSON.stringify({ type: 'end', events: end.events, records: end.records, sha256: core.sha256(text) }) + '\n');
    const s = await openCaseStore(dir, { autoBackup: false, keys });
    try {
      expect(s.report.damaged[0]).toMatchObject({ file: 'snapshot.ndjson' });
      expect(s.report.warnings[0]).toMatch(/anchor MAC/);
      expect(genuine.op === 'put' && s.get('cases', 'C-000005')).toEqual(genuine.op === 'put' && genuine.record);
      expect(JSON.stringify(s.get('cases', 'C-000005'))).not.toMatch(/forged/);
      expect(s.seq).toBe(25);
    } finally {
      await s.close();
    }
  });

  it('store.json edited outside the desk is not believed', async () => {
    const keys = keysIn('manifest');
    const dir = await buildAnchored(keys);
    const mp = path.join(dir, 'store.json');
    const m = JSON.parse(fs.readFileSync(mp, 'utf8')) as { closedAt: { seq: number } };
    m.closedAt.seq = 20; // hides that #21–#25 would be cut off
    fs.writeFileSync(mp, JSON.stringify(m));
    expect((await verifyStore(dir, { keys })).findings.map((f) => f.message)).toContain('store.json does not match its anchor MAC: it was changed outside the desk');
    const s = await openCaseStore(dir, { autoBackup: false, keys });
    try {
      expect(s.report.warnings).toContain('store.json was changed outside the desk (it does not match its anchor MAC): its record of the last clean close and backup was not used.');
      expect(s.seq).toBe(25);
    } finally {
      await s.close();
    }
    expect((await verifyStore(dir, { keys })).ok).toBe(true);
  });

  it('a store from before the anchor is upgraded on open; stripping the anchor afterwards is detected', async () => {
    const dir = tempDir('legacy');
    const s0 = await openCaseStore(dir, { autoBackup: false });
    for (let i = 1; i <= 8; i++) s0.append(caseEvent(i));
    await s0.compact();
    await s0.close();
    const keys = keysIn('upgrade');
    const s1 = await openCaseStore(dir, { autoBackup: false, keys });
    try {
      expect(s1.report.status).toBe('ok');
      expect(s1.report.notes.join('\n')).toMatch(/anchored with a key kept outside the data directory.*event #9/);
      expect(s1.events({ action: 'store.anchored' }).map((e) => e.seq)).toEqual([9]);
      s1.append(caseEvent(9)); // #10, MACed
      await s1.idle(); // the upgrade writes an anchored snapshot
    } finally {
      await s1.close();
    }
    expect((await verifyStore(dir, { keys })).ok).toBe(true);
    const s2 = await openCaseStore(dir, { autoBackup: false, keys });
    expect(s2.report.status).toBe('ok');
    expect(s2.report.notices).toEqual([]);
    await s2.close();

    // strip the anchor: drop the store.anchored event and every MAC, re-chain, remove the snapshot
    const kept = readEvents(dir).filter((e) => e.action !== 'store.anchored');
    let prev = '';
    kept.forEach((e, i) => {
      delete e.mac;
      e.seq = i + 1;
      e.prevHash = prev;
      e.hash = core.eventHash(e);
      prev = e.hash;
    });
    fs.writeFileSync(path.join(dir, J), kept.map((e) => JSON.stringify(e)).join('\n') + '\n');
    fs.rmSync(path.join(dir, 'snapshot.ndjson'));
    fs.rmSync(path.join(dir, 'store.json'));
    const v = await verifyStore(dir, { keys });
    expect(v.ok).toBe(false);
    expect(v.findings.map((f) => f.message).join('\n')).toMatch(/event #1 carries no anchor MAC/);
    const s3 = await openCaseStore(dir, { autoBackup: false, keys });
    try {
      expect(s3.report.status).not.toBe('ok');
      expect(s3.report.warnings.join('\n')).toMatch(/carries no anchor MAC/);
    } finally {
      await s3.close();
    }
  });

  it('an anchored store opened without a key provider can be read but not changed, and stays anchored', async () => {
    const keys = keysIn('readonly');
    const dir = await buildAnchored(keys);
    const before = fs.readFileSync(path.join(dir, 'store.json'), 'utf8');
    const s = await openCaseStore(dir, { autoBackup: false });
    try {
      expect(s.count('cases')).toBe(25);
      expect(() => s.append(caseEvent(26))).toThrow(/anchored and was opened without its key/);
    } finally {
      await s.close();
    }
    expect(fs.readFileSync(path.join(dir, 'store.json'), 'utf8')).toBe(before);
    const again = await openCaseStore(dir, { autoBackup: false, keys });
    expect(again.report.status).toBe('ok');
    expect(again.report.notices).toEqual([]);
    await again.close();
  });

  it('an anchored store whose key is missing is refused with a clear message; a key folder inside the data directory is refused', async () => {
    const dir = await buildAnchored(keysIn('lost'));
    const other = keysIn('other');
    await expect(openCaseStore(dir, { autoBackup: false, keys: other })).rejects.toThrow(/anchored with a key that is missing from/);
    await expect(openCaseStore(dir, { autoBackup: false, keys: fileKeyProvider(path.join(dir, 'keys')) })).rejects.toThrow(/is inside the data directory/);
  });
});
