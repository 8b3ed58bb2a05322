// The case store: an append-only, hash-chained, fsynced JSONL journal (the truth and the
// audit trail), materialized in memory for fast get/all, with NDJSON snapshots written by
// a worker thread (compaction), automatic rotating backups, and an in-memory search index
// over cases. See docs/store.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { storeCore, type Finding, type SnapshotHeader, type VerifyResult, type BackupManifest } from './core.js';
import { StoreWorker } from './worker.js';
import { CaseIndex } from './search.js';
import { migrateStore } from './migrate.js';
import type { CaseSearchQuery, CaseSearchResult, CaseStore, Change, EventInput, StoredEvent, StoredRecord } from './types.js';

export const core = storeCore({ fs, path, crypto });
export const SCHEMA_VERSION = core.SCHEMA_VERSION;
const { JOURNAL, SNAPSHOT } = core;

export interface OpenOptions {
  /** Clock for event times (tests). */
  now?: () => Date;
  /** Write a snapshot after this many events since the last one. Default 5000. */
  snapshotEvery?: number;
  /** Automatic backups: after this many events since the last one. Default 10000. */
  backupEvery?: number;
  /** Automatic backups: at least this often while events arrive (ms). Default 24 h. */
  backupIntervalMs?: number;
  /** Automatic backups kept (older automatic ones are deleted). Default 7. */
  keepBackups?: number;
  /** Where automatic backups go. Default `<dataDir>/backups`. */
  backupDir?: string;
  /** Set false to turn automatic backups off. Default true. */
  autoBackup?: boolean;
  /** Extra validation of the resulting record of a put/patch; return a message to refuse. */
  validate?: (entity: string, record: StoredRecord) => string | null | undefined;
  /** Receives every line written to store.log. */
  log?: (line: string) => void;
}

export interface DamagedFile {
  file: string;
  problem: string;
  /** Where the damaged file was moved, byte-identical (relative to the data dir). */
  movedTo: string | null;
}

/** What happened when the store was opened, in plain words for the operator. */
export interface OpenReport {
  dataDir: string;
  status: 'ok' | 'recovered' | 'recovered-with-loss';
  schemaVersion: number;
  events: number;
  records: Record<string, number>;
  /** Milliseconds from openCaseStore() to ready (get/all/append usable). */
  openMs: number;
  snapshotSeq: number;
  replayedEvents: number;
  migrated: { from: number; to: number; events: number } | null;
  tornTail: { bytes: number; keptIn: string } | null;
  damaged: DamagedFile[];
  /** Plain-words summary of anything that could not be recovered. */
  lost: string[];
  notes: string[];
  warnings: string[];
  /** Everything the operator should be told, in plain words: warnings, then losses, then notes. Empty when all was well. */
  notices: string[];
}

export interface SearchReady {
  ms: number;
  cases: number;
}

export interface BackupResult {
  path: string;
  manifest: BackupManifest;
}

export interface OpenedCaseStore extends CaseStore {
  readonly dataDir: string;
  readonly report: OpenReport;
  /** Same object as `report`. */
  readonly openReport: OpenReport;
  /** Resolves when the search index is built (searchCases waits for it anyway). */
  readonly searchReady: Promise<SearchReady>;
  /** Last event's seq and hash. */
  readonly seq: number;
  readonly lastHash: string;
  /** Several events with one fsync (bulk import, seeding). All or nothing. */
  appendMany(inputs: EventInput[]): StoredEvent[];
  /** Writes a snapshot now (in the worker); resolves when it is on disk. */
  compact(): Promise<SnapshotHeader | null>;
  /** Backs the store up into `out` (a directory; default the automatic backup folder). */
  backup(out?: string): Promise<BackupResult>;
  /** Full check of journal chain, snapshot and their agreement (in the worker). */
  verify(): Promise<VerifyResult>;
  /** Waits for queued background work (snapshots, backups). */
  idle(): Promise<void>;
  /** Background problems (failed snapshot/backup), in plain words. */
  onWarning(listener: (message: string) => void): () => void;
}

export class StoreValidationError extends Error {
  override name = 'StoreValidationError';
}

interface Manifest {
  format: 'assurance-desk-store';
  schemaVersion: number;
  createdAt: string;
  migrations: { from: number; to: number; at: string; events: number }[];
  lastBackup: { at: string; seq: number; path: string } | null;
  /** seq/hash at the last clean close: a journal that ends earlier lost events. */
  closedAt: { seq: number; hash: string; at: string } | null;
}

/** lowdb adapter that fsyncs after steno's write-temp-and-rename. */
class DurableJSONFile<T> extends JSONFile<T> {
  #file: string;
  constructor(file: string) {
    super(file);
    this.#file = file;
  }
  override async write(data: T): Promise<void> {
    await super.write(data);
    core.fsyncPath(this.#file);
    core.fsyncPath(path.dirname(this.#file));
  }
}

const ENTITY_RE = /^[A-Za-z][A-Za-z0-9_.-]*$/;

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function yieldNow(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

/** A record still as JSON bytes in the snapshot buffer: parsed on first access (or by the warm-up). */
class LazyRecord {
  constructor(
    readonly buf: Buffer,
    readonly start: number,
    readonly end: number,
  ) {}
  parse(): StoredRecord {
    return deepFreeze(JSON.parse(this.buf.toString('utf8', this.start, this.end)) as StoredRecord);
  }
}
type Slot = StoredRecord | LazyRecord;

function checkJson(v: unknown, where: string): void {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(v)) throw new StoreValidationError(`${where} is not a finite number`);
      return;
    case 'object':
      if (v === null) return;
      if (Array.isArray(v)) {
        v.forEach((x, i) => checkJson(x, `${where}[${i}]`));
        return;
      }
      if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null)
        throw new StoreValidationError(`${where} is not plain JSON data (a ${(v as object).constructor?.name ?? 'special object'})`);
      for (const [k, x] of Object.entries(v)) checkJson(x, `${where}.${k}`);
      return;
    default:
      throw new StoreValidationError(`${where} is ${typeof v}, which cannot be stored (use null for "no value")`);
  }
}

// ------------------------------------------------------------------- lock

function acquireLock(dataDir: string): string {
  const lock = path.join(dataDir, 'store.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      return lock;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
      let alive = false;
      if (Number.isInteger(pid) && pid > 0) {
        try {
          process.kill(pid, 0);
          alive = true;
        } catch (e) {
          alive = (e as NodeJS.ErrnoException).code === 'EPERM';
        }
      }
      if (alive) throw new Error(`the store in ${dataDir} is already open (process ${pid}); close that first`);
      fs.rmSync(lock, { force: true }); // stale lock of a process that died
    }
  }
  throw new Error(`cannot lock the store in ${dataDir}`);
}

/** True when another live process holds the store open. */
export function isStoreOpen(dataDir: string): number | null {
  const lock = path.join(dataDir, 'store.lock');
  try {
    const pid = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
    if (!Number.isInteger(pid) || pid <= 0) return null;
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? -1 : null;
  }
}

// ------------------------------------------------------------------- open

export async function openCaseStore(dataDir: string, options: OpenOptions = {}): Promise<OpenedCaseStore> {
  const t0 = performance.now();
  dataDir = path.resolve(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = acquireLock(dataDir);
  try {
    return await openLocked(dataDir, options, t0, lockFile);
  } catch (err) {
    fs.rmSync(lockFile, { force: true });
    throw err;
  }
}

async function openLocked(dataDir: string, options: OpenOptions, t0: number, lockFile: string): Promise<OpenedCaseStore> {
  const now = options.now ?? (() => new Date());
  const snapshotEvery = options.snapshotEvery ?? 5000;
  const backupEvery = options.backupEvery ?? 10000;
  const backupIntervalMs = options.backupIntervalMs ?? 24 * 3600_000;
  const keepBackups = options.keepBackups ?? 7;
  const backupDir = path.resolve(options.backupDir ?? path.join(dataDir, 'backups'));
  const autoBackup = options.autoBackup ?? true;
  const journalPath = path.join(dataDir, JOURNAL);
  const snapPath = path.join(dataDir, SNAPSHOT);
  const logPath = path.join(dataDir, 'store.log');

  const report: OpenReport = {
    dataDir,
    status: 'ok',
    schemaVersion: SCHEMA_VERSION,
    events: 0,
    records: {},
    openMs: 0,
    snapshotSeq: 0,
    replayedEvents: 0,
    migrated: null,
    tornTail: null,
    damaged: [],
    lost: [],
    notes: [],
    warnings: [],
    notices: [],
  };
  const log = (line: string) => {
    const text = `${new Date().toISOString()} ${line}`;
    try {
      fs.appendFileSync(logPath, text + '\n');
    } catch {
      // logging must never stop the store
    }
    options.log?.(text);
  };
  const moveAside = (file: string, suffix: string): string => {
    const base = `${path.basename(file)}.${suffix}-${stamp(now())}`;
    let target = path.join(dataDir, base);
    for (let i = 2; fs.existsSync(target); i++) target = path.join(dataDir, `${base}-${i}`);
    fs.renameSync(file, target);
    core.fsyncPath(dataDir);
    return path.basename(target);
  };
  const damaged = (file: string, problem: string): string => {
    const movedTo = moveAside(path.join(dataDir, file), 'damaged');
    report.damaged.push({ file, problem, movedTo });
    report.warnings.push(`${file}: ${problem}. The damaged file was kept unchanged as ${movedTo}.`);
    log(`DAMAGED ${file}: ${problem}; moved aside to ${movedTo}`);
    return movedTo;
  };

  // ---- manifest (lowdb) and migrations
  const manifestPath = path.join(dataDir, 'store.json');
  const freshManifest = (): Manifest => ({
    format: 'assurance-desk-store',
    schemaVersion: SCHEMA_VERSION,
    createdAt: now().toISOString(),
    migrations: [],
    lastBackup: null,
    closedAt: null,
  });
  const db = new Low<Manifest>(new DurableJSONFile<Manifest>(manifestPath), freshManifest());
  const manifestExisted = fs.existsSync(manifestPath);
  try {
    await db.read();
    const stored = db.data as Partial<Manifest> | null;
    if (!stored || typeof stored !== 'object' || Array.isArray(stored)) throw new Error('not an object');
    db.data = { ...freshManifest(), ...stored, schemaVersion: typeof stored.schemaVersion === 'number' ? stored.schemaVersion : sniffJournalVersion(journalPath) };
  } catch {
    damaged('store.json', 'the store description file is not valid JSON');
    db.data = freshManifest();
    db.data.schemaVersion = sniffJournalVersion(journalPath);
    await db.write();
  }
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

  // ---- in-memory state
  const records = new Map<string, Map<string, Slot>>();
  /** The record, parsing it if it is still lazy. */
  const recOf = (m: Map<string, Slot> | undefined, id: string): StoredRecord | undefined => {
    const v = m?.get(id);
    if (!(v instanceof LazyRecord)) return v;
    const r = v.parse();
    m!.set(id, r);
    return r;
  };
  const recGet = (entity: string, id: string) => recOf(records.get(entity), id);
  const hist = new Map<string, Map<string, number[]>>();
  const evOffset: number[] = [];
  const evAt: string[] = [];
  const evActor: string[] = [];
  const evAction: string[] = [];
  const evEntities: string[] = [];
  const intern = new Map<string, string>();
  const I = (s: string) => {
    const v = intern.get(s);
    if (v !== undefined) return v;
    intern.set(s, s);
    return s;
  };
  let seq = 0;
  let lastHash = '';
  let journalSize = 0;
  let snapshotSeq = 0;

  const noteEvent = (s: number, offset: number, at: string, actor: string, action: string, keys: string[]) => {
    evOffset[s - 1] = offset;
    evAt[s - 1] = at;
    evActor[s - 1] = I(actor);
    evAction[s - 1] = I(action);
    const ents: string[] = [];
    for (const k of keys) {
      const cut = k.indexOf('\u001f');
      const entity = I(k.slice(0, cut));
      const id = k.slice(cut + 1);
      if (!ents.includes(entity)) ents.push(entity);
      let m = hist.get(entity);
      if (!m) hist.set(entity, (m = new Map()));
      const list = m.get(id);
      if (!list) m.set(id, [s]);
      else if (list[list.length - 1] !== s) list.push(s);
    }
    evEntities[s - 1] = ents.length === 1 ? ents[0]! : ents.join('\u001e');
  };
  const entityMap = (entity: string) => {
    let m = records.get(entity);
    if (!m) records.set(entity, (m = new Map()));
    return m;
  };
  const applyReplayed = (ev: StoredEvent, offset: number) => {
    const keys: string[] = [];
    for (const c of ev.changes) {
      const m = entityMap(c.entity);
      if (c.op === 'put') m.set(c.id, deepFreeze(c.record));
      else if (c.op === 'delete') m.delete(c.id);
      else {
        const prev = recOf(m, c.id);
        if (!prev) throw new Error(`event #${ev.seq} patches ${c.entity} ${c.id}, which does not exist`);
        m.set(c.id, deepFreeze({ ...prev, ...c.patch, id: c.id }));
      }
      const k = core.key(c.entity, c.id);
      if (!keys.includes(k)) keys.push(k);
    }
    noteEvent(ev.seq, offset, ev.at, ev.actor, ev.action, keys);
  };
  const resetState = () => {
    records.clear();
    hist.clear();
    evOffset.length = evAt.length = evActor.length = evAction.length = evEntities.length = 0;
    seq = 0;
    lastHash = '';
    snapshotSeq = 0;
  };

  // ---- snapshot
  let snapHeader: SnapshotHeader | null = null;
  let worker: StoreWorker | null = null;
  const getWorker = () => (worker ??= new StoreWorker());
  let prefixCheck: Promise<string | null> | null = null;
  if (fs.existsSync(snapPath)) {
    const buf = await fs.promises.readFile(snapPath);
    // Check the journal prefix the snapshot covers, in the worker, while we parse here.
    try {
      const h = JSON.parse(buf.toString('utf8', 0, Math.max(0, buf.indexOf(10)))) as Partial<SnapshotHeader>;
      if (typeof h.journalSha256 === 'string' && typeof h.journalOffset === 'number' && fs.existsSync(journalPath) && fs.statSync(journalPath).size >= h.journalOffset) {
        const want = h.journalSha256;
        prefixCheck = getWorker()
          .run('hashRange', journalPath, h.journalOffset)
          .then((got) => (got === want ? null : `the journal was changed or damaged before event #${String(h.seq)} (its checksum no longer matches the one recorded in the snapshot)`));
      }
    } catch {
      // the snapshot's own check below reports it
    }
    const r = await loadSnapshot(buf, (line) => {
      noteEvent(line[1] as number, line[2] as number, line[3] as string, line[4] as string, line[5] as string, line[6] as string[]);
    }, (entity, id, lazy) => {
      entityMap(entity).set(id, lazy);
    });
    if (!r.ok) {
      resetState();
      damaged(SNAPSHOT, r.message);
      report.notes.push('The records were rebuilt from the journal instead of the snapshot; nothing was lost because of the snapshot.');
    } else {
      snapHeader = r.header;
      seq = snapHeader.seq;
      lastHash = snapHeader.lastHash;
      snapshotSeq = seq;
    }
  }

  // ---- journal
  let lastYield = performance.now();
  const knownSeqs: { seq: number; what: string }[] = [];
  if (snapHeader) knownSeqs.push({ seq: snapHeader.seq, what: 'the snapshot' });
  if (db.data.closedAt) knownSeqs.push({ seq: db.data.closedAt.seq, what: 'the store at its last clean close' });
  if (db.data.lastBackup) knownSeqs.push({ seq: db.data.lastBackup.seq, what: 'the last backup' });

  let problem: string | null = null;
  if (snapHeader && prefixCheck && snapHeader.journalSha256) problem = await prefixCheck;
  else if (prefixCheck) await prefixCheck.catch(() => null);
  let journalExists = fs.existsSync(journalPath);
  if (!journalExists && (snapHeader || db.data.closedAt?.seq || db.data.lastBackup?.seq)) {
    problem = 'the journal file is missing';
  }
  if (journalExists && !problem) {
    const scan = await scanJournal(journalPath, snapHeader);
    if (scan.problem) problem = scan.problem;
    else {
      if (scan.torn) {
        // an unacknowledged record torn by a crash: keep its bytes, drop it
        const keptIn = `${JOURNAL}.torn-${stamp(now())}`;
        const fd = fs.openSync(journalPath, 'r+');
        try {
          const bytes = Buffer.alloc(scan.torn.bytes);
          fs.readSync(fd, bytes, 0, bytes.length, scan.torn.offset);
          fs.writeFileSync(path.join(dataDir, keptIn), bytes);
          core.fsyncPath(path.join(dataDir, keptIn));
          fs.ftruncateSync(fd, scan.torn.offset);
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
        report.tornTail = { bytes: scan.torn.bytes, keptIn };
        report.notes.push(
          `The last journal record (${scan.torn.bytes} bytes) was incomplete: a write interrupted by a crash or power cut before it was confirmed. It was dropped and kept in ${keptIn}; no confirmed change was lost.`,
        );
        log(`TORN journal tail of ${scan.torn.bytes} bytes at offset ${scan.torn.offset} dropped; kept in ${keptIn}`);
      }
      const ahead = knownSeqs.find((k) => k.seq > scan.lastSeq);
      if (ahead) problem = `the journal ends at event #${scan.lastSeq}, but ${ahead.what} had ${ahead.seq} events: events are missing from the journal`;
      else {
        for (const { ev, offset } of scan.events) {
          applyReplayed(ev, offset);
          seq = ev.seq;
          lastHash = ev.hash;
          if ((ev.seq & 63) === 0 && performance.now() - lastYield > 8) lastYield = await yieldNow().then(() => performance.now());
        }
        report.replayedEvents = scan.events.length;
        journalSize = scan.end;
      }
    }
  }

  let snapshotAhead: { header: SnapshotHeader; state: Map<string, Map<string, StoredRecord>> } | null = null;
  if (problem) {
    // ---- recovery: journal damaged
    const rec = recoverJournal(dataDir, backupDir, journalExists, problem, now, log);
    if (rec.firstBad && !problem.includes(`#${rec.firstBad} `)) problem += `; the first damaged event is #${rec.firstBad}`;
    report.damaged.push({ file: JOURNAL, problem, movedTo: rec.movedTo });
    report.warnings.push(`${JOURNAL}: ${problem}.${rec.movedTo ? ` The damaged file was kept unchanged as ${rec.movedTo}.` : ''}`);
    report.notes.push(...rec.notes);
    if (snapHeader) {
      if (snapHeader.seq > rec.recoveredTo)
        snapshotAhead = { header: snapHeader, state: new Map([...records].map(([k, m]) => [k, new Map([...m.keys()].map((id) => [id, recOf(m, id)!] as const))])) };
      const aside = moveAside(snapPath, 'pre-recovery');
      report.notes.push(`The snapshot no longer matches the recovered journal; it was kept as ${aside} and will be rewritten.`);
    }
    resetState();
    snapHeader = null;
    const scan = await scanJournal(journalPath, null);
    if (scan.problem || scan.torn) throw new Error(`recovered journal does not verify: ${scan.problem ?? 'torn'}`);
    for (const { ev, offset } of scan.events) {
      applyReplayed(ev, offset);
      seq = ev.seq;
      lastHash = ev.hash;
      if ((ev.seq & 63) === 0 && performance.now() - lastYield > 8) lastYield = await yieldNow().then(() => performance.now());
    }
    report.replayedEvents = scan.events.length;
    journalSize = scan.end;
    const highest = Math.max(rec.highestSeen, ...knownSeqs.map((k) => k.seq));
    if (highest > seq && !(snapshotAhead && snapshotAhead.header.seq >= highest)) {
      report.lost.push(
        `Events #${seq + 1}–#${highest} could not be recovered from the journal or a backup${rec.movedTo ? `; what remains of them is in ${rec.movedTo}` : ''}.`,
      );
    }
    report.status = report.lost.length ? 'recovered-with-loss' : 'recovered';
  }
  if (report.damaged.length && report.status === 'ok') report.status = 'recovered';

  // ---- ready to append
  const fd = fs.openSync(journalPath, fs.existsSync(journalPath) ? 'r+' : 'w+');
  if (!journalExists) {
    core.fsyncPath(dataDir);
    journalExists = true;
  }
  if (fs.fstatSync(fd).size !== journalSize) {
    fs.ftruncateSync(fd, journalSize);
    fs.fsyncSync(fd);
  }
  report.snapshotSeq = snapshotSeq;
  db.data.closedAt = null; // open: an unclean end is detected by the journal itself
  await db.write();

  const index = new CaseIndex();
  const listeners = new Set<(e: StoredEvent) => void>();
  const warningListeners = new Set<(m: string) => void>();
  let closed = false;
  let closing = false; // stops the warm-up early
  let background: Promise<unknown> = Promise.resolve();
  let compacting = false;
  let backingUp = false;
  const warn = (message: string) => {
    log(`WARNING ${message}`);
    for (const l of warningListeners) l(message);
  };
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const p = background.then(work, work);
    background = p.catch(() => undefined);
    return p;
  };

  // ---- append
  const stage = (input: EventInput) => {
    if (closed) throw new Error('the store is closed');
    if (!input || typeof input !== 'object') throw new StoreValidationError('an event must be an object');
    if (typeof input.actor !== 'string' || !input.actor.trim()) throw new StoreValidationError('an event needs an actor (who)');
    if (typeof input.action !== 'string' || !input.action.trim()) throw new StoreValidationError('an event needs an action (what)');
    if (input.reason !== undefined && typeof input.reason !== 'string') throw new StoreValidationError('the reason (why) must be text');
    if (!Array.isArray(input.changes) || input.changes.length === 0) throw new StoreValidationError('an event needs at least one change');
    checkJson(input.changes, 'changes');
    const changes = JSON.parse(JSON.stringify(input.changes)) as Change[];
    return changes;
  };
  const validateChanges = (changes: Change[], overlay: Map<string, StoredRecord | null>) => {
    const current = (entity: string, id: string) => {
      const k = core.key(entity, id);
      return overlay.has(k) ? (overlay.get(k) ?? undefined) : recGet(entity, id);
    };
    changes.forEach((c, i) => {
      const where = `change ${i + 1}`;
      if (!c || typeof c !== 'object') throw new StoreValidationError(`${where} is not an object`);
      if (typeof c.entity !== 'string' || !ENTITY_RE.test(c.entity)) throw new StoreValidationError(`${where} has no valid entity name`);
      if (typeof c.id !== 'string' || !c.id) throw new StoreValidationError(`${where} has no record id`);
      const before = current(c.entity, c.id);
      let after: StoredRecord | null;
      if (c.op === 'put') {
        if (!c.record || typeof c.record !== 'object' || Array.isArray(c.record)) throw new StoreValidationError(`${where} (put) has no record`);
        if (c.record.id !== c.id) throw new StoreValidationError(`${where} (put): the record's id '${String(c.record.id)}' is not '${c.id}'`);
        after = c.record;
      } else if (c.op === 'patch') {
        if (!c.patch || typeof c.patch !== 'object' || Array.isArray(c.patch)) throw new StoreValidationError(`${where} (patch) has no patch`);
        if (!before) throw new StoreValidationError(`${where}: ${c.entity} '${c.id}' does not exist, so it cannot be changed`);
        if ('id' in c.patch && c.patch.id !== c.id) throw new StoreValidationError(`${where}: a patch cannot change a record's id`);
        after = { ...before, ...c.patch, id: c.id };
      } else if (c.op === 'delete') {
        if (!before) throw new StoreValidationError(`${where}: ${c.entity} '${c.id}' does not exist, so it cannot be deleted`);
        after = null;
      } else throw new StoreValidationError(`${where} has an unknown operation '${String((c as { op?: unknown }).op)}'`);
      if (after && options.validate) {
        const msg = options.validate(c.entity, after);
        if (msg) throw new StoreValidationError(`${where}: ${msg}`);
      }
      overlay.set(core.key(c.entity, c.id), after);
    });
  };
  const build = (input: EventInput, changes: Change[], s: number, prev: string): { event: StoredEvent; line: string } => {
    const body: Omit<StoredEvent, 'hash'> = {
      seq: s,
      at: now().toISOString(),
      actor: input.actor,
      action: input.action,
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
      changes,
      prevHash: prev,
    };
    const event = { ...body, hash: core.eventHash(body) } as StoredEvent;
    return { event, line: JSON.stringify(event) + '\n' };
  };
  const writeDurably = (text: string) => {
    const buf = Buffer.from(text, 'utf8');
    try {
      let w = 0;
      while (w < buf.length) w += fs.writeSync(fd, buf, w, buf.length - w, journalSize + w);
      fs.fdatasyncSync(fd);
    } catch (err) {
      try {
        fs.ftruncateSync(fd, journalSize);
        fs.fsyncSync(fd);
      } catch {
        // the next open drops a torn tail anyway
      }
      throw err;
    }
    return buf.length;
  };
  const commit = (event: StoredEvent, offset: number) => {
    const before: (StoredRecord | undefined)[] = event.changes.map((c) => (c.entity === 'cases' ? recGet('cases', c.id) : undefined));
    applyReplayed(event, offset);
    seq = event.seq;
    lastHash = event.hash;
    event.changes.forEach((c, i) => {
      if (c.entity !== 'cases') return;
      const cur = recGet('cases', c.id);
      if (cur) index.upsert(cur, index.has(c.id) ? before[i] : undefined);
      else index.remove(c.id, before[i]);
    });
    deepFreeze(event);
    for (const l of listeners) {
      try {
        l(event);
      } catch (err) {
        log(`a subscriber failed on event #${event.seq}: ${(err as Error).message}`);
      }
    }
  };

  const appendMany = (inputs: EventInput[]): StoredEvent[] => {
    if (!Array.isArray(inputs) || inputs.length === 0) return [];
    const overlay = new Map<string, StoredRecord | null>();
    const built: { event: StoredEvent; line: string }[] = [];
    let s = seq;
    let prev = lastHash;
    for (const input of inputs) {
      const changes = stage(input);
      validateChanges(changes, overlay);
      const b = build(input, changes, ++s, prev);
      prev = b.event.hash;
      built.push(b);
    }
    const start = journalSize;
    const bytes = writeDurably(built.map((b) => b.line).join(''));
    let offset = start;
    for (const b of built) {
      commit(b.event, offset);
      offset += Buffer.byteLength(b.line);
    }
    journalSize = start + bytes;
    maybeBackground();
    return built.map((b) => b.event);
  };

  const append = (input: EventInput): StoredEvent => {
    const changes = stage(input);
    validateChanges(changes, new Map());
    const { event, line } = build(input, changes, seq + 1, lastHash);
    const start = journalSize;
    const bytes = writeDurably(line);
    journalSize = start + bytes;
    commit(event, start);
    maybeBackground();
    return event;
  };

  // ---- background work
  let lastBackupSeq = db.data.lastBackup?.seq ?? 0;
  let lastBackupAt = Date.parse(db.data.lastBackup?.at ?? db.data.createdAt) || 0;
  const compact = (): Promise<SnapshotHeader | null> => {
    if (closed) return Promise.resolve(null);
    const target = { journalOffset: journalSize, seq };
    if (target.seq === 0 || target.seq === snapshotSeq) return enqueue(async () => null);
    compacting = true;
    return enqueue(async () => {
      try {
        if (target.seq <= snapshotSeq) return null;
        const header = await getWorker().run('compact', dataDir, target);
        snapshotSeq = header.seq;
        log(`snapshot written at event #${header.seq}`);
        return header;
      } finally {
        compacting = false;
      }
    });
  };
  const backup = (out?: string, auto = false): Promise<BackupResult> => {
    if (closed) return Promise.reject(new Error('the store is closed'));
    const at = { journalBytes: journalSize, seq, lastHash, auto, keep: keepBackups };
    let target: string;
    const name = `backup-${stamp(now())}-seq${seq}`;
    if (!out) target = path.join(backupDir, name);
    else if (fs.existsSync(out) && fs.statSync(out).isDirectory() && !fs.existsSync(path.join(out, 'manifest.json')))
      target = path.join(path.resolve(out), name);
    else target = path.resolve(out);
    if (fs.existsSync(target)) target = `${target}-${Date.now()}`;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    backingUp = true;
    return enqueue(async () => {
      try {
        const manifest = await getWorker().run('backup', dataDir, target, at);
        if (!out || path.dirname(target) === backupDir) {
          lastBackupSeq = manifest.seq;
          lastBackupAt = Date.parse(manifest.createdAt);
          if (!closed) {
            db.data.lastBackup = { at: manifest.createdAt, seq: manifest.seq, path: target };
            await db.write();
          }
        }
        log(`backup written to ${target} (event #${manifest.seq})`);
        return { path: target, manifest };
      } finally {
        backingUp = false;
      }
    });
  };
  const maybeBackground = () => {
    if (closed) return;
    if (!compacting && seq - snapshotSeq >= snapshotEvery) compact().catch((e: Error) => warn(`a snapshot could not be written: ${e.message}`));
    if (
      autoBackup &&
      !backingUp &&
      seq > lastBackupSeq &&
      (seq - lastBackupSeq >= backupEvery || now().getTime() - lastBackupAt >= backupIntervalMs)
    )
      backup(undefined, true).catch((e: Error) => warn(`an automatic backup could not be written: ${e.message}`));
  };

  // ---- events reading
  const readEvents = (seqs: number[]): StoredEvent[] => {
    const out: StoredEvent[] = [];
    let i = 0;
    while (i < seqs.length) {
      // group runs of consecutive seqs into one read (max ~8 MB)
      let j = i;
      const start = evOffset[seqs[i]! - 1]!;
      while (j + 1 < seqs.length && seqs[j + 1] === seqs[j]! + 1 && (evOffset[seqs[j + 1]! - 1]! - start) < 8 << 20) j++;
      const lastSeq = seqs[j]!;
      const end = lastSeq < seq ? evOffset[lastSeq]! : journalSize;
      const buf = Buffer.allocUnsafe(end - start);
      let got = 0;
      while (got < buf.length) {
        const n = fs.readSync(fd, buf, got, buf.length - got, start + got);
        if (n === 0) throw new Error('journal shorter than expected');
        got += n;
      }
      core.forEachLine(buf, (s, e) => {
        out.push(deepFreeze(JSON.parse(buf.toString('utf8', s, e)) as StoredEvent));
      });
      i = j + 1;
    }
    return out;
  };

  // ---- search index, built after ready in slices
  let indexBuilt = false;
  const searchReady: Promise<SearchReady> = (async () => {
    await yieldNow();
    const ts = performance.now();
    index.beginBulk();
    const ids = [...(records.get('cases')?.keys() ?? [])];
    let sliceStart = performance.now();
    for (let i = 0; i < ids.length; i++) {
      if (closing) break;
      const r = recGet('cases', ids[i]!);
      if (r && !index.has(r.id)) index.upsert(r);
      if ((i & 15) === 0 && performance.now() - sliceStart > 8) {
        if (index.pendingDates > 4096) index.settle();
        await yieldNow();
        sliceStart = performance.now();
      }
    }
    index.sortNow();
    indexBuilt = true;
    // parse the remaining lazy records of the other entities too, so all() never has to
    for (const m of records.values())
      for (const id of [...m.keys()]) {
        if (closing) break;
        recOf(m, id);
        if (performance.now() - sliceStart > 8) {
          await yieldNow();
          sliceStart = performance.now();
        }
      }
    return { ms: Math.round(performance.now() - ts), cases: index.size };
  })();

  // ---- recovery event when the snapshot knew more than the recovered journal
  const store: OpenedCaseStore = {
    dataDir,
    report,
    openReport: report,
    searchReady,
    get seq() {
      return seq;
    },
    get lastHash() {
      return lastHash;
    },
    append,
    appendMany,
    get<T extends { id: string } = StoredRecord>(entity: string, id: string): T | undefined {
      return recGet(entity, id) as unknown as T | undefined;
    },
    all<T extends { id: string } = StoredRecord>(entity: string): T[] {
      const m = records.get(entity);
      if (!m) return [];
      const out: StoredRecord[] = [];
      for (const [id, v] of m) out.push(v instanceof LazyRecord ? recOf(m, id)! : v);
      return out as unknown as T[];
    },
    count(entity: string): number {
      return records.get(entity)?.size ?? 0;
    },
    history(entity: string, id: string): StoredEvent[] {
      const seqs = hist.get(entity)?.get(id);
      return seqs ? readEvents(seqs) : [];
    },
    events(filter = {}): StoredEvent[] {
      const seqs: number[] = [];
      const from = filter.from ?? '';
      const to = filter.to ?? '\uffff';
      for (let i = 0; i < seq; i++) {
        if (filter.actor && evActor[i] !== filter.actor) continue;
        if (filter.action && evAction[i] !== filter.action) continue;
        if (evAt[i]! < from || evAt[i]! >= to) continue;
        if (filter.entity) {
          const e = evEntities[i]!;
          if (e !== filter.entity && !e.split('\u001e').includes(filter.entity)) continue;
        }
        seqs.push(i + 1);
      }
      return readEvents(seqs);
    },
    async searchCases(query: CaseSearchQuery): Promise<CaseSearchResult> {
      await searchReady;
      return index.search(query);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onWarning(listener) {
      warningListeners.add(listener);
      return () => warningListeners.delete(listener);
    },
    compact,
    backup: (out?: string) => backup(out, false),
    verify: () => enqueue(() => getWorker().run('verifyStore', dataDir)),
    idle: async () => {
      let b: Promise<unknown>;
      do {
        b = background;
        await b;
      } while (b !== background);
    },
    async close() {
      if (closed) return;
      closing = true;
      await searchReady.catch(() => undefined);
      await store.idle();
      closed = true;
      await worker?.close();
      fs.closeSync(fd);
      db.data.closedAt = { seq, hash: lastHash, at: now().toISOString() };
      await db.write();
      fs.rmSync(lockFile, { force: true });
      log(`closed at event #${seq}`);
    },
  };

  if (snapshotAhead) {
    const diff: Change[] = [];
    for (const [entity, m] of snapshotAhead.state)
      for (const [id, rec] of m) {
        const cur = recGet(entity, id);
        if (!cur || core.canonical(cur) !== core.canonical(rec)) diff.push({ entity, id, op: 'put', record: rec });
      }
    for (const [entity, m] of records)
      for (const id of m.keys()) if (!snapshotAhead.state.get(entity)?.has(id)) diff.push({ entity, id, op: 'delete' });
    const lostFrom = seq + 1;
    if (diff.length) {
      const ev = append({
        actor: 'system',
        action: 'store.recovered',
        reason: `events #${lostFrom}–#${snapshotAhead.header.seq} were lost from the damaged journal; the records were restored from the snapshot taken at event #${snapshotAhead.header.seq}`,
        changes: diff,
      });
      report.notes.push(
        `The history of events #${lostFrom}–#${snapshotAhead.header.seq} was lost, but the records as they stood after event #${snapshotAhead.header.seq} were restored from the snapshot (${diff.length} records, recorded as event #${ev.seq} 'store.recovered').`,
      );
      report.lost.unshift(`The individual history entries #${lostFrom}–#${snapshotAhead.header.seq} (who/when/why of each change) could not be recovered; their end result was.`);
      report.status = 'recovered-with-loss';
    }
  }

  report.events = seq;
  for (const [k, m] of records) if (m.size) report.records[k] = m.size;
  report.notices = [...report.warnings, ...report.lost, ...report.notes];
  report.openMs = Math.round(performance.now() - t0);
  log(`opened at event #${seq} in ${report.openMs} ms (status ${report.status}; snapshot #${snapshotSeq}, ${report.replayedEvents} events replayed)`);
  if (report.damaged.length || report.migrated) maybeBackgroundSoon();
  else maybeBackground();
  function maybeBackgroundSoon() {
    // after recovery or migration: fresh snapshot and a backup of the repaired store
    compact().catch((e: Error) => warn(`a snapshot could not be written: ${e.message}`));
    if (autoBackup) backup(undefined, true).catch((e: Error) => warn(`an automatic backup could not be written: ${e.message}`));
  }
  return store;
}

// ------------------------------------------------------------------- helpers

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

async function loadSnapshot(
  buf: Buffer,
  onEvent: (line: unknown[]) => void,
  onRecord: (entity: string, id: string, rec: LazyRecord) => void,
): Promise<{ ok: true; header: SnapshotHeader } | { ok: false; message: string }> {
  // checksum first (in slices so the event loop keeps turning), then parse in slices
  if (buf.length === 0) return { ok: false, message: 'the snapshot file is empty' };
  const lastNl = buf.lastIndexOf(10, buf.length - 2);
  if (buf[buf.length - 1] !== 10 || lastNl < 0) return { ok: false, message: 'the snapshot file is cut short (its end marker is missing)' };
  let end: { type?: string; sha256?: string; events?: number; records?: number };
  try {
    end = JSON.parse(buf.toString('utf8', lastNl + 1, buf.length - 1));
  } catch {
    return { ok: false, message: 'the snapshot file is cut short (its end marker is missing)' };
  }
  if (end.type !== 'end') return { ok: false, message: 'the snapshot file is cut short (its end marker is missing)' };
  const h = crypto.createHash('sha256');
  const STEP = 4 << 20;
  for (let p = 0; p <= lastNl; p += STEP) {
    h.update(buf.subarray(p, Math.min(p + STEP, lastNl + 1)));
    await yieldNow();
  }
  if (h.digest('hex') !== end.sha256) return { ok: false, message: 'the snapshot file is damaged (its checksum does not match its content)' };
  let header: SnapshotHeader | null = null;
  let events = 0;
  let recs = 0;
  let pos = 0;
  let slice = performance.now();
  try {
    while (pos <= lastNl) {
      const nl = buf.indexOf(10, pos);
      const lineStart = pos;
      pos = nl + 1;
      if (pos > lastNl + 1) break; // the end line
      let text: string | undefined;
      if (!header) {
        text = buf.toString('utf8', lineStart, nl);
        header = JSON.parse(text) as SnapshotHeader;
        if (header.type !== 'assurance-desk-snapshot') return { ok: false, message: 'the snapshot file does not start with a snapshot header' };
        if (header.schemaVersion !== SCHEMA_VERSION) return { ok: false, message: `the snapshot is in schema version ${header.schemaVersion}` };
        continue;
      }
      // record lines ["r","entity","id",{...}] stay unparsed (LazyRecord) until first use
      if (buf[lineStart + 2] === 0x72 /* r */) {
        const r = recordLine(buf, lineStart, pos - 1);
        if (!r) return { ok: false, message: 'the snapshot file has a malformed record line' };
        recs++;
        onRecord(r.entity, r.id, new LazyRecord(buf, r.recordStart, r.recordEnd));
      } else {
        const v = JSON.parse(text ?? buf.toString('utf8', lineStart, pos - 1)) as unknown[];
        if (v[0] === 'e' && Number.isInteger(v[1])) {
          events++;
          onEvent(v);
        } else return { ok: false, message: 'the snapshot file has a line of unknown kind' };
      }
      if ((events + recs) % 64 === 0 && performance.now() - slice > 8) {
        await yieldNow();
        slice = performance.now();
      }
    }
  } catch {
    return { ok: false, message: 'the snapshot file has an unreadable line' };
  }
  if (!header) return { ok: false, message: 'the snapshot file has no header' };
  if (end.events !== events || end.records !== recs) return { ok: false, message: 'the snapshot file is incomplete (line counts do not match)' };
  if (events !== header.seq) return { ok: false, message: `the snapshot lists ${events} events but says it was taken at event #${header.seq}` };
  return { ok: true, header };
}

/** Positions in a record line ["r","entity","id",{...}] (bytes [s, e), no newline). */
function recordLine(buf: Buffer, s: number, e: number): { entity: string; id: string; recordStart: number; recordEnd: number } | null {
  if (buf[s] !== 0x5b || buf[s + 1] !== 0x22 || buf[s + 3] !== 0x22 || buf[s + 4] !== 0x2c || buf[s + 5] !== 0x22) return null;
  const entEnd = buf.indexOf(0x22, s + 6);
  if (entEnd < 0 || entEnd >= e || buf[entEnd + 1] !== 0x2c || buf[entEnd + 2] !== 0x22) return null;
  const idOpen = entEnd + 2;
  let q = idOpen + 1;
  let escaped = false;
  for (;;) {
    q = buf.indexOf(0x22, q);
    if (q < 0 || q >= e) return null;
    let bs = 0;
    for (let k = q - 1; k > idOpen && buf[k] === 0x5c; k--) bs++;
    if (bs % 2 === 0) break;
    escaped = true;
    q++;
  }
  if (buf[q + 1] !== 0x2c || buf[q + 2] !== 0x7b || buf[e - 1] !== 0x5d) return null;
  const rawId = buf.toString('utf8', idOpen, q + 1);
  let id: string;
  try {
    id = escaped ? (JSON.parse(rawId) as string) : rawId.slice(1, -1);
  } catch {
    return null;
  }
  return { entity: buf.toString('utf8', s + 6, entEnd), id, recordStart: q + 2, recordEnd: e - 1 };
}

interface ScanResult {
  events: { ev: StoredEvent; offset: number }[];
  lastSeq: number;
  end: number;
  torn: { offset: number; bytes: number } | null;
  problem: string | null;
}

/** Reads the journal from the snapshot's position (or the start) and checks the chain. */
async function scanJournal(journalPath: string, snap: SnapshotHeader | null): Promise<ScanResult> {
  const res: ScanResult = { events: [], lastSeq: 0, end: 0, torn: null, problem: null };
  const size = (await fs.promises.stat(journalPath)).size;
  let from = 0;
  let seq = 0;
  let prevHash = '';
  const fh = await fs.promises.open(journalPath, 'r');
  try {
    if (snap) {
      if (size < snap.journalOffset) {
        res.problem = `the journal is shorter than the snapshot expects (${size} bytes, expected at least ${snap.journalOffset}): events are missing from the journal`;
        return res;
      }
      const anchor = Buffer.alloc(snap.journalOffset - snap.lastLineStart);
      await fh.read(anchor, 0, anchor.length, snap.lastLineStart);
      let ok = false;
      if (anchor.length > 0 && anchor[anchor.length - 1] === 10) {
        try {
          const ev = JSON.parse(anchor.toString('utf8', 0, anchor.length - 1)) as StoredEvent;
          ok = ev.seq === snap.seq && ev.hash === snap.lastHash;
        } catch {
          ok = false;
        }
      }
      if (!ok && snap.seq > 0) {
        res.problem = `event #${snap.seq} in the journal is not the one the snapshot was taken at: the journal was changed or damaged`;
        return res;
      }
      from = snap.journalOffset;
      seq = snap.seq;
      prevHash = snap.lastHash;
    }
    res.lastSeq = seq;
    res.end = from;
    const buf = Buffer.allocUnsafe(size - from);
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, from + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    let pos = 0;
    let slice = performance.now();
    let n = 0;
    while (pos < buf.length) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) {
        res.torn = { offset: from + pos, bytes: buf.length - pos };
        break;
      }
      const chk = core.checkLine(buf.toString('utf8', pos, nl), seq + 1, prevHash);
      if (!chk.ok) {
        res.problem = chk.message;
        return res;
      }
      res.events.push({ ev: chk.event, offset: from + pos });
      seq = chk.event.seq;
      prevHash = chk.event.hash;
      pos = nl + 1;
      res.lastSeq = seq;
      res.end = from + pos;
      if ((++n & 63) === 0 && performance.now() - slice > 8) {
        await yieldNow();
        slice = performance.now();
      }
    }
  } finally {
    await fh.close();
  }
  return res;
}

/**
 * Rebuilds journal.jsonl from what survives of the damaged journal and the newest backup
 * that verifies. The damaged journal is moved aside unchanged.
 */
function recoverJournal(
  dataDir: string,
  backupDir: string,
  journalExists: boolean,
  problem: string,
  now: () => Date,
  log: (l: string) => void,
): { movedTo: string | null; recoveredTo: number; highestSeen: number; firstBad: number | null; notes: string[] } {
  const journalPath = path.join(dataDir, JOURNAL);
  const notes: string[] = [];
  let movedTo: string | null = null;
  const fromJournal = new Map<number, { ev: StoredEvent; text: string }>();
  let highestSeen = 0;
  if (journalExists) {
    // read in place; the file is moved aside only once the rebuilt journal is on disk
    const buf = fs.readFileSync(journalPath);
    core.forEachLine(buf, (s, e, complete) => {
      if (!complete) return;
      try {
        const ev = JSON.parse(buf.toString('utf8', s, e)) as StoredEvent;
        if (Number.isInteger(ev.seq) && ev.seq > 0 && !fromJournal.has(ev.seq)) {
          fromJournal.set(ev.seq, { ev, text: buf.toString('utf8', s, e) });
          highestSeen = Math.max(highestSeen, ev.seq);
        }
      } catch {
        // unreadable line: skipped
      }
    });
  }
  // newest backup that verifies
  const fromBackup = new Map<number, StoredEvent>();
  let backupUsed: string | null = null;
  if (fs.existsSync(backupDir)) {
    const dirs = fs
      .readdirSync(backupDir)
      .filter((n) => n.startsWith('backup-') && !n.endsWith('.partial'))
      .map((n) => {
        try {
          const m = JSON.parse(fs.readFileSync(path.join(backupDir, n, 'manifest.json'), 'utf8')) as BackupManifest;
          return { n, seq: m.seq };
        } catch {
          return { n, seq: -1 };
        }
      })
      .filter((d) => d.seq >= 0)
      .sort((a, b) => b.seq - a.seq);
    for (const d of dirs) {
      const v = core.verifyBackup(path.join(backupDir, d.n));
      if (!v.ok) {
        notes.push(`Backup ${d.n} does not verify and was not used (${v.findings[0]?.message ?? 'unknown problem'}).`);
        continue;
      }
      core.verifyJournalFile(path.join(backupDir, d.n, JOURNAL), { replay: false, onEvent: (ev) => fromBackup.set(ev.seq, ev) });
      backupUsed = d.n;
      highestSeen = Math.max(highestSeen, d.seq);
      break;
    }
  }
  // rebuild the chain
  const lines: string[] = [];
  let prev = '';
  let s = 1;
  let repaired = 0;
  let usedBackup = 0;
  let firstBad: number | null = null;
  for (;; s++) {
    const j = fromJournal.get(s);
    const b = fromBackup.get(s);
    if (j && j.ev.prevHash === prev && core.checkLine(j.text, s, prev).ok) {
      lines.push(j.text);
      prev = j.ev.hash;
      continue;
    }
    if (firstBad === null && (j || s <= highestSeen)) firstBad = s;
    if (b && b.prevHash === prev) {
      lines.push(JSON.stringify(b));
      prev = b.hash;
      usedBackup++;
      continue;
    }
    if (j && j.ev.prevHash === prev && typeof j.ev.hash === 'string') {
      // only the stored hash may be damaged: the next event vouches for the content
      const real = core.eventHash(j.ev);
      const next = fromJournal.get(s + 1);
      if (next && next.ev.prevHash === real) {
        const fixed = { ...j.ev, hash: real };
        lines.push(JSON.stringify(fixed));
        prev = real;
        repaired++;
        continue;
      }
    }
    break;
  }
  const recoveredTo = s - 1;
  // 1. rebuilt journal fully on disk; 2. damaged one moved aside; 3. rebuilt one in place.
  // A crash between 2 and 3 is finished at the next open (journal missing + .recovering present).
  const tmp = journalPath + '.recovering';
  const fd = fs.openSync(tmp, 'w');
  try {
    if (lines.length) fs.writeSync(fd, lines.join('\n') + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (journalExists) {
    const base = `${JOURNAL}.damaged-${stamp(now())}`;
    let target = path.join(dataDir, base);
    for (let i = 2; fs.existsSync(target); i++) target = path.join(dataDir, `${base}-${i}`);
    fs.renameSync(journalPath, target);
    core.fsyncPath(dataDir);
    movedTo = path.basename(target);
    log(`DAMAGED ${JOURNAL}: ${problem}; moved aside to ${movedTo}`);
  }
  fs.renameSync(tmp, journalPath);
  core.fsyncPath(dataDir);
  notes.push(
    `The journal was rebuilt with events #1–#${recoveredTo}${backupUsed ? ` (${usedBackup} of them taken from backup ${backupUsed})` : ''}${repaired ? `; ${repaired} event(s) had only a damaged hash, repaired because the next event confirms their content` : ''}.`,
  );
  log(`RECOVERED journal: events 1..${recoveredTo}${backupUsed ? `, ${usedBackup} from backup ${backupUsed}` : ''}${repaired ? `, ${repaired} hash(es) repaired` : ''}; highest event seen ${highestSeen}`);
  return { movedTo, recoveredTo, highestSeen, firstBad, notes };
}
