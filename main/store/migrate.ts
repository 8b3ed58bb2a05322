// Forward schema migrations, run by openCaseStore when store.json says an older version.
//
// Schema 1 (Assurance Desk 0.0.x) → schema 2 (current):
//   Journal envelope: v1 lines were {n, ts (epoch ms), user, action, note?, ops:[{kind,
//   collection, key, data}]} with NO hash chain. v2 lines are StoredEvent {seq, at (ISO),
//   actor, action, reason?, changes:[{entity, id, op, record|patch}], prevHash, hash}.
//   Case records: v1 kept `customer: {account, name}`, a single `errorCode` (string or
//   null) and `openedAt`/`updatedAt` as epoch milliseconds (customers' `createdAt` too). v2 has `customerAccount`,
//   `customerName`, `errorCodes: string[]` and ISO-8601 UTC strings.
// The v1 journal is kept as journal.v1.jsonl (never deleted). The migration is restartable:
// a crash at any point re-runs it from journal.v1.jsonl on the next open.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { StoreCore } from './core.js';
import type { Change, StoredEvent, StoredRecord } from './types.js';

export interface V1Op {
  kind: 'put' | 'patch' | 'delete';
  collection: string;
  key: string;
  data?: Record<string, unknown>;
}
export interface V1Event {
  n: number;
  ts: number;
  user: string;
  action: string;
  note?: string;
  ops: V1Op[];
}

function iso(v: unknown): unknown {
  return typeof v === 'number' && Number.isFinite(v) ? new Date(v).toISOString() : v;
}

/** Converts a v1 case record (or case patch) to the v2 shape. */
export function caseV1toV2(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (k === 'customer' && v && typeof v === 'object') {
      const c = v as { account?: unknown; name?: unknown };
      out.customerAccount = typeof c.account === 'string' ? c.account : '';
      out.customerName = typeof c.name === 'string' ? c.name : '';
    } else if (k === 'errorCode') {
      out.errorCodes = typeof v === 'string' && v ? [v] : [];
    } else if (k === 'openedAt' || k === 'updatedAt') {
      out[k] = iso(v);
    } else out[k] = v;
  }
  return out;
}

function opV1toV2(op: V1Op): Change {
  const conv = (d: Record<string, unknown>) =>
    op.collection === 'cases' ? caseV1toV2(d) : op.collection === 'customers' && 'createdAt' in d ? { ...d, createdAt: iso(d.createdAt) } : d;
  if (op.kind === 'put') return { entity: op.collection, id: op.key, op: 'put', record: { ...conv(op.data ?? {}), id: op.key } as StoredRecord };
  if (op.kind === 'patch') return { entity: op.collection, id: op.key, op: 'patch', patch: conv(op.data ?? {}) };
  return { entity: op.collection, id: op.key, op: 'delete' };
}

export function migrateStore(dataDir: string, from: number, core: StoreCore): { events: number; note: string } {
  if (from !== 1) throw new Error(`no migration from schema version ${from}`);
  const journal = path.join(dataDir, core.JOURNAL);
  const v1Copy = path.join(dataDir, 'journal.v1.jsonl');
  if (!fs.existsSync(v1Copy)) {
    if (!fs.existsSync(journal)) return { events: 0, note: 'The store was empty.' };
    fs.copyFileSync(journal, v1Copy);
    core.fsyncPath(v1Copy);
    core.fsyncPath(dataDir);
  }
  const text = fs.readFileSync(v1Copy, 'utf8');
  const lines = text.split('\n');
  let dropped = 0;
  const out: string[] = [];
  let prevHash = '';
  let seq = 0;
  lines.forEach((line, i) => {
    if (!line) return;
    let v1: V1Event;
    try {
      v1 = JSON.parse(line) as V1Event;
    } catch {
      if (i === lines.length - 1) {
        dropped++; // torn last line of the old journal
        return;
      }
      throw new Error(`the version-1 journal is damaged at line ${i + 1}; it was not migrated (kept as journal.v1.jsonl)`);
    }
    seq++;
    const body: Omit<StoredEvent, 'hash'> = {
      seq,
      at: new Date(v1.ts).toISOString(),
      actor: v1.user,
      action: v1.action,
      ...(v1.note !== undefined && v1.note !== null ? { reason: v1.note } : {}),
      changes: v1.ops.map(opV1toV2),
      prevHash,
    };
    const ev = { ...body, hash: core.eventHash(body) };
    prevHash = ev.hash;
    out.push(JSON.stringify(ev));
  });
  const tmp = journal + '.migrating';
  const fd = fs.openSync(tmp, 'w');
  try {
    if (out.length) fs.writeSync(fd, out.join('\n') + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, journal);
  core.fsyncPath(dataDir);
  for (const stale of ['snapshot.ndjson']) fs.rmSync(path.join(dataDir, stale), { force: true });
  return {
    events: seq,
    note: `Events were rewritten in the new format with a tamper-evident hash chain; cases now keep several error codes and ISO times. The old journal is kept as journal.v1.jsonl.${dropped ? ' Its last line was incomplete (an unconfirmed write) and was dropped.' : ''}`,
  };
}
