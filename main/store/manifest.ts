// store.json (lowdb): schema version, migrations done, last backup, last clean close.
// Opening it also runs the migrations and removes leftovers of interrupted runs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { migrateStore } from './migrate.js';
import { core, SCHEMA_VERSION } from './node-core.js';
import type { OpenContext } from './report.js';

export interface Manifest {
  format: 'assurance-desk-store';
  schemaVersion: number;
  createdAt: string;
  migrations: { from: number; to: number; at: string; events: number }[];
  lastBackup: { at: string; seq: number; path: string } | null;
  /** seq/hash at the last clean close: a journal that ends earlier lost events. */
  closedAt: { seq: number; hash: string; at: string } | null;
  /** docMac(key, 'store', everything else): written with the store's anchor key. */
  mac?: string;
}

export type ManifestDb = Low<Manifest> & { data: Manifest };

/** lowdb adapter that fsyncs after steno's write-temp-and-rename, and MACs the document when the store has a key. */
class DurableJSONFile<T extends object> extends JSONFile<T> {
  #file: string;
  macKey: Uint8Array | null = null;
  constructor(file: string) {
    super(file);
    this.#file = file;
  }
  override async write(data: T): Promise<void> {
    const doc = data as Record<string, unknown>;
    if (this.macKey) doc.mac = core.docMac(this.macKey, 'store', doc);
    await super.write(data);
    core.fsyncPath(this.#file);
    core.fsyncPath(path.dirname(this.#file));
  }
}

/** Starts MACing store.json with the key (a store being anchored now). */
export function anchorManifest(db: ManifestDb, macKey: Uint8Array): void {
  (db.adapter as DurableJSONFile<Manifest>).macKey = macKey;
}

/**
 * Reads (or creates, or rebuilds) store.json and migrates the store to SCHEMA_VERSION.
 * With `macKey`, a store.json whose MAC does not match is not believed: its record of the
 * last clean close and backup is dropped (the journal's MACs still hold) and a warning says so.
 */
export async function openManifest(ctx: OpenContext, macKey: Uint8Array | null = null): Promise<ManifestDb> {
  const { dataDir, journalPath, now, report, log } = ctx;
  const manifestPath = path.join(dataDir, 'store.json');
  const freshManifest = (): Manifest => ({
    format: 'assurance-desk-store',
    schemaVersion: SCHEMA_VERSION,
    createdAt: now().toISOString(),
    migrations: [],
    lastBackup: null,
    closedAt: null,
  });
  const db = new Low<Manifest>(new DurableJSONFile<Manifest>(manifestPath), freshManifest()) as ManifestDb;
  const manifestExisted = fs.existsSync(manifestPath);
  try {
    await db.read();
    const stored = db.data as Partial<Manifest> | null;
    if (!stored || typeof stored !== 'object' || Array.isArray(stored)) throw new Error('not an object');
    db.data = { ...freshManifest(), ...stored, schemaVersion: typeof stored.schemaVersion === 'number' ? stored.schemaVersion : sniffJournalVersion(journalPath) };
  } catch {
    ctx.damaged('store.json', 'the store description file is not valid JSON');
    db.data = freshManifest();
    db.data.schemaVersion = sniffJournalVersion(journalPath);
    await db.write();
  }
  if (macKey && manifestExisted && db.data.mac !== core.docMac(macKey, 'store', db.data as unknown as Record<string, unknown>)) {
    report.warnings.push('store.json was changed outside the desk (it does not match its anchor MAC): its record of the last clean close and backup was not used.');
    log('ANCHOR store.json does not match its MAC; closedAt and lastBackup ignored');
    db.data.closedAt = null;
    db.data.lastBackup = null;
  }
  if (macKey) anchorManifest(db, macKey);
  if (!manifestExisted) {
    db.data.schemaVersion = fs.existsSync(journalPath) ? sniffJournalVersion(journalPath) : SCHEMA_VERSION;
    await db.write();
  }
  if (db.data.schemaVersion > SCHEMA_VERSION)
    throw new Error(`this store was written by a newer Assurance Desk (schema ${db.data.schemaVersion}; this version reads up to ${SCHEMA_VERSION})`);
  if (db.data.schemaVersion < SCHEMA_VERSION) {
    const from = db.data.schemaVersion;
    const m = migrateStore(dataDir, from, core);
    db.data.schemaVersion = SCHEMA_VERSION;
    db.data.migrations.push({ from, to: SCHEMA_VERSION, at: now().toISOString(), events: m.events });
    await db.write();
    report.migrated = { from, to: SCHEMA_VERSION, events: m.events };
    report.notes.push(`The store was upgraded from schema version ${from} to ${SCHEMA_VERSION} (${m.events} events). ${m.note}`);
    log(`MIGRATED schema ${from} -> ${SCHEMA_VERSION}: ${m.events} events; ${m.note}`);
  }
  return db;
}

/** Removes what an interrupted snapshot, backup, recovery or migration left behind. */
export function removeLeftovers(ctx: OpenContext): void {
  const { backupDir, journalPath, snapPath, dataDir, log } = ctx;
  if (fs.existsSync(backupDir))
    for (const name of fs.readdirSync(backupDir))
      if (name.endsWith('.partial')) {
        fs.rmSync(path.join(backupDir, name), { recursive: true, force: true });
        log(`removed unfinished backup ${name} left by an interrupted run`);
      }
  if (!fs.existsSync(journalPath) && fs.existsSync(journalPath + '.recovering')) {
    fs.renameSync(journalPath + '.recovering', journalPath);
    core.fsyncPath(dataDir);
    log('finished a journal recovery that was interrupted (journal.jsonl.recovering put in place)');
  }
  for (const leftover of [snapPath + '.tmp', journalPath + '.recovering', journalPath + '.migrating']) {
    if (fs.existsSync(leftover)) {
      fs.rmSync(leftover, { force: true });
      log(`removed unfinished ${path.basename(leftover)} left by an interrupted run`);
    }
  }
}

function sniffJournalVersion(journalPath: string): number {
  try {
    const fd = fs.openSync(journalPath, 'r');
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    fs.closeSync(fd);
    const first = buf.toString('utf8', 0, n).split('\n')[0];
    if (!first) return SCHEMA_VERSION;
    const e = JSON.parse(first) as Record<string, unknown>;
    return 'hash' in e && 'actor' in e ? SCHEMA_VERSION : 1;
  } catch {
    return SCHEMA_VERSION;
  }
}
