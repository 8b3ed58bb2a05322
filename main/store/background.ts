// Background work in the store's worker thread: snapshots (compaction) when enough events
// arrived, automatic rotating backups, manual backups and full verification, one at a time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BackupManifest, SnapshotHeader, VerifyResult } from './core.js';
import type { ManifestDb } from './manifest.js';
import type { StoreState } from './state.js';
import { stamp } from './util.js';
import { StoreWorker } from './worker.js';

export interface BackupResult {
  path: string;
  manifest: BackupManifest;
}

export interface BackgroundOptions {
  dataDir: string;
  backupDir: string;
  snapshotEvery: number;
  backupEvery: number;
  backupIntervalMs: number;
  keepBackups: number;
  autoBackup: boolean;
  now: () => Date;
  log: (line: string) => void;
  /** The store's anchor key: snapshots and backups are MACed, verify checks the anchor. */
  macKey: Uint8Array | null;
}

export class Background {
  readonly #o: BackgroundOptions;
  readonly #state: StoreState;
  readonly #db: ManifestDb;
  #worker: StoreWorker | null;
  #queue: Promise<unknown> = Promise.resolve();
  #compacting = false;
  #backingUp = false;
  #lastBackupSeq: number;
  #lastBackupAt: number;
  #warningListeners = new Set<(m: string) => void>();
  closed = false;

  constructor(o: BackgroundOptions, state: StoreState, db: ManifestDb, worker: StoreWorker | null) {
    this.#o = o;
    this.#state = state;
    this.#db = db;
    this.#worker = worker;
    this.#lastBackupSeq = db.data.lastBackup?.seq ?? 0;
    this.#lastBackupAt = Date.parse(db.data.lastBackup?.at ?? db.data.createdAt) || 0;
  }

  get worker(): StoreWorker {
    return (this.#worker ??= new StoreWorker());
  }

  onWarning(listener: (message: string) => void): () => void {
    this.#warningListeners.add(listener);
    return () => this.#warningListeners.delete(listener);
  }

  #warn(message: string): void {
    this.#o.log(`WARNING ${message}`);
    for (const l of this.#warningListeners) l(message);
  }

  #enqueue<T>(work: () => Promise<T>): Promise<T> {
    const p = this.#queue.then(work, work);
    this.#queue = p.catch(() => undefined);
    return p;
  }

  /** Waits for queued background work (snapshots, backups). */
  async idle(): Promise<void> {
    let b: Promise<unknown>;
    do {
      b = this.#queue;
      await b;
    } while (b !== this.#queue);
  }

  compact(): Promise<SnapshotHeader | null> {
    if (this.closed) return Promise.resolve(null);
    const state = this.#state;
    const target = { journalOffset: state.journalSize, seq: state.seq };
    if (target.seq === 0 || target.seq === state.snapshotSeq) return this.#enqueue(async () => null);
    this.#compacting = true;
    return this.#enqueue(async () => {
      try {
        if (target.seq <= state.snapshotSeq) return null;
        const header = await this.worker.run('compact', this.#o.dataDir, target, this.#o.macKey);
        state.snapshotSeq = header.seq;
        this.#o.log(`snapshot written at event #${header.seq}`);
        return header;
      } finally {
        this.#compacting = false;
      }
    });
  }

  backup(out?: string, auto = false): Promise<BackupResult> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    const { backupDir, keepBackups, now, dataDir, log } = this.#o;
    const state = this.#state;
    const at = { journalBytes: state.journalSize, seq: state.seq, lastHash: state.lastHash, auto, keep: keepBackups };
    let target: string;
    const name = `backup-${stamp(now())}-seq${state.seq}`;
    if (!out) target = path.join(backupDir, name);
    else if (fs.existsSync(out) && fs.statSync(out).isDirectory() && !fs.existsSync(path.join(out, 'manifest.json')))
      target = path.join(path.resolve(out), name);
    else target = path.resolve(out);
    if (fs.existsSync(target)) target = `${target}-${Date.now()}`;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    this.#backingUp = true;
    return this.#enqueue(async () => {
      try {
        const manifest = await this.worker.run('backup', dataDir, target, at, this.#o.macKey);
        if (!out || path.dirname(target) === backupDir) {
          this.#lastBackupSeq = manifest.seq;
          this.#lastBackupAt = Date.parse(manifest.createdAt);
          if (!this.closed) {
            this.#db.data.lastBackup = { at: manifest.createdAt, seq: manifest.seq, path: target };
            await this.#db.write();
          }
        }
        log(`backup written to ${target} (event #${manifest.seq})`);
        return { path: target, manifest };
      } finally {
        this.#backingUp = false;
      }
    });
  }

  verify(): Promise<VerifyResult> {
    return this.#enqueue(() => this.worker.run('verifyStore', this.#o.dataDir, this.#o.macKey));
  }

  /** Starts a snapshot and/or an automatic backup when one is due. */
  maybeRun(): void {
    if (this.closed) return;
    const { snapshotEvery, autoBackup, backupEvery, backupIntervalMs, now } = this.#o;
    const { seq, snapshotSeq } = this.#state;
    if (!this.#compacting && seq - snapshotSeq >= snapshotEvery) this.#compactOrWarn();
    if (
      autoBackup &&
      !this.#backingUp &&
      seq > this.#lastBackupSeq &&
      (seq - this.#lastBackupSeq >= backupEvery || now().getTime() - this.#lastBackupAt >= backupIntervalMs)
    )
      this.#autoBackupOrWarn();
  }

  /** After recovery or migration: a fresh snapshot and a backup of the repaired store. */
  runNow(): void {
    this.#compactOrWarn();
    if (this.#o.autoBackup) this.#autoBackupOrWarn();
  }

  #compactOrWarn(): void {
    this.compact().catch((e: Error) => this.#warn(`a snapshot could not be written: ${e.message}`));
  }

  #autoBackupOrWarn(): void {
    this.backup(undefined, true).catch((e: Error) => this.#warn(`an automatic backup could not be written: ${e.message}`));
  }

  async close(): Promise<void> {
    await this.idle();
    this.closed = true;
    await this.#worker?.close();
  }
}
