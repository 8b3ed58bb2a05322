// Part 3 of the store's file-format core: whole-journal and whole-store verification.
// SELF-CONTAINED (see ../core.ts): only `import type`; other parts arrive in `core`.
import type { StoredEvent, StoredRecord } from '../types.js';
import type { FormatCore } from './format.js';
import type { SnapshotCore } from './snapshot.js';
import type { CoreDeps, Finding, SnapshotHeader, VerifyResult } from './types.js';

export function verifyPart(deps: CoreDeps, core: FormatCore & SnapshotCore) {
  const { fs, path } = deps;
  const { SCHEMA_VERSION, JOURNAL, SNAPSHOT, canonical, key, checkLine, applyChange, forEachLine, readSnapshotBuffer, snapshotEnd, anchorTracker, docMac } = core;
  type State = Map<string, Map<string, StoredRecord>>;

  /**
   * Checks a journal file's whole hash chain and replays it. Returns the findings and the
   * replayed state (when wanted) up to the first broken event.
   */
  function verifyJournalFile(
    file: string,
    opts: { label?: string; replay?: boolean; macKey?: Uint8Array | null; onEvent?: (ev: StoredEvent, offset: number, end: number, state: State) => void } = {},
  ): { findings: Finding[]; events: number; lastHash: string; firstBrokenSeq?: number; state: State; bytes: number } {
    const label = opts.label ?? path.basename(file);
    const findings: Finding[] = [];
    const state: State = new Map();
    if (!fs.existsSync(file)) return { findings, events: 0, lastHash: '', state, bytes: 0 };
    const buf = fs.readFileSync(file);
    let seq = 0;
    let prevHash = '';
    let firstBrokenSeq: number | undefined;
    let unfinished = 0;
    const macs = anchorTracker(opts.macKey);
    forEachLine(buf, (s, e, complete) => {
      const text = buf.toString('utf8', s, e);
      if (!complete) {
        findings.push({
          severity: 'warning',
          file: label,
          seq: seq + 1,
          message: `the last record of ${label} is incomplete (${e - s} bytes, a write torn by a crash); it was never acknowledged and will be set aside on open`,
        });
        return false;
      }
      const chk = checkLine(text, seq + 1, prevHash);
      if (!chk.ok) {
        firstBrokenSeq = seq + 1;
        let message = chk.message;
        if (chk.kind === 'link') message = `the chain breaks between event #${seq} and #${seq + 1}: event #${seq} or an earlier one was altered and re-hashed, or events were removed`;
        findings.push({ severity: 'error', file: label, seq: seq + 1, message: `${message} (in ${label})` });
        return false;
      }
      const ev = chk.event;
      const forged = macs.see(ev);
      if (forged) {
        firstBrokenSeq = ev.seq;
        findings.push({ severity: 'error', file: label, seq: ev.seq, message: `${forged} (in ${label})` });
        return false;
      }
      if (opts.replay !== false) {
        try {
          for (const c of ev.changes) applyChange(state, c);
        } catch (err) {
          findings.push({ severity: 'error', file: label, seq: ev.seq, message: `event #${ev.seq} cannot be applied: ${(err as Error).message}` });
          firstBrokenSeq = ev.seq;
          return false;
        }
      }
      opts.onEvent?.(ev, s, e + 1, state);
      seq = ev.seq;
      prevHash = ev.hash;
      unfinished = ev.more ? unfinished + 1 : 0;
      return true;
    });
    const unanchored = firstBrokenSeq === undefined ? macs.end() : null;
    if (unanchored) {
      firstBrokenSeq = macs.unanchored!;
      findings.push({ severity: 'error', file: label, seq: firstBrokenSeq, message: `${unanchored} (in ${label})` });
    }
    if (unfinished && firstBrokenSeq === undefined)
      findings.push({
        severity: 'warning',
        file: label,
        seq: seq - unfinished + 1,
        message: `the last ${unfinished} event(s) of ${label} are an unfinished batch (a bulk write interrupted by a crash); they were never acknowledged and will be set aside on open`,
      });
    return { findings, events: seq, lastHash: prevHash, firstBrokenSeq, state, bytes: buf.length };
  }

  function stateCounts(state: State): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, m] of state) if (m.size) out[k] = m.size;
    return out;
  }

  /** Verifies a whole data directory (closed or open: it only reads). With `macKey`, also the tamper anchor. */
  function verifyStore(dataDir: string, macKey: Uint8Array | null = null): VerifyResult {
    const findings: Finding[] = [];
    const manifestPath = path.join(dataDir, 'store.json');
    type Recorded = { schemaVersion?: number; closedAt?: { seq: number; hash: string } | null; lastBackup?: { seq: number } | null };
    let recorded: Recorded = {};
    if (fs.existsSync(manifestPath)) {
      try {
        const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Recorded;
        recorded = m && typeof m === 'object' ? m : {};
        if (macKey && (recorded as Record<string, unknown>).mac !== docMac(macKey, 'store', recorded as Record<string, unknown>))
          findings.push({ severity: 'error', file: 'store.json', message: 'store.json does not match its anchor MAC: it was changed outside the desk' });
        if (m.schemaVersion !== SCHEMA_VERSION)
          findings.push({
            severity: m.schemaVersion && m.schemaVersion < SCHEMA_VERSION ? 'warning' : 'error',
            file: 'store.json',
            message: `the store is at schema version ${String(m.schemaVersion)}, this program uses ${SCHEMA_VERSION}${m.schemaVersion && m.schemaVersion < SCHEMA_VERSION ? ' (it will be migrated when opened)' : ''}`,
          });
      } catch {
        findings.push({ severity: 'error', file: 'store.json', message: 'the store description file store.json is damaged (not valid JSON)' });
      }
    }
    // Snapshot: capture its state lazily by comparing at its seq.
    const snapPath = path.join(dataDir, SNAPSHOT);
    let snapHeader: SnapshotHeader | null = null;
    let snapRecords: Map<string, string> | null = null;
    if (fs.existsSync(snapPath)) {
      const recs = new Map<string, string>();
      const snapBuf = fs.readFileSync(snapPath);
      const r = readSnapshotBuffer(snapBuf, undefined, (entity, rec) => {
        recs.set(key(entity, rec.id), canonical(rec));
      });
      const mark = macKey ? snapshotEnd(snapBuf) : null;
      if (!r.ok) findings.push({ severity: 'error', file: SNAPSHOT, message: r.message });
      else if (mark?.ok && mark.end.mac !== docMac(macKey!, 'snapshot', mark.end as unknown as Record<string, unknown>))
        findings.push({ severity: 'error', file: SNAPSHOT, message: 'the snapshot does not match its anchor MAC: it was written or changed without the desk\'s key' });
      else {
        snapHeader = r.value.header;
        snapRecords = recs;
      }
    }
    let snapChecked = false;
    const journalFile = path.join(dataDir, JOURNAL);
    let state: State = new Map();
    const compareAtSnapshot = (st: State, ev: StoredEvent | null) => {
      if (!snapHeader || !snapRecords || snapChecked) return;
      snapChecked = true;
      if (ev && ev.hash !== snapHeader.lastHash) {
        findings.push({ severity: 'error', file: SNAPSHOT, seq: snapHeader.seq, message: `the snapshot was taken at event #${snapHeader.seq}, but the journal's event #${snapHeader.seq} is different` });
        return;
      }
      let diff = 0;
      let size = 0;
      for (const [entity, m] of st)
        for (const [id, rec] of m) {
          size++;
          if (snapRecords.get(key(entity, id)) !== canonical(rec)) diff++;
        }
      if (size !== snapRecords.size || diff) {
        findings.push({ severity: 'error', file: SNAPSHOT, seq: snapHeader.seq, message: `the snapshot does not match the journal at event #${snapHeader.seq} (${diff + Math.abs(size - snapRecords.size)} records differ)` });
      }
    };
    // what store.json and the backups say the journal holds: seq → [what, hash]
    const expectAt = new Map<number, { what: string; hash?: string }[]>();
    const expect = (seq: number, what: string, hash?: string) => {
      if (!Number.isInteger(seq) || seq <= 0) return;
      expectAt.set(seq, [...(expectAt.get(seq) ?? []), { what, ...(hash ? { hash } : {}) }]);
    };
    if (recorded.closedAt) expect(recorded.closedAt.seq, 'the store at its last clean close (store.json)', recorded.closedAt.hash);
    if (recorded.lastBackup) expect(recorded.lastBackup.seq, 'the last backup (store.json)');
    const backupDir = path.join(dataDir, 'backups');
    if (fs.existsSync(backupDir))
      for (const name of fs.readdirSync(backupDir).filter((n) => n.startsWith('backup-') && !n.endsWith('.partial')).sort()) {
        try {
          const bm = JSON.parse(fs.readFileSync(path.join(backupDir, name, 'manifest.json'), 'utf8')) as { seq: number; lastHash: string };
          expect(bm.seq, `backup ${name}`, bm.lastHash);
        } catch {
          findings.push({ severity: 'warning', file: `backups/${name}`, message: `backup ${name} has no readable manifest.json` });
        }
      }
    const j = verifyJournalFile(journalFile, {
      label: JOURNAL,
      macKey,
      onEvent: (ev, _s, _e, st) => {
        if (snapHeader && ev.seq === snapHeader.seq) compareAtSnapshot(st, ev);
        for (const x of expectAt.get(ev.seq) ?? [])
          if (x.hash && x.hash !== ev.hash)
            findings.push({ severity: 'error', file: JOURNAL, seq: ev.seq, message: `the journal's event #${ev.seq} is not the one ${x.what} holds: the history was changed` });
      },
    });
    findings.push(...j.findings);
    if (j.firstBrokenSeq === undefined)
      for (const [seq, xs] of expectAt)
        if (seq > j.events)
          for (const x of xs)
            findings.push({ severity: 'error', file: JOURNAL, seq: j.events + 1, message: `the journal ends at event #${j.events}, but ${x.what} had ${seq} events: events #${j.events + 1}–#${seq} are missing` });
    state = j.state;
    if (snapHeader && !snapChecked) {
      if (snapHeader.seq === 0) compareAtSnapshot(new Map(), null);
      else
        findings.push({ severity: 'error', file: JOURNAL, seq: snapHeader.seq, message: `the journal ends at event #${j.events}, but the snapshot shows the store had ${snapHeader.seq} events: events are missing from the journal` });
    }
    if (!fs.existsSync(journalFile) && (snapHeader || expectAt.size))
      findings.push({ severity: 'error', file: JOURNAL, message: `the journal file is missing, but the store had events` });
    if (!fs.existsSync(journalFile) && !snapHeader && !fs.existsSync(manifestPath))
      findings.push({ severity: 'error', file: dataDir, message: `there is no store in ${dataDir}` });
    const errors = findings.filter((f) => f.severity === 'error');
    return {
      ok: errors.length === 0,
      events: j.events,
      lastHash: j.lastHash,
      records: stateCounts(state),
      firstBrokenSeq: j.firstBrokenSeq,
      findings,
    };
  }

  return { verifyJournalFile, stateCounts, verifyStore };
}

export type VerifyCore = ReturnType<typeof verifyPart>;
