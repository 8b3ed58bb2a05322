// The case store: an append-only, hash-chained, fsynced JSONL journal (the truth and the
// audit trail), materialized in memory for fast get/all, with NDJSON snapshots written by
// a worker thread (compaction), automatic rotating backups, and an in-memory search index.
// This file assembles the phases: manifest.ts (store.json, migrations), load.ts (snapshot,
// journal, recovery.ts), state.ts (records and reads), writer.ts (the journal writer),
// background.ts (snapshots, backups), search-feed.ts. See docs/store.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CASES } from '../../shared/domain/entities.js';
import { Background, type BackupResult } from './background.js';
import type { SnapshotHeader, VerifyResult } from './core.js';
import { loadState } from './load.js';
import { assertOutside, storeKeyId, type KeyProvider } from './anchor.js';
import { acquireLock } from './lock.js';
import { anchorManifest, openManifest, removeLeftovers } from './manifest.js';
import { core } from './node-core.js';
import { restoreSnapshotAhead } from './recovery.js';
import { openContext, type OpenReport } from './report.js';
import { SearchFeed, type SearchOption, type SearchReady } from './search-feed.js';
import { StoreState } from './state.js';
import type { CaseStore, EventInput, StoredEvent, StoredRecord } from './types.js';
import { JournalWriter } from './writer.js';
import type { RecordValidator } from './validate.js';

export { core, SCHEMA_VERSION } from './node-core.js';
export { isStoreOpen } from './lock.js';
export { StoreValidationError, StoreError, type StoreErrorKind } from './errors.js';
export type { OpenReport, DamagedFile } from './report.js';
export type { SearchReady, SearchOption } from './search-feed.js';
export type { BackupResult } from './background.js';
export { fileKeyProvider, storeKeyId, type KeyProvider } from './anchor.js';

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
  validate?: RecordValidator;
  /** Which entity searchCases() searches, and with what index. Default `{ entity: 'cases' }` with CaseIndex. */
  search?: SearchOption;
  /** Receives every line written to store.log. */
  log?: (line: string) => void;
  /**
   * Where the store's anchor key lives (outside the data directory): every event, the
   * snapshot, the backups and store.json get an HMAC-SHA256 with it. Without it the store
   * has the plain hash chain only. See docs/store.md "Tamper anchor".
   */
  keys?: KeyProvider;
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

/** The entity searchCases() searches unless OpenOptions.search says otherwise. */
const DEFAULT_SEARCH: SearchOption = { entity: CASES };

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
  const ctx = openContext(dataDir, options);
  const { report, journalPath, now, log } = ctx;
  const keys = options.keys;
  if (keys) assertOutside(keys.where, dataDir);
  const keyId = keys ? storeKeyId(dataDir) : '';
  let macKey: Buffer | null = keys?.get(keyId) ?? null;
  const db = await openManifest(ctx, macKey);
  removeLeftovers(ctx);
  const state = new StoreState();
  const loaded = await loadState(ctx, db, state, macKey);
  // First open with a key provider: the store is anchored from now on (an older store gets a
  // store.anchored event that vouches, through the chain, for every event before it).
  const anchorNow = !!keys && !macKey;
  if (anchorNow && loaded.sawMacs)
    throw new Error(
      `this store is anchored with a key that is missing from ${keys.where} (expected for store id ${keyId}): put the key back, or open the data directory where it was anchored`,
    );
  if (anchorNow) {
    macKey = keys.create(keyId);
    anchorManifest(db, macKey);
    log(`ANCHOR key made in ${keys.where} for store id ${keyId}`);
  }

  // ---- ready to append
  const journalExisted = fs.existsSync(journalPath);
  const fd = fs.openSync(journalPath, journalExisted ? 'r+' : 'w+');
  if (!journalExisted) core.fsyncPath(dataDir);
  if (fs.fstatSync(fd).size !== state.journalSize) {
    fs.ftruncateSync(fd, state.journalSize);
    fs.fsyncSync(fd);
  }
  report.snapshotSeq = state.snapshotSeq;
  // An anchored store opened without a key provider (a test or tool reading it) is read-only:
  // unMACed events, snapshots or a store.json would look forged to the next anchored open.
  const keyless = !keys && loaded.sawMacs;
  if (!keyless) {
    db.data.closedAt = null; // open: an unclean end is detected by the journal itself
    await db.write();
  }

  const background = new Background(
    {
      dataDir,
      backupDir: ctx.backupDir,
      snapshotEvery: keyless ? Number.POSITIVE_INFINITY : (options.snapshotEvery ?? 5000),
      backupEvery: options.backupEvery ?? 10000,
      backupIntervalMs: options.backupIntervalMs ?? 24 * 3600_000,
      keepBackups: options.keepBackups ?? 7,
      autoBackup: !keyless && (options.autoBackup ?? true),
      now,
      log,
      macKey,
    },
    state,
    db,
    loaded.worker,
  );
  const search = new SearchFeed(state, options.search ?? DEFAULT_SEARCH);
  const listeners = new Set<(e: StoredEvent) => void>();
  const writer = new JournalWriter(fd, state, search, {
    now,
    macKey,
    ...(keyless ? { readOnly: `this store is anchored and was opened without its key (${dataDir}): it can be read here, not changed; open it with its key provider` } : {}),
    ...(options.validate ? { validate: options.validate } : {}),
    announce(event) {
      for (const l of listeners) {
        try {
          l(event);
        } catch (err) {
          log(`a subscriber failed on event #${event.seq}: ${(err as Error).message}`);
        }
      }
    },
    afterWrite: () => background.maybeRun(),
  });
  let closing: Promise<void> | null = null;

  const store: OpenedCaseStore = {
    dataDir,
    report,
    openReport: report,
    searchReady: search.ready,
    get seq() {
      return state.seq;
    },
    get lastHash() {
      return state.lastHash;
    },
    append: (input) => writer.append(input),
    appendMany: (inputs) => writer.appendMany(inputs),
    get<T extends { id: string } = StoredRecord>(entity: string, id: string): T | undefined {
      return state.get(entity, id) as unknown as T | undefined;
    },
    all<T extends { id: string } = StoredRecord>(entity: string): T[] {
      return state.all(entity) as unknown as T[];
    },
    count: (entity) => state.count(entity),
    ofAccount<T extends { id: string } = StoredRecord>(entity: string, account: string): T[] {
      return state.accounts.ofAccount<T>(entity, account);
    },
    history: (entity, id) => state.readEvents(fd, state.historySeqs(entity, id)),
    events: (filter = {}) => state.readEvents(fd, state.matchingSeqs(filter)),
    eventPage: (filter, page) => state.eventPage(fd, filter, page),
    searchCases: (query) => search.search(query),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onWarning: (listener) => background.onWarning(listener),
    compact: () => background.compact(),
    backup: (out?: string) => background.backup(out, false),
    verify: () => background.verify(),
    idle: () => background.idle(),
    close: () =>
      (closing ??= (async () => {
        search.stop();
        await search.ready.catch(() => undefined);
        await background.idle();
        writer.closed = true;
        await background.close();
        fs.closeSync(fd);
        if (!keyless) {
          db.data.closedAt = { seq: state.seq, hash: state.lastHash, at: now().toISOString() };
          await db.write();
        }
        fs.rmSync(lockFile, { force: true });
        log(`closed at event #${state.seq}`);
      })()),
  };

  if (loaded.snapshotAhead) restoreSnapshotAhead(loaded.snapshotAhead, state, store.append, report);
  const upgraded = anchorNow && state.seq > 0;
  if (upgraded) {
    const ev = store.append({
      actor: 'system',
      action: core.ANCHORED,
      reason: `the store is anchored from here on: events #1–#${state.seq} were written before the anchor existed and are vouched for through the hash chain`,
      changes: [{ entity: 'store', id: 'anchor', op: 'put', record: { id: 'anchor', from: state.seq, keyId } }],
    });
    report.notes.push(`The store was anchored with a key kept outside the data directory (${keys!.where}); event #${ev.seq} records it.`);
  }

  report.events = state.seq;
  report.records = state.counts();
  report.notices = [...report.warnings, ...report.lost, ...report.notes];
  report.openMs = Math.round(performance.now() - t0);
  log(`opened at event #${state.seq} in ${report.openMs} ms (status ${report.status}; snapshot #${state.snapshotSeq}, ${report.replayedEvents} events replayed)`);
  if (keyless) log('opened without the anchor key: read-only');
  else if (report.damaged.length || report.migrated || upgraded) background.runNow();
  else background.maybeRun();
  return store;
}
