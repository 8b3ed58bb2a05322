// Part 1 of the store's file-format core: constants, canonical JSON, the hash chain,
// journal lines, line iteration, file hashing and the snapshot end marker.
// SELF-CONTAINED (see ../core.ts): only `import type`; Node modules arrive in `deps`.
import type { Change, StoredEvent, StoredRecord } from '../types.js';
import type { CoreDeps, LineCheck, SnapshotEnd } from './types.js';

export function formatPart(deps: CoreDeps) {
  const { fs, crypto } = deps;
  const SCHEMA_VERSION = 2;
  const JOURNAL = 'journal.jsonl';
  const SNAPSHOT = 'snapshot.ndjson';
  /** The event that anchors a store written before the anchor existed (see docs/store.md). */
  const ANCHORED = 'store.anchored';

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

  /** sha256 over the canonical JSON of the event without its own `hash` and `mac`. */
  function eventHash(event: Omit<StoredEvent, 'hash'> & { hash?: string }): string {
    const { hash: _ignored, mac: _mac, ...rest } = event;
    return sha256(canonical(rest));
  }

  /** The tamper anchor: HMAC-SHA256 with the store's key (kept outside the data directory). */
  function hmac(key: Uint8Array, text: string): string {
    return crypto.createHmac('sha256', key).update(text).digest('hex');
  }

  /** An event's MAC covers its hash, which covers its content and, through prevHash, all before it. */
  function eventMac(key: Uint8Array, hash: string): string {
    return hmac(key, 'event:' + hash);
  }

  /** MAC of a small document (store.json, a backup manifest, a snapshot end line) without its own `mac`. */
  function docMac(key: Uint8Array, kind: string, doc: Record<string, unknown>): string {
    const { mac: _mac, ...rest } = doc;
    return hmac(key, kind + ':' + canonical(rest));
  }

  /**
   * Checks the MACs of a run of events in seq order. With a key every event carries a valid
   * MAC, except those before a genuine `store.anchored` event (a store from before the anchor,
   * upgraded: the chain ties them to that event). Returns a problem in plain words, or null.
   */
  function anchorTracker(key: Uint8Array | null | undefined) {
    let unanchored: number | null = null;
    const missing = (seq: number) =>
      `event #${seq} carries no anchor MAC although the store is anchored: it was rewritten or inserted by someone without the desk's key`;
    return {
      see(ev: StoredEvent): string | null {
        if (!key) return null;
        if (ev.mac === undefined) {
          unanchored ??= ev.seq;
          return null;
        }
        if (ev.mac !== eventMac(key, ev.hash))
          return `event #${ev.seq} does not match its anchor MAC: it was changed and its chain recomputed by someone without the desk's key`;
        if (unanchored !== null) {
          if (ev.action !== ANCHORED) return missing(unanchored);
          unanchored = null;
        }
        return null;
      },
      end(): string | null {
        return key && unanchored !== null ? missing(unanchored) : null;
      },
      get unanchored() {
        return unanchored;
      },
    };
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
    if (e.more !== undefined && e.more !== true) return 'its batch mark is not true';
    if (e.mac !== undefined && typeof e.mac !== 'string') return 'its anchor MAC is not text';
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

  /** Applies a trusted (already validated) change. */
  function applyChange(state: Map<string, Map<string, StoredRecord>>, c: Change): void {
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


  /**
   * A writer for the big files the worker writes (snapshots, backup copies) that flushes
   * every few MB: one fsync of 70 MB at the end holds the disk for 100+ ms, and the journal's
   * own fdatasync (a write the desk waits on) queues behind it.
   */
  function trickleWriter(fd: number): (b: Uint8Array) => void {
    const every = 2 << 20;
    let unsynced = 0;
    return (b) => {
      let w = 0;
      while (w < b.length) w += fs.writeSync(fd, b, w, b.length - w);
      unsynced += b.length;
      if (unsynced >= every) {
        fs.fdatasyncSync(fd);
        unsynced = 0;
      }
    };
  }

  function copyRange(src: string, dst: string, bytes: number): string {
    const hash = crypto.createHash('sha256');
    const inFd = fs.openSync(src, 'r');
    const outFd = fs.openSync(dst, 'w');
    try {
      const buf = Buffer.allocUnsafe(1 << 20);
      const write = trickleWriter(outFd);
      let pos = 0;
      while (pos < bytes) {
        const n = fs.readSync(inFd, buf, 0, Math.min(buf.length, bytes - pos), pos);
        if (n === 0) throw new Error(`${src} is shorter than expected`);
        hash.update(buf.subarray(0, n));
        write(buf.subarray(0, n));
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
   * THE snapshot end-marker check: the last line of a snapshot is
   * {"type":"end","events","records","sha256"}. `buf` is the whole file or its tail;
   * `endLineStart` is the end line's index in `buf`.
   */
  function snapshotEnd(buf: Uint8Array): { ok: true; end: SnapshotEnd; endLineStart: number } | { ok: false; message: string } {
    const b = buf as Buffer;
    const cut = { ok: false as const, message: 'the snapshot file is cut short (its end marker is missing)' };
    if (b.length === 0) return { ok: false, message: 'the snapshot file is empty' };
    const lastNl = b.lastIndexOf(10, b.length - 2);
    if (b[b.length - 1] !== 10 || lastNl < 0) return cut;
    let end: SnapshotEnd;
    try {
      end = JSON.parse(b.toString('utf8', lastNl + 1, b.length - 1)) as SnapshotEnd;
    } catch {
      return cut;
    }
    if (!isObj(end) || end.type !== 'end') return cut;
    return { ok: true, end, endLineStart: lastNl + 1 };
  }

  return {
    SCHEMA_VERSION,
    JOURNAL,
    SNAPSHOT,
    ANCHORED,
    canonical,
    sha256,
    eventHash,
    hmac,
    eventMac,
    docMac,
    anchorTracker,
    key,
    isObj,
    checkLine,
    applyChange,
    fsyncPath,
    trickleWriter,
    forEachLine,
    forEachFileLine,
    copyRange,
    hashRange,
    fileSha256,
    snapshotEnd,
  };
}

export type FormatCore = ReturnType<typeof formatPart>;
