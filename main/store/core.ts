// The store's file-format core: canonical JSON, the hash chain, journal lines, snapshots,
// backups and whole-store verification.
//
// IMPORTANT: `storeCore` is SELF-CONTAINED on purpose. Its source text is also started as
// a worker thread with `new Worker(code, { eval: true })` (see worker.ts), which works the
// same under tsx, vitest and after bundling (no worker entry file to resolve). So inside
// `storeCore`: no imports other than `import type`, no references to anything outside the
// function; Node modules arrive through `deps`.
import type * as FS from 'node:fs';
import type * as PATH from 'node:path';
import type * as CRYPTO from 'node:crypto';
import type { Change, StoredEvent, StoredRecord } from './types.js';

export interface CoreDeps {
  fs: typeof FS;
  path: typeof PATH;
  crypto: typeof CRYPTO;
}

/** One problem found by verification, in plain words. */
export interface Finding {
  severity: 'error' | 'warning';
  file: string;
  seq?: number;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  lastHash: string;
  records: Record<string, number>;
  /** First event whose content or link is broken (tamper evidence). */
  firstBrokenSeq?: number;
  findings: Finding[];
}

export interface SnapshotHeader {
  type: 'assurance-desk-snapshot';
  schemaVersion: number;
  seq: number;
  lastHash: string;
  journalOffset: number;
  lastLineStart: number;
  /** sha256 of journal bytes [0, journalOffset): the journal prefix is immutable, so open can check it cheaply. */
  journalSha256?: string;
  createdAt: string;
}

export interface BackupManifest {
  format: 'assurance-desk-backup';
  schemaVersion: number;
  seq: number;
  lastHash: string;
  journalBytes: number;
  journalSha256: string;
  snapshot: { seq: number; bytes: number; sha256: string } | null;
  createdAt: string;
  auto: boolean;
}

export interface SnapshotRead {
  header: SnapshotHeader;
  eventLines: number;
  records: number;
}

export type LineCheck =
  | { ok: true; event: StoredEvent }
  | { ok: false; kind: 'unreadable' | 'shape' | 'hash' | 'seq' | 'link'; message: string; event?: StoredEvent };

export function storeCore(deps: CoreDeps) {
  const { fs, path, crypto } = deps;
  const SCHEMA_VERSION = 2;
  const JOURNAL = 'journal.jsonl';
  const SNAPSHOT = 'snapshot.ndjson';

  function canonical(value: unknown): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
    if (Array.isArray(value)) {
      let out = '[';
      for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonical(value[i]);
      return out + ']';
    }
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    let out = '{';
    let first = true;
    for (const k of keys) {
      const v = obj[k];
      if (v === undefined) continue;
      out += (first ? '' : ',') + JSON.stringify(k) + ':' + canonical(v);
      first = false;
    }
    return out + '}';
  }

  function sha256(text: string | Uint8Array): string {
    return crypto.createHash('sha256').update(text).digest('hex');
  }

  /** sha256 over the canonical JSON of the event without its own `hash`. */
  function eventHash(event: Omit<StoredEvent, 'hash'> & { hash?: string }): string {
    const { hash: _ignored, ...rest } = event;
    return sha256(canonical(rest));
  }

  function key(entity: string, id: string): string {
    return entity + '\u001f' + id;
  }

  function isObj(v: unknown): v is Record<string, unknown> {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  }

  function shapeProblem(e: Record<string, unknown>): string | null {
    if (!Number.isInteger(e.seq) || (e.seq as number) < 1) return 'it has no valid sequence number';
    if (typeof e.at !== 'string' || Number.isNaN(Date.parse(e.at))) return 'it has no valid time';
    if (typeof e.actor !== 'string' || typeof e.action !== 'string') return 'it has no actor or action';
    if (e.reason !== undefined && typeof e.reason !== 'string') return 'its reason is not text';
    if (typeof e.prevHash !== 'string' || typeof e.hash !== 'string') return 'it has no hash chain fields';
    if (!Array.isArray(e.changes)) return 'it has no list of changes';
    for (const c of e.changes as unknown[]) {
      if (!isObj(c) || typeof c.entity !== 'string' || typeof c.id !== 'string') return 'a change has no entity or id';
      if (c.op === 'put') {
        if (!isObj(c.record) || c.record.id !== c.id) return 'a put change has no matching record';
      } else if (c.op === 'patch') {
        if (!isObj(c.patch)) return 'a patch change has no patch';
      } else if (c.op !== 'delete') return 'a change has an unknown operation';
    }
    return null;
  }

  /** Parses and checks one journal line against the expected position in the chain. */
  function checkLine(text: string, expectSeq: number, prevHash: string): LineCheck {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, kind: 'unreadable', message: `event #${expectSeq} is unreadable (not valid JSON)` };
    }
    if (!isObj(parsed)) return { ok: false, kind: 'unreadable', message: `event #${expectSeq} is unreadable` };
    const shape = shapeProblem(parsed);
    if (shape) return { ok: false, kind: 'shape', message: `event #${expectSeq} is malformed: ${shape}` };
    const event = parsed as unknown as StoredEvent;
    if (event.seq !== expectSeq) {
      return event.seq > expectSeq
        ? {
            ok: false,
            kind: 'seq',
            event,
            message:
              event.seq === expectSeq + 1
                ? `event #${expectSeq} is missing (deleted): the journal jumps from #${expectSeq - 1} to #${event.seq}`
                : `events #${expectSeq}–#${event.seq - 1} are missing (deleted): the journal jumps from #${expectSeq - 1} to #${event.seq}`,
          }
        : { ok: false, kind: 'seq', event, message: `event #${event.seq} appears again where #${expectSeq} was expected` };
    }
    if (eventHash(event) !== event.hash) {
      return {
        ok: false,
        kind: 'hash',
        event,
        message: `event #${expectSeq} was changed after it was written: its content no longer matches its hash`,
      };
    }
    if (event.prevHash !== prevHash) {
      return {
        ok: false,
        kind: 'link',
        event,
        message: `event #${expectSeq} does not link to event #${expectSeq - 1}: the history before it was altered`,
      };
    }
    return { ok: true, event };
  }

  type State = Map<string, Map<string, StoredRecord>>;

  /** Applies a trusted (already validated) change. */
  function applyChange(state: State, c: Change): void {
    let m = state.get(c.entity);
    if (!m) {
      m = new Map();
      state.set(c.entity, m);
    }
    if (c.op === 'put') m.set(c.id, c.record);
    else if (c.op === 'delete') m.delete(c.id);
    else {
      const prev = m.get(c.id);
      if (!prev) throw new Error(`patch of missing ${c.entity} ${c.id}`);
      m.set(c.id, { ...prev, ...c.patch, id: c.id } as StoredRecord);
    }
  }

  function fsyncPath(p: string): void {
    let fd = -1;
    try {
      fd = fs.openSync(p, 'r');
      fs.fsyncSync(fd);
    } catch {
      // directories cannot be fsynced on some platforms (Windows)
    } finally {
      if (fd >= 0) fs.closeSync(fd);
    }
  }

  /** Iterates the lines of a buffer: cb(text, start, endExclusiveOfNewline, hasNewline). */
  function forEachLine(buf: Uint8Array, cb: (start: number, end: number, complete: boolean) => boolean | void): void {
    const b = buf as Buffer;
    let pos = 0;
    while (pos < b.length) {
      const nl = b.indexOf(10, pos);
      const end = nl < 0 ? b.length : nl;
      if (cb(pos, end, nl >= 0) === false) return;
      pos = end + 1;
    }
  }

  /** Streams the lines of file bytes [from, to) in 1 MB reads: cb(buf, start, end). */
  function forEachFileLine(file: string, from: number, to: number, cb: (buf: Buffer, start: number, end: number) => void): void {
    const fd = fs.openSync(file, 'r');
    try {
      let carry: Buffer | null = null;
      let pos = from;
      const chunk = Buffer.allocUnsafe(1 << 20);
      while (pos < to) {
        const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, to - pos), pos);
        if (n === 0) break;
        pos += n;
        let buf: Buffer = chunk.subarray(0, n);
        if (carry) buf = Buffer.concat([carry, buf]);
        let s = 0;
        for (;;) {
          const nl = buf.indexOf(10, s);
          if (nl < 0) break;
          cb(buf, s, nl);
          s = nl + 1;
        }
        carry = s < buf.length ? Buffer.from(buf.subarray(s)) : null;
      }
      if (carry && carry.length) cb(carry, 0, carry.length);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Cheap whole-file check of a snapshot without loading it: header, end marker, checksum. */
  function checkSnapshotFile(file: string): { ok: true; header: SnapshotHeader; endLineStart: number } | { ok: false; message: string } {
    const size = fs.statSync(file).size;
    if (size === 0) return { ok: false, message: 'the snapshot file is empty' };
    const fd = fs.openSync(file, 'r');
    let head: Buffer;
    let tail: Buffer;
    let tailStart: number;
    try {
      head = Buffer.alloc(Math.min(size, 8192));
      fs.readSync(fd, head, 0, head.length, 0);
      tailStart = Math.max(0, size - 8192);
      tail = Buffer.alloc(size - tailStart);
      fs.readSync(fd, tail, 0, tail.length, tailStart);
    } finally {
      fs.closeSync(fd);
    }
    const cut = { ok: false as const, message: 'the snapshot file is cut short (its end marker is missing)' };
    if (tail[tail.length - 1] !== 10) return cut;
    const lastNl = tail.lastIndexOf(10, tail.length - 2);
    if (lastNl < 0) return cut;
    let end: { type?: string; sha256?: string };
    try {
      end = JSON.parse(tail.toString('utf8', lastNl + 1, tail.length - 1));
    } catch {
      return cut;
    }
    if (end.type !== 'end') return cut;
    const endLineStart = tailStart + lastNl + 1;
    if (hashRange(file, endLineStart) !== end.sha256) return { ok: false, message: 'the snapshot file is damaged (its checksum does not match its content)' };
    const nl = head.indexOf(10);
    try {
      const header = JSON.parse(head.toString('utf8', 0, nl)) as SnapshotHeader;
      if (header.type !== 'assurance-desk-snapshot') return { ok: false, message: 'the snapshot file does not start with a snapshot header' };
      return { ok: true, header, endLineStart };
    } catch {
      return { ok: false, message: 'the snapshot file does not start with a snapshot header' };
    }
  }

  /** The entity and id of a record line ["r","entity","id",{...}] without parsing the record. */
  function recordLineKey(buf: Buffer, s: number): string {
    // entity names have no escapes; ids may: find the closing quote of the third string
    const q1 = s + 6; // after ["r","
    const q2 = buf.indexOf(34, q1); // end of entity
    const idStart = q2 + 3; // after ","
    let i = idStart;
    for (;;) {
      const q = buf.indexOf(34, i);
      let bs = 0;
      for (let k = q - 1; k >= idStart && buf[k] === 92; k--) bs++;
      if (bs % 2 === 0) {
        const entity = buf.toString('utf8', q1, q2);
        const id = JSON.parse(buf.toString('utf8', idStart - 1, q + 1)) as string;
        return key(entity, id);
      }
      i = q + 1;
    }
  }

  // ---------------------------------------------------------------- snapshots

  /**
   * Reads and checks a snapshot buffer. Calls onEvent/onRecord for each line (when given).
   * Returns the header or a plain-words problem.
   */
  function readSnapshotBuffer(
    buf: Buffer,
    onEvent?: (line: unknown[]) => void,
    onRecord?: (entity: string, record: StoredRecord) => void,
  ): { ok: true; value: SnapshotRead } | { ok: false; message: string } {
    if (buf.length === 0) return { ok: false, message: 'the snapshot file is empty' };
    const lastNl = buf.lastIndexOf(10, buf.length - 2);
    if (buf[buf.length - 1] !== 10 || lastNl < 0)
      return { ok: false, message: 'the snapshot file is cut short (its end marker is missing)' };
    let end: { type?: string; sha256?: string; events?: number; records?: number };
    try {
      end = JSON.parse(buf.toString('utf8', lastNl + 1, buf.length - 1));
    } catch {
      return { ok: false, message: 'the snapshot file is cut short (its end marker is missing)' };
    }
    if (end.type !== 'end') return { ok: false, message: 'the snapshot file is cut short (its end marker is missing)' };
    const digest = crypto.createHash('sha256').update(buf.subarray(0, lastNl + 1)).digest('hex');
    if (digest !== end.sha256) return { ok: false, message: 'the snapshot file is damaged (its checksum does not match its content)' };
    let header: SnapshotHeader | null = null;
    let eventLines = 0;
    let records = 0;
    let problem: string | null = null;
    forEachLine(buf.subarray(0, lastNl + 1), (s, e) => {
      const text = buf.toString('utf8', s, e);
      let v: unknown;
      try {
        v = JSON.parse(text);
      } catch {
        problem = 'the snapshot file has an unreadable line';
        return false;
      }
      if (!header) {
        const h = v as SnapshotHeader;
        if (!isObj(h) || h.type !== 'assurance-desk-snapshot') {
          problem = 'the snapshot file does not start with a snapshot header';
          return false;
        }
        header = h;
        return true;
      }
      if (Array.isArray(v) && v[0] === 'e') {
        if (!Number.isInteger(v[1]) || !Number.isInteger(v[2]) || !Array.isArray(v[6])) {
          problem = 'the snapshot file has a malformed event line';
          return false;
        }
        eventLines++;
        onEvent?.(v);
      } else if (Array.isArray(v) && v[0] === 'r') {
        const rec = v[3] as StoredRecord | undefined;
        if (typeof v[1] !== 'string' || typeof v[2] !== 'string' || !rec || typeof rec !== 'object' || rec.id !== v[2]) {
          problem = 'the snapshot file has a malformed record line';
          return false;
        }
        records++;
        onRecord?.(v[1], rec);
      } else {
        problem = 'the snapshot file has a line of unknown kind';
        return false;
      }
      return true;
    });
    if (problem) return { ok: false, message: problem };
    if (!header) return { ok: false, message: 'the snapshot file has no header' };
    if (end.events !== eventLines || end.records !== records)
      return { ok: false, message: 'the snapshot file is incomplete (line counts do not match)' };
    return { ok: true, value: { header, eventLines, records } };
  }

  /**
   * Writes a new snapshot covering the journal up to `journalOffset`, by streaming the
   * previous snapshot (if any) and the journal tail after it. Memory is bounded by the
   * tail, not by the store. Returns the new header.
   */
  function compact(dataDir: string, target: { journalOffset: number; seq: number }): SnapshotHeader {
    const snapPath = path.join(dataDir, SNAPSHOT);
    const journalPath = path.join(dataDir, JOURNAL);
    let baseEnd = 0;
    let baseHeader: SnapshotHeader | null = null;
    if (fs.existsSync(snapPath)) {
      const r = checkSnapshotFile(snapPath);
      if (!r.ok) throw new Error(`cannot compact: ${r.message}`);
      baseHeader = r.header;
      baseEnd = r.endLineStart;
      if (baseHeader.seq > target.seq) throw new Error('cannot compact: snapshot is newer than the target');
    }
    const from = baseHeader ? baseHeader.journalOffset : 0;
    let seq = baseHeader ? baseHeader.seq : 0;
    let prevHash = baseHeader ? baseHeader.lastHash : '';
    let lastLineStart = baseHeader ? baseHeader.lastLineStart : 0;
    // Read the journal tail and fold it into per-record outcomes.
    const fd = fs.openSync(journalPath, 'r');
    const tail = Buffer.allocUnsafe(target.journalOffset - from);
    try {
      let got = 0;
      while (got < tail.length) {
        const n = fs.readSync(fd, tail, got, tail.length - got, from + got);
        if (n === 0) throw new Error('cannot compact: journal is shorter than expected');
        got += n;
      }
    } finally {
      fs.closeSync(fd);
    }
    type Touch = { hadDelete: boolean; ops: Change[]; insertedAt: number };
    const touched = new Map<string, Touch>();
    const newEventLines: string[] = [];
    let order = 0;
    let problem: string | null = null;
    forEachLine(tail, (s, e, complete) => {
      if (!complete) {
        problem = 'journal tail is incomplete';
        return false;
      }
      const chk = checkLine(tail.toString('utf8', s, e), seq + 1, prevHash);
      if (!chk.ok) {
        problem = chk.message;
        return false;
      }
      const ev = chk.event;
      seq = ev.seq;
      prevHash = ev.hash;
      lastLineStart = from + s;
      const keys: string[] = [];
      for (const c of ev.changes) {
        const k = key(c.entity, c.id);
        if (!keys.includes(k)) keys.push(k);
        let t = touched.get(k);
        if (!t) {
          t = { hadDelete: false, ops: [], insertedAt: order++ };
          touched.set(k, t);
        }
        if (c.op === 'delete') {
          t.hadDelete = true;
          t.ops = [c];
        } else {
          if (c.op === 'put' && t.ops.length === 1 && t.ops[0]!.op === 'delete') {
            t.ops = [];
            t.insertedAt = order++;
          }
          t.ops.push(c);
        }
      }
      newEventLines.push(JSON.stringify(['e', ev.seq, from + s, ev.at, ev.actor, ev.action, keys]));
      return true;
    });
    if (problem) throw new Error(`cannot compact: ${problem}`);
    if (seq !== target.seq) throw new Error(`cannot compact: journal tail ends at #${seq}, expected #${target.seq}`);

    const header: SnapshotHeader = {
      type: 'assurance-desk-snapshot',
      schemaVersion: SCHEMA_VERSION,
      seq,
      lastHash: prevHash,
      journalOffset: target.journalOffset,
      lastLineStart,
      journalSha256: hashRange(journalPath, target.journalOffset),
      createdAt: new Date().toISOString(),
    };
    const tmp = snapPath + '.tmp';
    const out = fs.openSync(tmp, 'w');
    const hash = crypto.createHash('sha256');
    const outBuf = Buffer.allocUnsafe(1 << 20);
    let outPos = 0;
    let events = 0;
    let records = 0;
    const writeAll = (b: Buffer) => {
      hash.update(b);
      let w = 0;
      while (w < b.length) w += fs.writeSync(out, b, w, b.length - w);
    };
    const flush = () => {
      if (outPos) writeAll(outBuf.subarray(0, outPos));
      outPos = 0;
    };
    const emitBytes = (b: Buffer, s: number, e: number) => {
      const len = e - s + 1;
      if (outPos + len > outBuf.length) flush();
      if (len > outBuf.length) {
        writeAll(Buffer.concat([b.subarray(s, e), Buffer.from('\n')]));
        return;
      }
      b.copy(outBuf, outPos, s, e);
      outBuf[outPos + len - 1] = 10;
      outPos += len;
    };
    const emit = (line: string) => {
      const b = Buffer.from(line, 'utf8');
      emitBytes(b, 0, b.length);
    };
    const fold = (base: StoredRecord | undefined, ops: Change[]): StoredRecord | undefined => {
      let cur = base;
      for (const c of ops) {
        if (c.op === 'put') cur = c.record;
        else if (c.op === 'delete') cur = undefined;
        else cur = cur ? ({ ...cur, ...c.patch, id: c.id } as StoredRecord) : undefined;
      }
      return cur;
    };
    try {
      emit(JSON.stringify(header));
      const seen = new Set<string>();
      if (baseHeader) {
        let first = true;
        forEachFileLine(snapPath, 0, baseEnd, (b, s, e) => {
          if (first) {
            first = false;
            return;
          }
          // event lines start with ["e", record lines with ["r"
          const kind = b[s + 2];
          if (kind === 0x65 /* e */) {
            emitBytes(b, s, e);
            events++;
          } else if (kind === 0x72 /* r */) {
            if (newEventLines.length) {
              for (const l of newEventLines) emit(l);
              events += newEventLines.length;
              newEventLines.length = 0;
            }
            const k = recordLineKey(b, s);
            const t = touched.get(k);
            if (!t) {
              emitBytes(b, s, e);
              records++;
            } else {
              seen.add(k);
              if (!t.hadDelete) {
                const v = JSON.parse(b.toString('utf8', s, e)) as [string, string, string, StoredRecord];
                const rec = fold(v[3], t.ops);
                if (rec) {
                  emit(JSON.stringify(['r', v[1], v[2], rec]));
                  records++;
                }
              }
            }
          } else throw new Error('cannot compact: the snapshot has a line of unknown kind');
        });
      }
      for (const l of newEventLines) emit(l);
      events += newEventLines.length;
      const rest = [...touched.entries()]
        .filter(([k, t]) => t.hadDelete || !seen.has(k))
        .sort((a, b) => a[1].insertedAt - b[1].insertedAt);
      for (const [k, t] of rest) {
        const rec = fold(undefined, t.ops);
        if (rec) {
          const cut = k.indexOf('\u001f');
          emit(JSON.stringify(['r', k.slice(0, cut), k.slice(cut + 1), rec]));
          records++;
        }
      }
      flush();
      const endLine = JSON.stringify({ type: 'end', events, records, sha256: hash.digest('hex') }) + '\n';
      fs.writeSync(out, endLine);
      fs.fsyncSync(out);
    } finally {
      fs.closeSync(out);
    }
    fs.renameSync(tmp, snapPath);
    fsyncPath(dataDir);
    return header;
  }

  // ---------------------------------------------------------------- verification

  /**
   * Checks a journal file's whole hash chain and replays it. Returns the findings and the
   * replayed state (when wanted) up to the first broken event.
   */
  function verifyJournalFile(
    file: string,
    opts: { label?: string; replay?: boolean; onEvent?: (ev: StoredEvent, offset: number, end: number, state: State) => void } = {},
  ): { findings: Finding[]; events: number; lastHash: string; firstBrokenSeq?: number; state: State; bytes: number } {
    const label = opts.label ?? path.basename(file);
    const findings: Finding[] = [];
    const state: State = new Map();
    if (!fs.existsSync(file)) return { findings, events: 0, lastHash: '', state, bytes: 0 };
    const buf = fs.readFileSync(file);
    let seq = 0;
    let prevHash = '';
    let firstBrokenSeq: number | undefined;
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
      return true;
    });
    return { findings, events: seq, lastHash: prevHash, firstBrokenSeq, state, bytes: buf.length };
  }

  function stateCounts(state: State): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, m] of state) if (m.size) out[k] = m.size;
    return out;
  }

  /** Verifies a whole data directory (closed or open: it only reads). */
  function verifyStore(dataDir: string): VerifyResult {
    const findings: Finding[] = [];
    const manifestPath = path.join(dataDir, 'store.json');
    if (fs.existsSync(manifestPath)) {
      try {
        const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { schemaVersion?: number };
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
      const r = readSnapshotBuffer(fs.readFileSync(snapPath), undefined, (entity, rec) => {
        recs.set(key(entity, rec.id), canonical(rec));
      });
      if (!r.ok) findings.push({ severity: 'error', file: SNAPSHOT, message: r.message });
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
    const j = verifyJournalFile(journalFile, {
      label: JOURNAL,
      onEvent: (ev, _s, _e, st) => {
        if (snapHeader && ev.seq === snapHeader.seq) compareAtSnapshot(st, ev);
      },
    });
    findings.push(...j.findings);
    state = j.state;
    if (snapHeader && !snapChecked) {
      if (snapHeader.seq === 0) compareAtSnapshot(new Map(), null);
      else
        findings.push({ severity: 'error', file: JOURNAL, seq: snapHeader.seq, message: `the journal ends at event #${j.events}, but the snapshot shows the store had ${snapHeader.seq} events: events are missing from the journal` });
    }
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

  // ---------------------------------------------------------------- backups

  function copyRange(src: string, dst: string, bytes: number): string {
    const hash = crypto.createHash('sha256');
    const inFd = fs.openSync(src, 'r');
    const outFd = fs.openSync(dst, 'w');
    try {
      const buf = Buffer.allocUnsafe(1 << 20);
      let pos = 0;
      while (pos < bytes) {
        const n = fs.readSync(inFd, buf, 0, Math.min(buf.length, bytes - pos), pos);
        if (n === 0) throw new Error(`${src} is shorter than expected`);
        hash.update(buf.subarray(0, n));
        let w = 0;
        while (w < n) w += fs.writeSync(outFd, buf, w, n - w);
        pos += n;
      }
      fs.fsyncSync(outFd);
    } finally {
      fs.closeSync(inFd);
      fs.closeSync(outFd);
    }
    return hash.digest('hex');
  }

  /** sha256 of the first `bytes` bytes of a file. */
  function hashRange(file: string, bytes: number): string {
    const hash = crypto.createHash('sha256');
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.allocUnsafe(4 << 20);
      let pos = 0;
      while (pos < bytes) {
        const n = fs.readSync(fd, buf, 0, Math.min(buf.length, bytes - pos), pos);
        if (n === 0) break;
        hash.update(buf.subarray(0, n));
        pos += n;
      }
    } finally {
      fs.closeSync(fd);
    }
    return hash.digest('hex');
  }

  function fileSha256(file: string): string {
    return hashRange(file, fs.statSync(file).size);
  }

  /**
   * Copies the store (journal up to `journalBytes`, plus the snapshot when it is not newer)
   * into a new backup directory `target`. Writes into a temp dir and renames at the end.
   */
  function backup(
    dataDir: string,
    target: string,
    at: { journalBytes: number; seq: number; lastHash: string; auto: boolean; keep?: number },
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
    for (const name of removed) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    return removed;
  }

  /** Checks a backup directory completely. */
  function verifyBackup(dir: string): VerifyResult & { manifest: BackupManifest | null } {
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
    const jp = path.join(dir, JOURNAL);
    if (!fs.existsSync(jp)) return fail('the backup has no journal', JOURNAL);
    const size = fs.statSync(jp).size;
    if (size !== manifest.journalBytes)
      findings.push({ severity: 'error', file: JOURNAL, message: `the backup journal has ${size} bytes, its manifest says ${manifest.journalBytes}` });
    else if (fileSha256(jp) !== manifest.journalSha256)
      findings.push({ severity: 'error', file: JOURNAL, message: 'the backup journal is damaged (its checksum does not match the manifest)' });
    const j = verifyJournalFile(jp, { label: `backup ${JOURNAL}`, replay: true });
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

  return {
    SCHEMA_VERSION,
    JOURNAL,
    SNAPSHOT,
    canonical,
    sha256,
    eventHash,
    key,
    checkLine,
    applyChange,
    fsyncPath,
    forEachLine,
    readSnapshotBuffer,
    compact,
    verifyJournalFile,
    verifyStore,
    backup,
    rotateBackups,
    verifyBackup,
    hashRange,
    checkSnapshotFile,
    forEachFileLine,
  };
}

export type StoreCore = ReturnType<typeof storeCore>;
