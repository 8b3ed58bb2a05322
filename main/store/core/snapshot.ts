// Part 2 of the store's file-format core: reading, checking and writing snapshots (compaction).
// SELF-CONTAINED (see ../core.ts): only `import type`; other parts arrive in `core`.
import type { Change, StoredRecord } from '../types.js';
import type { FormatCore } from './format.js';
import type { CoreDeps, SnapshotHeader, SnapshotRead } from './types.js';

/** A put kept as where it is in the journal: change `index` of the event line at byte `line`. */
type PutAt = { op: 'put-at'; line: number; bytes: number; index: number };

export function snapshotPart(deps: CoreDeps, core: FormatCore) {
  const { fs, path, crypto } = deps;
  const { SCHEMA_VERSION, JOURNAL, SNAPSHOT, key, isObj, checkLine, fsyncPath, trickleWriter, forEachLine, forEachFileLine, hashRange, snapshotEnd, docMac } = core;

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
    const marker = snapshotEnd(tail);
    if (!marker.ok) return marker;
    const { end } = marker;
    const endLineStart = tailStart + marker.endLineStart;
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

  /**
   * Reads and checks a snapshot buffer. Calls onEvent/onRecord for each line (when given).
   * Returns the header or a plain-words problem.
   */
  function readSnapshotBuffer(
    buf: Buffer,
    onEvent?: (line: unknown[]) => void,
    onRecord?: (entity: string, record: StoredRecord) => void,
  ): { ok: true; value: SnapshotRead } | { ok: false; message: string } {
    const marker = snapshotEnd(buf);
    if (!marker.ok) return marker;
    const { end } = marker;
    const lastNl = marker.endLineStart - 1;
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
  function compact(dataDir: string, target: { journalOffset: number; seq: number }, macKey: Uint8Array | null = null): SnapshotHeader {
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
    // Fold the journal tail into per-record outcomes, streamed: a record a change puts is kept as
    // where it is in the journal (read back when written), so a long tail (a freshly seeded or
    // imported desk: every case) never sits in this thread's memory whole, neither as bytes nor parsed.
    if (fs.statSync(journalPath).size < target.journalOffset) throw new Error('cannot compact: journal is shorter than expected');
    type Touch = { hadDelete: boolean; ops: (Change | PutAt)[]; insertedAt: number };
    const touched = new Map<string, Touch>();
    const newEventLines: string[] = [];
    let order = 0;
    let problem: string | null = null;
    let at = from;
    forEachFileLine(journalPath, from, target.journalOffset, (b, s, e) => {
      const lineStart = at;
      at += e - s + 1;
      if (problem) return;
      if (at > target.journalOffset) {
        problem = 'journal tail is incomplete';
        return;
      }
      const chk = checkLine(b.toString('utf8', s, e), seq + 1, prevHash);
      if (!chk.ok) {
        problem = chk.message;
        return;
      }
      const ev = chk.event;
      seq = ev.seq;
      prevHash = ev.hash;
      lastLineStart = lineStart;
      const keys: string[] = [];
      ev.changes.forEach((c, index) => {
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
        } else if (c.op === 'put') {
          if (t.ops.length === 1 && t.ops[0]!.op === 'delete') t.insertedAt = order++;
          t.ops = [{ op: 'put-at', line: lineStart, bytes: e - s, index }]; // a put replaces whatever came before
        } else t.ops.push(c);
      });
      newEventLines.push(JSON.stringify(['e', ev.seq, lineStart, ev.at, ev.actor, ev.action, keys]));
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
    const write = trickleWriter(out);
    const writeAll = (b: Buffer) => {
      hash.update(b);
      write(b);
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
    const journal = fs.openSync(journalPath, 'r');
    let lastPut: { line: number; changes: Change[] } | null = null;
    /** The record a put-at points to, reading its event line back (consecutive puts of one event read it once). */
    const putRecord = (p: PutAt): StoredRecord => {
      if (lastPut?.line !== p.line) {
        const b = Buffer.allocUnsafe(p.bytes);
        fs.readSync(journal, b, 0, p.bytes, p.line);
        lastPut = { line: p.line, changes: (JSON.parse(b.toString('utf8')) as { changes: Change[] }).changes };
      }
      return (lastPut.changes[p.index] as Extract<Change, { op: 'put' }>).record;
    };
    const fold = (base: StoredRecord | undefined, ops: (Change | PutAt)[]): StoredRecord | undefined => {
      let cur = base;
      for (const c of ops) {
        if (c.op === 'put-at') cur = putRecord(c);
        else if (c.op === 'put') cur = c.record;
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
      const end = { type: 'end', events, records, sha256: hash.digest('hex') };
      const endLine = JSON.stringify(macKey ? { ...end, mac: docMac(macKey, 'snapshot', end) } : end) + '\n';
      fs.writeSync(out, endLine);
      fs.fsyncSync(out);
    } finally {
      fs.closeSync(out);
      fs.closeSync(journal);
    }
    fs.renameSync(tmp, snapPath);
    fsyncPath(dataDir);
    return header;
  }

  return { checkSnapshotFile, readSnapshotBuffer, recordLineKey, compact };
}

export type SnapshotCore = ReturnType<typeof snapshotPart>;
