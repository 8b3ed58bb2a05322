// Recovery of a damaged journal: rebuilt event by event from what verifies in the damaged
// file and in the newest backup that verifies; the damaged file is kept aside unchanged.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BackupManifest } from './core.js';
import { core } from './node-core.js';
import type { OpenReport } from './report.js';
import type { RecordsByEntity, StoreState } from './state.js';
import type { Change, EventInput, StoredEvent, StoredRecord } from './types.js';
import { stamp } from './util.js';

const { JOURNAL } = core;

/**
 * Rebuilds journal.jsonl from what survives of the damaged journal and the newest backup
 * that verifies. The damaged journal is moved aside unchanged.
 */
export function recoverJournal(
  dataDir: string,
  backupDir: string,
  journalExists: boolean,
  problem: string,
  now: () => Date,
  log: (l: string) => void,
  /** The snapshot's last event: genuine (the snapshot verified), so a journal disagreeing with it was rewritten. */
  anchor: { seq: number; hash: string } | null = null,
  /** The store's anchor key: only events (and backups) it vouches for are kept. */
  macKey: Uint8Array | null = null,
): { movedTo: string | null; recoveredTo: number; highestSeen: number; firstBad: number | null; notes: string[]; lost: string[] } {
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
      const v = core.verifyBackup(path.join(backupDir, d.n), macKey);
      if (!v.ok) {
        notes.push(`Backup ${d.n} does not verify and was not used (${v.findings[0]?.message ?? 'unknown problem'}).`);
        continue;
      }
      core.verifyJournalFile(path.join(backupDir, d.n, JOURNAL), { replay: false, macKey, onEvent: (ev) => fromBackup.set(ev.seq, ev) });
      backupUsed = d.n;
      highestSeen = Math.max(highestSeen, d.seq);
      break;
    }
  }
  // Rebuild the chain. The backup's events win over the journal's: a verifying backup is
  // genuine history, while a journal event that differs from it was edited (its hash
  // recomputed, perhaps every later one too). Every event must also apply to the state so
  // far: a well-chained event that patches a missing record ends the rebuilt chain.
  // With a key, a journal event is kept only when its MAC is right, or when it has none and a
  // later genuine `store.anchored` event vouches for it through the chain (checked below).
  const vouched = (ev: StoredEvent, hash = ev.hash): boolean => !macKey || ev.mac === undefined || ev.mac === core.eventMac(macKey, hash);
  const lines: { text: string; more: boolean; hash: string; origHash: string; mac?: string | undefined; action: string }[] = [];
  const line = (ev: StoredEvent, text = JSON.stringify(ev), origHash = ev.hash) =>
    lines.push({ text, more: ev.more === true, hash: ev.hash, origHash, mac: ev.mac, action: ev.action });
  const state = new Map<string, Map<string, StoredRecord>>();
  const applies = (ev: StoredEvent): boolean => {
    const overlay = new Map<string, { entity: string; id: string; rec: StoredRecord | null }>();
    for (const c of ev.changes) {
      const k = core.key(c.entity, c.id);
      if (c.op === 'put') overlay.set(k, { entity: c.entity, id: c.id, rec: c.record });
      else if (c.op === 'delete') overlay.set(k, { entity: c.entity, id: c.id, rec: null });
      else {
        const before = overlay.has(k) ? overlay.get(k)!.rec : state.get(c.entity)?.get(c.id);
        if (!before) return false;
        overlay.set(k, { entity: c.entity, id: c.id, rec: { ...before, ...c.patch, id: c.id } });
      }
    }
    for (const { entity, id, rec } of overlay.values()) {
      let m = state.get(entity);
      if (!m) state.set(entity, (m = new Map()));
      if (rec) m.set(id, rec);
      else m.delete(id);
    }
    return true;
  };
  let prev = '';
  let s = 1;
  let repaired = 0;
  let usedBackup = 0;
  let forged = 0;
  let firstBad: number | null = null;
  for (;; s++) {
    const j = fromJournal.get(s);
    const b = fromBackup.get(s);
    if (b && b.prevHash === prev && applies(b)) {
      if (!j || j.text !== JSON.stringify(b)) {
        firstBad ??= s;
        if (j && j.ev.hash !== b.hash) forged++;
        usedBackup++;
      }
      line(b);
      prev = b.hash;
      continue;
    }
    if (j && j.ev.prevHash === prev && core.checkLine(j.text, s, prev).ok && vouched(j.ev) && applies(j.ev)) {
      line(j.ev, j.text);
      prev = j.ev.hash;
      continue;
    }
    if (firstBad === null && (j || s <= highestSeen)) firstBad = s;
    if (j && j.ev.prevHash === prev && typeof j.ev.hash === 'string') {
      // only the stored hash may be damaged: the next event vouches for the content
      const real = core.eventHash(j.ev);
      const next = fromJournal.get(s + 1);
      if (next && next.ev.prevHash === real && vouched(j.ev, real) && applies(j.ev)) {
        const fixed = { ...j.ev, hash: real };
        line(fixed);
        prev = real;
        repaired++;
        continue;
      }
    }
    break;
  }
  const lost: string[] = [];
  const kept = keepIntactAfter(s);
  if (kept) {
    s = lines.length + 1;
    notes.push(kept.note);
    lost.push(kept.lost);
  }
  // A rebuilt chain that disagrees with the genuine snapshot at its seq was rewritten (edited
  // and re-chained): only what the backup vouches for is kept; the snapshot restores the rest.
  if (anchor && lines.length >= anchor.seq && anchor.seq > 0 && lines[anchor.seq - 1]!.origHash !== anchor.hash) {
    const genuine = Math.min(lines.length, fromBackup.size);
    notes.push(
      `The journal's events #${genuine + 1}–#${lines.length} chain together but disagree with the snapshot taken at event #${anchor.seq}: they were rewritten after they were written, so they were not kept.`,
    );
    firstBad = Math.min(firstBad ?? genuine + 1, genuine + 1);
    lines.length = genuine;
    s = genuine + 1;
  }
  // with a key: events without a MAC are kept only before a genuine store.anchored event
  if (macKey) {
    let lastAnchored = -1;
    lines.forEach((l, i) => {
      if (l.mac !== undefined && l.action === core.ANCHORED) lastAnchored = i;
    });
    const cut = lines.findIndex((l, i) => i > lastAnchored && l.mac === undefined);
    if (cut >= 0) {
      notes.push(`Events #${cut + 1}–#${lines.length} carry no anchor MAC although the store is anchored (written without the desk's key), so they were not kept.`);
      firstBad = Math.min(firstBad ?? cut + 1, cut + 1);
      lines.length = cut;
      s = cut + 1;
    }
  }
  // the events of a batch cut short by a crash were never acknowledged
  while (lines.length && lines[lines.length - 1]!.more) {
    lines.pop();
    s--;
  }
  const recoveredTo = s - 1;
  // 1. rebuilt journal fully on disk; 2. damaged one moved aside; 3. rebuilt one in place.
  // A crash between 2 and 3 is finished at the next open (journal missing + .recovering present).
  const tmp = journalPath + '.recovering';
  const fd = fs.openSync(tmp, 'w');
  try {
    if (lines.length) fs.writeSync(fd, lines.map((l) => l.text).join('\n') + '\n');
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
  if (forged)
    notes.push(`${forged} event(s) in the journal were not the ones the backup holds (edited after they were written); the backup's genuine events were kept.`);
  log(`RECOVERED journal: events 1..${recoveredTo}${backupUsed ? `, ${usedBackup} from backup ${backupUsed}` : ''}${forged ? `, ${forged} edited journal event(s) replaced by the backup's` : ''}${repaired ? `, ${repaired} hash(es) repaired` : ''}; highest event seen ${highestSeen}`);
  return { movedTo, recoveredTo, highestSeen, firstBad, notes, lost };

  /**
   * One damaged event must not cost every intact event after it. The journal's later events
   * that are intact (own hash right, chained among themselves, MAC right when there is a key)
   * are kept, re-linked over a `store.event-lost` entry (actor system) in place of event
   * #`bad`, as long as they still apply without it. Their original lines stay in the damaged
   * file. Returns what to tell, or null when nothing after `bad` can be kept.
   */
  function keepIntactAfter(bad: number): { note: string; lost: string } | null {
    const intact = (t: number, prevHash: string | null): StoredEvent | null => {
      const j = fromJournal.get(t);
      if (!j || !core.checkLine(j.text, t, prevHash ?? j.ev.prevHash).ok) return null;
      return !macKey || j.ev.mac === core.eventMac(macKey, j.ev.hash) ? j.ev : null;
    };
    const first = intact(bad + 1, null);
    // before the snapshot's seq the snapshot restores the records instead (restoreSnapshotAhead)
    if (!first || lines.length !== bad - 1 || (anchor && bad <= anchor.seq)) return null;
    const damaged = fromJournal.get(bad)?.ev;
    const at = typeof damaged?.at === 'string' && !Number.isNaN(Date.parse(damaged.at)) ? damaged.at : first.at;
    const relink = (ev: Omit<StoredEvent, 'hash' | 'mac' | 'prevHash'>, origHash: string) => {
      const body = { ...ev, prevHash: prev };
      delete (body as { mac?: string }).mac;
      delete (body as { hash?: string }).hash;
      const hash = core.eventHash(body);
      const out = { ...body, hash, ...(macKey ? { mac: core.eventMac(macKey, hash) } : {}) } as StoredEvent;
      line(out, JSON.stringify(out), origHash);
      prev = hash;
    };
    relink({ seq: bad, at, actor: 'system', action: 'store.event-lost', reason: `event #${bad} was damaged beyond repair and is not in any backup; the intact events after it were kept`, changes: [] }, '');
    let t = bad + 1;
    let origPrev: string | null = null;
    let dependent: number | null = null;
    for (let ev: StoredEvent | null = first; ev; ev = intact(++t, origPrev)) {
      if (!applies(ev)) {
        dependent = t;
        break;
      }
      origPrev = ev.hash;
      relink(ev, ev.hash);
    }
    const last = lines.length;
    const until = Math.max(highestSeen, last);
    return {
      note: `Event #${bad} was damaged beyond repair and is in no backup: it was replaced by a 'store.event-lost' entry, and events #${bad + 1}–#${last} (intact${macKey ? ', with their anchor MACs' : ''}) were kept, re-linked to it; their original lines are in the damaged journal.`,
      lost:
        `Event #${bad} (its change) could not be recovered.` +
        (dependent !== null ? ` Events #${dependent}–#${until} were not kept: #${dependent} depends on what was lost (${until > dependent ? 'the rest follow it' : 'it is the last'}).` : last < until ? ` Events #${last + 1}–#${until} were not intact and were not kept.` : ''),
    };
  }
}

/**
 * When the snapshot knew a later state than the recovered journal, its records are put
 * back with one `store.recovered` event (actor `system`) that says which history was lost.
 */
export function restoreSnapshotAhead(
  ahead: { header: { seq: number }; state: RecordsByEntity },
  state: StoreState,
  append: (input: EventInput) => StoredEvent,
  report: OpenReport,
): void {
  const diff: Change[] = [];
  for (const [entity, m] of ahead.state)
    for (const [id, rec] of m) {
      const cur = state.get(entity, id);
      if (!cur || core.canonical(cur) !== core.canonical(rec)) diff.push({ entity, id, op: 'put', record: rec });
    }
  for (const [entity, m] of state.records)
    for (const id of m.keys()) if (!ahead.state.get(entity)?.has(id)) diff.push({ entity, id, op: 'delete' });
  if (!diff.length) return;
  const lostFrom = state.seq + 1;
  const to = ahead.header.seq;
  const ev = append({
    actor: 'system',
    action: 'store.recovered',
    reason: `events #${lostFrom}–#${to} were lost from the damaged journal; the records were restored from the snapshot taken at event #${to}`,
    changes: diff,
  });
  report.notes.push(
    `The history of events #${lostFrom}–#${to} was lost, but the records as they stood after event #${to} were restored from the snapshot (${diff.length} records, recorded as event #${ev.seq} 'store.recovered').`,
  );
  report.lost.unshift(`The individual history entries #${lostFrom}–#${to} (who/when/why of each change) could not be recovered; their end result was.`);
  report.status = 'recovered-with-loss';
}
