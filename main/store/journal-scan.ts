// Reading the journal at open from the snapshot's position (or the start), checking every
// line's shape, seq, hash and link; a torn last line is reported, not applied.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { SnapshotHeader } from './core.js';
import { core } from './node-core.js';
import type { StoredEvent } from './types.js';
import { yieldNow } from './util.js';

export interface ScanResult {
  events: { ev: StoredEvent; offset: number }[];
  lastSeq: number;
  end: number;
  /** Bytes never acknowledged at the end: a torn last line and/or the events of an unfinished batch. */
  torn: { offset: number; bytes: number; events: number } | null;
  problem: string | null;
}

/** Reads the journal from the snapshot's position (or the start) and checks the chain. */
export async function scanJournal(journalPath: string, snap: SnapshotHeader | null, macKey: Uint8Array | null = null): Promise<ScanResult> {
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
    let slice = performance.now();
    let n = 0;
    const macs = core.anchorTracker(macKey);
    // In 4 MB reads: one buffer of the whole tail (125 MB for a freshly seeded 100k desk) stayed
    // garbage in the heap's external memory until the next full collection, at the peak of the warm-ups.
    reading: for await (const lines of journalLines(fh, from, size)) {
      for (const { line, offset, end } of lines) {
        if (line === null) {
          res.torn = { offset, bytes: size - offset, events: 0 };
          break reading;
        }
        const chk = core.checkLine(line, seq + 1, prevHash);
        if (!chk.ok) {
          res.problem = chk.message;
          return res;
        }
        const forged = macs.see(chk.event);
        if (forged) {
          res.problem = forged;
          return res;
        }
        res.events.push({ ev: chk.event, offset });
        seq = chk.event.seq;
        prevHash = chk.event.hash;
        res.lastSeq = seq;
        res.end = end;
        if ((++n & 63) === 0 && performance.now() - slice > 8) {
          await yieldNow();
          slice = performance.now();
        }
      }
    }
    res.problem = macs.end();
    if (res.problem) return res;
    dropUnfinishedBatch(res, size);
  } finally {
    await fh.close();
  }
  return res;
}

const CHUNK = 4 << 20;

interface JournalLine {
  /** Null for a last line without its newline (torn). */
  line: string | null;
  offset: number;
  /** The offset after its newline. */
  end: number;
}

/** The lines of the file's bytes [from, to), one read's worth at a time. */
async function* journalLines(fh: fs.promises.FileHandle, from: number, to: number): AsyncGenerator<JournalLine[]> {
  const chunk = Buffer.allocUnsafe(CHUNK);
  let carry: Buffer | null = null;
  let at = from; // the file offset of the first byte not yet handed out
  let read = from;
  while (read < to) {
    const { bytesRead } = await fh.read(chunk, 0, Math.min(CHUNK, to - read), read);
    if (bytesRead === 0) break;
    read += bytesRead;
    const buf: Buffer = carry ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
    const lines: JournalLine[] = [];
    let pos = 0;
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, pos)) {
      lines.push({ line: buf.toString('utf8', pos, nl), offset: at + pos, end: at + nl + 1 });
      pos = nl + 1;
    }
    at += pos;
    yield lines;
    carry = pos < buf.length ? Buffer.from(buf.subarray(pos)) : null;
  }
  if (carry) yield [{ line: null, offset: at, end: to }];
}

/** A batch is written in one write: a crash during it leaves its first events, all marked `more`. */
function dropUnfinishedBatch(res: ScanResult, fileEnd: number): void {
  let k = res.events.length;
  while (k > 0 && res.events[k - 1]!.ev.more) k--;
  if (k === res.events.length) return;
  const offset = res.events[k]!.offset;
  res.torn = { offset, bytes: fileEnd - offset, events: res.events.length - k };
  res.events.length = k;
  res.lastSeq = k ? res.events[k - 1]!.ev.seq : res.lastSeq - res.torn.events;
  res.end = offset;
}
