// Store-level operations that work on a data directory that is not open in this process:
// verify, backup, restore. (An open store has store.verify() and store.backup().)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { core, isStoreOpen, SCHEMA_VERSION } from './store.js';
import type { BackupManifest, Finding, VerifyResult } from './core.js';
import { storeKeyId, type KeyProvider } from './anchor.js';

/** With a key provider: the store's anchor key (null when the store was never anchored). */
export interface AnchorOption {
  keys?: KeyProvider;
}

function keyOf(dataDir: string, o: AnchorOption): Buffer | null {
  return o.keys?.get(storeKeyId(dataDir)) ?? null;
}

/** Full check of a data directory: journal hash chain, snapshot checksum and agreement, and the anchor when there is a key. */
export async function verifyStore(dataDir: string, o: AnchorOption = {}): Promise<VerifyResult> {
  dataDir = path.resolve(dataDir);
  return core.verifyStore(dataDir, keyOf(dataDir, o));
}

/** Full check of a backup directory (manifest, checksums, hash chain; the anchor with `macKey`). */
export async function verifyBackup(backupDir: string, macKey: Uint8Array | null = null): Promise<VerifyResult & { manifest: BackupManifest | null }> {
  return core.verifyBackup(path.resolve(backupDir), macKey);
}

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Backs up a data directory (which may be open in another process: only complete,
 * verified journal records are copied). `out`: a new directory path, or an existing
 * directory to create `backup-<time>-seq<N>` in. Default `<dataDir>/backups`.
 */
export async function backupStore(dataDir: string, out?: string, o: AnchorOption = {}): Promise<{ path: string; manifest: BackupManifest }> {
  dataDir = path.resolve(dataDir);
  const macKey = keyOf(dataDir, o);
  const journal = path.join(dataDir, core.JOURNAL);
  if (!fs.existsSync(journal)) throw new Error(`there is no store in ${dataDir}`);
  let end = 0;
  const v = core.verifyJournalFile(journal, {
    replay: false,
    macKey,
    onEvent: (_ev, _s, e) => {
      end = e;
    },
  });
  const errors = v.findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new Error(`the store does not verify, so it was not backed up: ${errors[0]!.message}`);
  const name = `backup-${stamp()}-seq${v.events}`;
  let target: string;
  if (!out) target = path.join(dataDir, 'backups', name);
  else if (fs.existsSync(out) && fs.statSync(out).isDirectory()) target = path.join(path.resolve(out), name);
  else target = path.resolve(out);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const manifest = core.backup(dataDir, target, { journalBytes: end, seq: v.events, lastHash: v.lastHash, auto: false }, macKey);
  return { path: target, manifest };
}

export interface RestoreResult {
  ok: boolean;
  findings: Finding[];
  /** Where the replaced files were moved (relative to the data dir). */
  previousKeptIn: string | null;
  events: number;
}

/**
 * Replaces the store in `dataDir` with a backup. Refuses (ok: false, nothing touched) when
 * the backup does not verify. The current files are moved into before-restore-<time>/.
 * The store must be closed.
 */
export async function restoreBackup(dataDir: string, from: string, o: AnchorOption = {}): Promise<RestoreResult> {
  dataDir = path.resolve(dataDir);
  const macKey = keyOf(dataDir, o);
  const v = core.verifyBackup(path.resolve(from), macKey);
  if (!v.ok || !v.manifest) return { ok: false, findings: v.findings, previousKeptIn: null, events: 0 };
  const pid = isStoreOpen(dataDir);
  if (pid !== null) throw new Error(`the store in ${dataDir} is open (process ${pid}); close the desk before restoring`);
  fs.mkdirSync(dataDir, { recursive: true });
  let previousKeptIn: string | null = null;
  const existing = [core.JOURNAL, core.SNAPSHOT, 'store.json'].filter((f) => fs.existsSync(path.join(dataDir, f)));
  if (existing.length) {
    previousKeptIn = `before-restore-${stamp()}`;
    fs.mkdirSync(path.join(dataDir, previousKeptIn));
    for (const f of existing) fs.renameSync(path.join(dataDir, f), path.join(dataDir, previousKeptIn, f));
  }
  for (const f of [core.JOURNAL, core.SNAPSHOT]) {
    const src = path.join(path.resolve(from), f);
    if (!fs.existsSync(src) || (f === core.SNAPSHOT && !v.manifest.snapshot)) continue;
    fs.copyFileSync(src, path.join(dataDir, f));
    core.fsyncPath(path.join(dataDir, f));
  }
  const manifest = {
    format: 'assurance-desk-store',
    schemaVersion: SCHEMA_VERSION,
    createdAt: new Date().toISOString(),
    migrations: [],
    lastBackup: null,
    closedAt: { seq: v.manifest.seq, hash: v.manifest.lastHash, at: new Date().toISOString() },
    restoredFrom: { path: path.resolve(from), seq: v.manifest.seq, at: new Date().toISOString() },
  };
  if (macKey) Object.assign(manifest, { mac: core.docMac(macKey, 'store', manifest) });
  fs.writeFileSync(path.join(dataDir, 'store.json'), JSON.stringify(manifest, null, 2));
  core.fsyncPath(path.join(dataDir, 'store.json'));
  core.fsyncPath(dataDir);
  fs.appendFileSync(
    path.join(dataDir, 'store.log'),
    `${new Date().toISOString()} RESTORED from ${path.resolve(from)} (event #${v.manifest.seq})${previousKeptIn ? `; previous files kept in ${previousKeptIn}` : ''}\n`,
  );
  return { ok: true, findings: v.findings, previousKeptIn, events: v.manifest.seq };
}
