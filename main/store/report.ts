// What opening the store found and did, in plain words, and the context the open phases share.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { core, SCHEMA_VERSION } from './node-core.js';
import { stamp } from './util.js';

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

/** Paths, clock, log and report shared by the phases of opening a store. */
export interface OpenContext {
  dataDir: string;
  journalPath: string;
  snapPath: string;
  backupDir: string;
  now: () => Date;
  report: OpenReport;
  log(line: string): void;
  /** Renames a file in the data dir to `<name>.<suffix>-<time>`; returns the new name. */
  moveAside(file: string, suffix: string): string;
  /** Moves a damaged file aside and reports it. */
  damaged(file: string, problem: string): string;
}

export function openContext(dataDir: string, opts: { now?: () => Date; backupDir?: string; log?: (line: string) => void }): OpenContext {
  const now = opts.now ?? (() => new Date());
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
  const ctx: OpenContext = {
    dataDir,
    journalPath: path.join(dataDir, core.JOURNAL),
    snapPath: path.join(dataDir, core.SNAPSHOT),
    backupDir: path.resolve(opts.backupDir ?? path.join(dataDir, 'backups')),
    now,
    report,
    log(line) {
      const text = `${new Date().toISOString()} ${line}`;
      try {
        fs.appendFileSync(logPath, text + '\n');
      } catch {
        // logging must never stop the store
      }
      opts.log?.(text);
    },
    moveAside(file, suffix) {
      const base = `${path.basename(file)}.${suffix}-${stamp(now())}`;
      let target = path.join(dataDir, base);
      for (let i = 2; fs.existsSync(target); i++) target = path.join(dataDir, `${base}-${i}`);
      fs.renameSync(file, target);
      core.fsyncPath(dataDir);
      return path.basename(target);
    },
    damaged(file, problem) {
      const movedTo = ctx.moveAside(path.join(dataDir, file), 'damaged');
      report.damaged.push({ file, problem, movedTo });
      report.warnings.push(`${file}: ${problem}. The damaged file was kept unchanged as ${movedTo}.`);
      ctx.log(`DAMAGED ${file}: ${problem}; moved aside to ${movedTo}`);
      return movedTo;
    },
  };
  return ctx;
}
