// Loading snapshot.ndjson at open: checksum in slices, then index the lines, leaving the
// records' JSON unparsed (LazyRecord) until first use.
import * as crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { SnapshotHeader } from './core.js';
import { core, SCHEMA_VERSION } from './node-core.js';
import { LazyRecord } from './state.js';
import { yieldNow } from './util.js';

export async function loadSnapshot(
  buf: Buffer,
  onEvent: (line: unknown[]) => void,
  onRecord: (entity: string, id: string, rec: LazyRecord) => void,
): Promise<{ ok: true; header: SnapshotHeader } | { ok: false; message: string }> {
  // checksum first (in slices so the event loop keeps turning), then parse in slices
  const marker = core.snapshotEnd(buf);
  if (!marker.ok) return marker;
  const { end } = marker;
  const lastNl = marker.endLineStart - 1;
  const h = crypto.createHash('sha256');
  const STEP = 4 << 20;
  for (let p = 0; p <= lastNl; p += STEP) {
    h.update(buf.subarray(p, Math.min(p + STEP, lastNl + 1)));
    await yieldNow();
  }
  if (h.digest('hex') !== end.sha256) return { ok: false, message: 'the snapshot file is damaged (its checksum does not match its content)' };
  let header: SnapshotHeader | null = null;
  let events = 0;
  let recs = 0;
  let pos = 0;
  let slice = performance.now();
  try {
    while (pos <= lastNl) {
      const nl = buf.indexOf(10, pos);
      const lineStart = pos;
      pos = nl + 1;
      if (pos > lastNl + 1) break; // the end line
      let text: string | undefined;
      if (!header) {
        text = buf.toString('utf8', lineStart, nl);
        header = JSON.parse(text) as SnapshotHeader;
        if (header.type !== 'assurance-desk-snapshot') return { ok: false, message: 'the snapshot file does not start with a snapshot header' };
        if (header.schemaVersion !== SCHEMA_VERSION) return { ok: false, message: `the snapshot is in schema version ${header.schemaVersion}` };
        continue;
      }
      // record lines ["r","entity","id",{...}] stay unparsed (LazyRecord) until first use
      if (buf[lineStart + 2] === 0x72 /* r */) {
        const r = recordLine(buf, lineStart, pos - 1);
        if (!r) return { ok: false, message: 'the snapshot file has a malformed record line' };
        recs++;
        onRecord(r.entity, r.id, new LazyRecord(buf, r.recordStart, r.recordEnd));
      } else {
        const v = JSON.parse(text ?? buf.toString('utf8', lineStart, pos - 1)) as unknown[];
        if (v[0] === 'e' && Number.isInteger(v[1])) {
          events++;
          onEvent(v);
        } else return { ok: false, message: 'the snapshot file has a line of unknown kind' };
      }
      if ((events + recs) % 64 === 0 && performance.now() - slice > 8) {
        await yieldNow();
        slice = performance.now();
      }
    }
  } catch {
    return { ok: false, message: 'the snapshot file has an unreadable line' };
  }
  if (!header) return { ok: false, message: 'the snapshot file has no header' };
  if (end.events !== events || end.records !== recs) return { ok: false, message: 'the snapshot file is incomplete (line counts do not match)' };
  if (events !== header.seq) return { ok: false, message: `the snapshot lists ${events} events but says it was taken at event #${header.seq}` };
  return { ok: true, header };
}

/** Positions in a record line ["r","entity","id",{...}] (bytes [s, e), no newline). */
function recordLine(buf: Buffer, s: number, e: number): { entity: string; id: string; recordStart: number; recordEnd: number } | null {
  if (buf[s] !== 0x5b || buf[s + 1] !== 0x22 || buf[s + 3] !== 0x22 || buf[s + 4] !== 0x2c || buf[s + 5] !== 0x22) return null;
  const entEnd = buf.indexOf(0x22, s + 6);
  if (entEnd < 0 || entEnd >= e || buf[entEnd + 1] !== 0x2c || buf[entEnd + 2] !== 0x22) return null;
  const idOpen = entEnd + 2;
  let q = idOpen + 1;
  let escaped = false;
  for (;;) {
    q = buf.indexOf(0x22, q);
    if (q < 0 || q >= e) return null;
    let bs = 0;
    for (let k = q - 1; k > idOpen && buf[k] === 0x5c; k--) bs++;
    if (bs % 2 === 0) break;
    escaped = true;
    q++;
  }
  if (buf[q + 1] !== 0x2c || buf[q + 2] !== 0x7b || buf[e - 1] !== 0x5d) return null;
  const rawId = buf.toString('utf8', idOpen, q + 1);
  let id: string;
  try {
    id = escaped ? (JSON.parse(rawId) as string) : rawId.slice(1, -1);
  } catch {
    return null;
  }
  return { entity: buf.toString('utf8', s + 6, entEnd), id, recordStart: q + 2, recordEnd: e - 1 };
}
