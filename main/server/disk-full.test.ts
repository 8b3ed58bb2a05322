// A real full disk: the desk's data folder on a tiny tmpfs (mounting needs root, as here and
// in CI; the test is skipped where mount is refused). Writes answer `disk-full`, nothing is
// half-written, a sign-in that cannot write leaves the connection signed out, and once space
// is freed the store opens `ok` with every acknowledged write.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCaseStore, verifyStore, fileKeyProvider } from '../store/index.js';
import { openDesk } from './open-desk.js';
import { lowdbSettings } from './settings/lowdb-settings.js';

const mountPoint = fs.mkdtempSync(join(tmpdir(), 'ad-tinyfs-'));
const keyDir = fs.mkdtempSync(join(tmpdir(), 'ad-tinyfs-keys-'));
function tryMount(): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const mounted = tryMount();

afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', mountPoint]); // lazy: a store left open by a failed test must not block it
  fs.rmSync(mountPoint, { recursive: true, force: true });
  fs.rmSync(keyDir, { recursive: true, force: true });
});

/** Fills the filesystem with one file until ENOSPC. */
function fill(file: string): void {
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(16 * 1024, 0x61);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    fs.closeSync(fd);
  }
}

describe.runIf(mounted)('on a real full disk (tmpfs size=2m)', () => {
  it('writes answer disk-full, nothing is half-written, sign-in stays signed out, and the store opens ok afterwards', async () => {
    const dataDir = join(mountPoint, 'data');
    const keys = fileKeyProvider(keyDir);
    const opened = await openDesk({ dataDir, settings: lowdbSettings(dataDir), slaIntervalMs: 0, fetchMail: false, keys, keyDir });
    const { desk } = opened;
    const password = 'correct horse battery';
    const manager = desk.connect();
    expect(await desk.dispatch(manager, 'setup.createManager', { username: 'boss', displayName: 'Boss', password })).toMatchObject({ ok: true });
    expect(await desk.dispatch(manager, 'operators.create', { username: 'agent1', displayName: 'Agent One', password, role: 'agent' })).toMatchObject({ ok: true });
    const store = desk.services.store;
    await (store as { idle?: () => Promise<void> }).idle?.();

    fill(join(mountPoint, 'filler'));
    // The journal's last page may still hold a few events: write until the disk refuses.
    let acknowledged = 0;
    let refusal: unknown = null;
    for (let i = 0; i < 200 && !refusal; i++) {
      const outcome = await desk.dispatch(manager, 'operators.create', { username: `agent${i + 2}`, displayName: `Agent ${i + 2}`, password, role: 'agent' });
      if (outcome.ok) acknowledged++;
      else refusal = outcome.error;
    }
    expect(refusal).toMatchObject({ code: 'disk-full', message: 'the disk is full: nothing was saved; free some space and try again' });
    const seqWhenFull = store.events().length;
    // nothing half-written: the journal ends on a whole line, one per acknowledged event
    const journal = fs.readFileSync(join(dataDir, 'journal.jsonl'), 'utf8');
    expect(journal.endsWith('\n')).toBe(true);
    expect(journal.split('\n').filter(Boolean)).toHaveLength(seqWhenFull);
    // the refused operator does not exist
    expect(store.all('operators').map((o) => o.id)).not.toContain(`agent${acknowledged + 2}`);

    // a sign-in that cannot write settings.json leaves the connection signed out
    const tab = desk.connect();
    expect(await desk.dispatch(tab, 'session.signIn', { username: 'agent1', password })).toMatchObject({ ok: false, error: { code: 'disk-full' } });
    expect(tab.operator).toBeNull();
    expect(await desk.dispatch(tab, 'operators.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    // space freed: the same desk writes again, then closes cleanly
    fs.rmSync(join(mountPoint, 'filler'));
    expect(await desk.dispatch(tab, 'session.signIn', { username: 'agent1', password })).toMatchObject({ ok: true });
    await opened.close();

    const reopened = await openCaseStore(dataDir, { keys });
    try {
      expect(reopened.report.status).toBe('ok');
      expect(reopened.report.notices).toEqual([]);
      expect(reopened.seq).toBe(seqWhenFull);
      expect(reopened.count('operators')).toBe(2 + acknowledged);
    } finally {
      await reopened.close();
    }
    expect((await verifyStore(dataDir, { keys })).ok).toBe(true);
  }, 120_000);
});
