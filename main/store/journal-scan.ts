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
    const macs = core.anchorTracker(macKey);
    while (pos < buf.length) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) {
        res.torn = { offset: from + pos, bytes: buf.length - pos, events: 0 };
        break;
      }
      const chk = core.checkLine(buf.toString('utf8', pos, nl), seq + 1, prevHash);
      if (!chk.ok) {
        res.problem = chk.message;
        return res;
      }
      const forged = macs.see(chk.event);
      if (forged) {
        res.problem = forged;
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
    res.problem = macs.end();
    if (res.problem) return res;
    dropUnfinishedBatch(res, from + buf.length);
  } finally {
    await fh.close();
  }
  return res;
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
