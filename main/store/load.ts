// Opening, phase by phase: the snapshot (checked against the journal prefix it covers, in
// the worker), the journal tail after it, and recovery when either is damaged.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SnapshotHeader } from './core.js';
import { scanJournal, type ScanResult } from './journal-scan.js';
import type { ManifestDb } from './manifest.js';
import { core } from './node-core.js';
import { recoverJournal } from './recovery.js';
import type { OpenContext } from './report.js';
import { loadSnapshot } from './snapshot-load.js';
import type { RecordsByEntity, StoreState } from './state.js';
import { stamp, yieldNow } from './util.js';
import { StoreWorker } from './worker.js';

const { JOURNAL, SNAPSHOT } = core;

/** The snapshot knew a later state than the recovered journal: its records, to restore. */
export interface SnapshotAhead {
  header: SnapshotHeader;
  state: RecordsByEntity;
}

export interface Loaded {
  worker: StoreWorker | null;
  snapshotAhead: SnapshotAhead | null;
  /** Loaded without a key, but the snapshot or journal carries anchor MACs: the store's key is missing. */
  sawMacs: boolean;
}

/** Fills `state` from the data directory, recovering what is damaged. */
export async function loadState(ctx: OpenContext, db: ManifestDb, state: StoreState, macKey: Uint8Array | null = null): Promise<Loaded> {
  const { journalPath, snapPath, report } = ctx;
  let worker: StoreWorker | null = null;
  const getWorker = () => (worker ??= new StoreWorker());

  // ---- snapshot
  let snapHeader: SnapshotHeader | null = null;
  let prefixCheck: Promise<string | null> | null = null;
  let sawMacs = false;
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
    const r = await loadSnapshot(
      buf,
      (line) => state.noteEvent(line[1] as number, line[2] as number, line[3] as string, line[4] as string, line[5] as string, line[6] as string[]),
      (entity, id, lazy) => state.entityMap(entity).set(id, lazy),
    );
    const mark = r.ok ? core.snapshotEnd(buf) : null;
    const end = mark?.ok ? (mark.end as unknown as Record<string, unknown>) : null;
    sawMacs = end?.mac !== undefined;
    const forged = r.ok && macKey && end && end.mac !== core.docMac(macKey, 'snapshot', end);
    if (!r.ok || forged) {
      state.reset();
      ctx.damaged(SNAPSHOT, r.ok ? "the snapshot does not match its anchor MAC: it was written or changed without the desk's key" : r.message);
      report.notes.push('The records were rebuilt from the journal instead of the snapshot; nothing was lost because of the snapshot.');
    } else {
      snapHeader = r.header;
      state.seq = snapHeader.seq;
      state.lastHash = snapHeader.lastHash;
      state.snapshotSeq = snapHeader.seq;
    }
  }

  // ---- journal
  const knownSeqs: { seq: number; what: string }[] = [];
  if (snapHeader) knownSeqs.push({ seq: snapHeader.seq, what: 'the snapshot' });
  if (db.data.closedAt) knownSeqs.push({ seq: db.data.closedAt.seq, what: 'the store at its last clean close' });
  if (db.data.lastBackup) knownSeqs.push({ seq: db.data.lastBackup.seq, what: 'the last backup' });

  let problem: string | null = null;
  if (snapHeader && prefixCheck && snapHeader.journalSha256) problem = await prefixCheck;
  else if (prefixCheck) await prefixCheck.catch(() => null);
  const journalExists = fs.existsSync(journalPath);
  if (!journalExists && (snapHeader || db.data.closedAt?.seq || db.data.lastBackup?.seq)) problem = 'the journal file is missing';
  if (journalExists && !problem) {
    const scan = await scanJournal(journalPath, snapHeader, macKey);
    sawMacs ||= scan.events.some((e) => e.ev.mac !== undefined);
    if (scan.problem) problem = scan.problem;
    else {
      if (scan.torn) dropTornTail(ctx, scan.torn);
      const ahead = knownSeqs.find((k) => k.seq > scan.lastSeq);
      if (ahead) problem = `the journal ends at event #${scan.lastSeq}, but ${ahead.what} had ${ahead.seq} events: events are missing from the journal`;
      else problem = await replay(state, scan, report);
    }
  }
  if (!problem) {
    if (report.damaged.length) report.status = 'recovered';
    return { worker, snapshotAhead: null, sawMacs };
  }

  // ---- recovery: journal damaged
  const anchor = snapHeader ? { seq: snapHeader.seq, hash: snapHeader.lastHash } : null;
  const rec = recoverJournal(ctx.dataDir, ctx.backupDir, journalExists, problem, ctx.now, ctx.log, anchor, macKey);
  if (rec.firstBad && !problem.includes(`#${rec.firstBad} `)) problem += `; the first damaged event is #${rec.firstBad}`;
  report.damaged.push({ file: JOURNAL, problem, movedTo: rec.movedTo });
  report.warnings.push(`${JOURNAL}: ${problem}.${rec.movedTo ? ` The damaged file was kept unchanged as ${rec.movedTo}.` : ''}`);
  report.notes.push(...rec.notes);
  let snapshotAhead: SnapshotAhead | null = null;
  if (snapHeader) {
    if (snapHeader.seq > rec.recoveredTo) snapshotAhead = { header: snapHeader, state: state.materialize() };
    const aside = ctx.moveAside(snapPath, 'pre-recovery');
    report.notes.push(`The snapshot no longer matches the recovered journal; it was kept as ${aside} and will be rewritten.`);
  }
  state.reset();
  const scan = await scanJournal(journalPath, null, macKey);
  if (scan.problem || scan.torn) throw new Error(`recovered journal does not verify: ${scan.problem ?? 'torn'}`);
  const unapplied = await replay(state, scan, report);
  if (unapplied) throw new Error(`recovered journal does not apply: ${unapplied}`);
  const highest = Math.max(rec.highestSeen, ...knownSeqs.map((k) => k.seq));
  report.lost.push(...rec.lost);
  if (!rec.lost.length && highest > state.seq && !(snapshotAhead && snapshotAhead.header.seq >= highest)) {
    report.lost.push(
      `Events #${state.seq + 1}–#${highest} could not be recovered from the journal or a backup${rec.movedTo ? `; what remains of them is in ${rec.movedTo}` : ''}.`,
    );
  }
  report.status = report.lost.length ? 'recovered-with-loss' : 'recovered';
  return { worker, snapshotAhead, sawMacs };
}

/** Applies the scanned events, yielding to the event loop every ~8 ms. */
async function replay(state: StoreState, scan: ScanResult, report: OpenContext['report']): Promise<string | null> {
  let lastYield = performance.now();
  for (const { ev, offset } of scan.events) {
    try {
      state.apply(ev, offset);
    } catch (err) {
      return `event #${ev.seq} cannot be applied (${(err as Error).message}): the journal was changed or damaged`;
    }
    if ((ev.seq & 63) === 0 && performance.now() - lastYield > 8) lastYield = await yieldNow().then(() => performance.now());
  }
  report.replayedEvents = scan.events.length;
  state.journalSize = scan.end;
  return null;
}

/** An unacknowledged record torn by a crash: keep its bytes aside, drop it. */
function dropTornTail(ctx: OpenContext, torn: { offset: number; bytes: number; events: number }): void {
  const keptIn = `${JOURNAL}.torn-${stamp(ctx.now())}`;
  const fd = fs.openSync(ctx.journalPath, 'r+');
  try {
    const bytes = Buffer.alloc(torn.bytes);
    fs.readSync(fd, bytes, 0, bytes.length, torn.offset);
    fs.writeFileSync(path.join(ctx.dataDir, keptIn), bytes);
    core.fsyncPath(path.join(ctx.dataDir, keptIn));
    fs.ftruncateSync(fd, torn.offset);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  ctx.report.tornTail = { bytes: torn.bytes, keptIn };
  ctx.report.notes.push(
    `${torn.events ? `The last journal write (${torn.bytes} bytes, the first ${torn.events} events of a batch)` : `The last journal record (${torn.bytes} bytes)`} was incomplete: a write interrupted by a crash or power cut before it was confirmed. It was dropped and kept in ${keptIn}; no confirmed change was lost.`,
  );
  ctx.log(`TORN journal tail of ${torn.bytes} bytes${torn.events ? ` (${torn.events} events of an unfinished batch)` : ''} at offset ${torn.offset} dropped; kept in ${keptIn}`);
}
