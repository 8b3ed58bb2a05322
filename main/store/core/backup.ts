// Part 4 of the store's file-format core: backups (write, rotate, verify).
// SELF-CONTAINED (see ../core.ts): only `import type`; other parts arrive in `core`.
import type { FormatCore } from './format.js';
import type { SnapshotCore } from './snapshot.js';
import type { VerifyCore } from './verify.js';
import type { BackupManifest, CoreDeps, Finding, VerifyResult } from './types.js';

export function backupPart(deps: CoreDeps, core: FormatCore & SnapshotCore & VerifyCore) {
  const { fs, path } = deps;
  const { SCHEMA_VERSION, JOURNAL, SNAPSHOT, sha256, fsyncPath, copyRange, fileSha256, checkSnapshotFile, verifyJournalFile, stateCounts, docMac } = core;

  /**
   * Copies the store (journal up to `journalBytes`, plus the snapshot when it is not newer)
   * into a new backup directory `target`. Writes into a temp dir and renames at the end.
   */
  function backup(
    dataDir: string,
    target: string,
    at: { journalBytes: number; seq: number; lastHash: string; auto: boolean; keep?: number },
    macKey: Uint8Array | null = null,
  ): BackupManifest {
    const tmp = target + '.partial';
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
    const journalSha256 = at.journalBytes > 0 ? copyRange(path.join(dataDir, JOURNAL), path.join(tmp, JOURNAL), at.journalBytes) : (fs.writeFileSync(path.join(tmp, JOURNAL), ''), sha256(''));
    let snapshot: BackupManifest['snapshot'] = null;
    const snapPath = path.join(dataDir, SNAPSHOT);
    if (fs.existsSync(snapPath)) {
      const r = checkSnapshotFile(snapPath);
      if (r.ok && r.header.seq <= at.seq && r.header.journalOffset <= at.journalBytes) {
        const bytes = fs.statSync(snapPath).size;
        const digest = copyRange(snapPath, path.join(tmp, SNAPSHOT), bytes);
        snapshot = { seq: r.header.seq, bytes, sha256: digest };
      }
    }
    const manifest: BackupManifest = {
      format: 'assurance-desk-backup',
      schemaVersion: SCHEMA_VERSION,
      seq: at.seq,
      lastHash: at.lastHash,
      journalBytes: at.journalBytes,
      journalSha256,
      snapshot,
      createdAt: new Date().toISOString(),
      auto: at.auto,
    };
    if (macKey) manifest.mac = docMac(macKey, 'backup', manifest as unknown as Record<string, unknown>);
    fs.writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    fsyncPath(path.join(tmp, 'manifest.json'));
    fsyncPath(tmp);
    fs.renameSync(tmp, target);
    fsyncPath(path.dirname(target));
    if (at.auto && at.keep && at.keep > 0) rotateBackups(path.dirname(target), at.keep);
    return manifest;
  }

  /** Keeps the newest `keep` automatic backups in `dir`. */
  function rotateBackups(dir: string, keep: number): string[] {
    const autos: string[] = [];
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.startsWith('backup-') || name.endsWith('.partial')) continue;
      try {
        const m = JSON.parse(fs.readFileSync(path.join(dir, name, 'manifest.json'), 'utf8')) as BackupManifest;
        if (m.auto) autos.push(name);
      } catch {
        // not ours or damaged: never delete what we cannot read
      }
    }
    const removed = autos.slice(0, Math.max(0, autos.length - keep));
    // Renamed first (one atomic step) so that a kill in the middle of deleting never leaves a
    // `backup-…` folder without its manifest; every reader skips `.partial`. A `.partial` older
    // than an hour is what such a kill (or one mid-backup) left behind.
    for (const name of removed) fs.renameSync(path.join(dir, name), path.join(dir, `${name}.partial`));
    const stale = Date.now() - 3_600_000;
    for (const name of fs.readdirSync(dir)) {
      if (!name.startsWith('backup-') || !name.endsWith('.partial')) continue;
      const full = path.join(dir, name);
      if (removed.includes(name.slice(0, -'.partial'.length)) || fs.statSync(full).mtimeMs < stale) fs.rmSync(full, { recursive: true, force: true });
    }
    return removed;
  }

  /** Checks a backup directory completely. */
  /** With `macKey`: the manifest and every event must carry the store's anchor (see docs/store.md). */
  function verifyBackup(dir: string, macKey: Uint8Array | null = null): VerifyResult & { manifest: BackupManifest | null } {
    const findings: Finding[] = [];
    const fail = (message: string, file = 'manifest.json'): VerifyResult & { manifest: BackupManifest | null } => ({
      ok: false,
      events: 0,
      lastHash: '',
      records: {},
      findings: [...findings, { severity: 'error', file, message }],
      manifest: null,
    });
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return fail(`${dir} is not a backup directory`, dir);
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
    } catch {
      return fail('the backup has no readable manifest.json');
    }
    if (manifest.format !== 'assurance-desk-backup') return fail('manifest.json is not an Assurance Desk backup manifest');
    if (manifest.schemaVersion > SCHEMA_VERSION) return fail(`the backup was written by a newer version (schema ${manifest.schemaVersion})`);
    if (macKey && manifest.mac !== docMac(macKey, 'backup', manifest as unknown as Record<string, unknown>))
      return fail(
        manifest.mac === undefined
          ? 'the backup carries no anchor MAC (made before the store was anchored, or not by this desk)'
          : 'the backup manifest does not match its anchor MAC: it was changed or made without the desk\'s key',
      );
    const jp = path.join(dir, JOURNAL);
    if (!fs.existsSync(jp)) return fail('the backup has no journal', JOURNAL);
    const size = fs.statSync(jp).size;
    if (size !== manifest.journalBytes)
      findings.push({ severity: 'error', file: JOURNAL, message: `the backup journal has ${size} bytes, its manifest says ${manifest.journalBytes}` });
    else if (fileSha256(jp) !== manifest.journalSha256)
      findings.push({ severity: 'error', file: JOURNAL, message: 'the backup journal is damaged (its checksum does not match the manifest)' });
    const j = verifyJournalFile(jp, { label: `backup ${JOURNAL}`, replay: true, macKey });
    findings.push(...j.findings.map((f) => ({ ...f, severity: 'error' as const })));
    if (j.events !== manifest.seq || j.lastHash !== manifest.lastHash)
      findings.push({ severity: 'error', file: JOURNAL, message: `the backup journal ends at event #${j.events}, its manifest says #${manifest.seq}` });
    if (manifest.snapshot) {
      const sp = path.join(dir, SNAPSHOT);
      if (!fs.existsSync(sp) || fileSha256(sp) !== manifest.snapshot.sha256)
        findings.push({ severity: 'error', file: SNAPSHOT, message: 'the backup snapshot is missing or damaged' });
    }
    const errors = findings.filter((f) => f.severity === 'error');
    return { ok: errors.length === 0, events: j.events, lastHash: j.lastHash, records: stateCounts(j.state), firstBrokenSeq: j.firstBrokenSeq, findings, manifest };
  }

  return { backup, rotateBackups, verifyBackup };
}

export type BackupCore = ReturnType<typeof backupPart>;
