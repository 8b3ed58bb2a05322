// The store's in-memory state: the records (some still unparsed snapshot bytes), each
// record's history (event seqs) and each event's journal offset, time, actor, action and
// entities. Reads are served from here; event lines are read back from the journal by offset.
import * as fs from 'node:fs';
import { core } from './node-core.js';
import type { EventFilter, EventPage, StoredEvent, StoredRecord } from './types.js';
import { deepFreeze, firstNotBefore } from './util.js';
import { AccountIndex } from './account-index.js';

/** A record still as JSON bytes in the snapshot buffer: parsed on first access (or by the warm-up). */
export class LazyRecord {
  constructor(
    readonly buf: Buffer,
    readonly start: number,
    readonly end: number,
  ) {}
  parse(): StoredRecord {
    return deepFreeze(JSON.parse(this.buf.toString('utf8', this.start, this.end)) as StoredRecord);
  }
}
type Slot = StoredRecord | LazyRecord;
export type RecordsByEntity = Map<string, Map<string, StoredRecord>>;


/** Appends seq to the list under key. */
function listAdd(index: Map<string, number[]>, key: string, seq: number): void {
  const list = index.get(key);
  if (!list) index.set(key, [seq]);
  else if (list[list.length - 1] !== seq) list.push(seq);
}

export class StoreState {
  readonly records = new Map<string, Map<string, Slot>>();
  readonly accounts = new AccountIndex(
    (entity) => this.all(entity),
    (entity, id) => this.get(entity, id),
  );
  readonly #hist = new Map<string, Map<string, number[]>>();
  #evOffset: number[] = [];
  #evAt: string[] = [];
  #evActor: string[] = [];
  #evAction: string[] = [];
  #evEntities: string[] = [];
  readonly #intern = new Map<string, string>();
  // audit indexes: seqs per actor, action and entity (ascending), and whether event times ascend
  readonly #byActor = new Map<string, number[]>();
  readonly #byAction = new Map<string, number[]>();
  readonly #byEntity = new Map<string, number[]>();
  #timesAscend = true;
  seq = 0;
  lastHash = '';
  /** Bytes of the journal that hold acknowledged events. */
  journalSize = 0;
  snapshotSeq = 0;

  #I(s: string): string {
    const v = this.#intern.get(s);
    if (v !== undefined) return v;
    this.#intern.set(s, s);
    return s;
  }

  /** The record, parsing it if it is still lazy. */
  recOf(m: Map<string, Slot> | undefined, id: string): StoredRecord | undefined {
    const v = m?.get(id);
    if (!(v instanceof LazyRecord)) return v;
    const r = v.parse();
    m!.set(id, r);
    return r;
  }

  get(entity: string, id: string): StoredRecord | undefined {
    return this.recOf(this.records.get(entity), id);
  }

  all(entity: string): StoredRecord[] {
    const m = this.records.get(entity);
    if (!m) return [];
    const out: StoredRecord[] = [];
    for (const [id, v] of m) out.push(v instanceof LazyRecord ? this.recOf(m, id)! : v);
    return out;
  }

  count(entity: string): number {
    return this.records.get(entity)?.size ?? 0;
  }

  entityMap(entity: string): Map<string, Slot> {
    let m = this.records.get(entity);
    if (!m) this.records.set(entity, (m = new Map()));
    return m;
  }

  /** Records one event's index entry: `keys` are core.key(entity, id) of the touched records. */
  noteEvent(s: number, offset: number, at: string, actor: string, action: string, keys: string[]): void {
    this.#evOffset[s - 1] = offset;
    if (s > 1 && this.#timesAscend && (this.#evAt[s - 2] ?? '') > at) this.#timesAscend = false;
    this.#evAt[s - 1] = at;
    this.#evActor[s - 1] = this.#I(actor);
    this.#evAction[s - 1] = this.#I(action);
    listAdd(this.#byActor, this.#evActor[s - 1]!, s);
    listAdd(this.#byAction, this.#evAction[s - 1]!, s);
    const ents: string[] = [];
    for (const k of keys) {
      const cut = k.indexOf('\u001f');
      const entity = this.#I(k.slice(0, cut));
      const id = k.slice(cut + 1);
      if (!ents.includes(entity)) {
        ents.push(entity);
        listAdd(this.#byEntity, entity, s);
      }
      let m = this.#hist.get(entity);
      if (!m) this.#hist.set(entity, (m = new Map()));
      const list = m.get(id);
      if (!list) m.set(id, [s]);
      else if (list[list.length - 1] !== s) list.push(s);
    }
    this.#evEntities[s - 1] = ents.length === 1 ? ents[0]! : ents.join('\u001e');
  }

  /** Applies a verified event that starts at `offset` in the journal; throws on a patch of a missing record. */
  apply(ev: StoredEvent, offset: number): void {
    const keys: string[] = [];
    for (const c of ev.changes) {
      const m = this.entityMap(c.entity);
      if (c.op === 'put') m.set(c.id, deepFreeze(c.record));
      else if (c.op === 'delete') m.delete(c.id);
      else {
        const prev = this.recOf(m, c.id);
        if (!prev) throw new Error(`event #${ev.seq} patches ${c.entity} ${c.id}, which does not exist`);
        m.set(c.id, deepFreeze({ ...prev, ...c.patch, id: c.id }));
      }
      this.accounts.noteSet(c.entity, c.id, m.get(c.id) as StoredRecord | undefined);
      const k = core.key(c.entity, c.id);
      if (!keys.includes(k)) keys.push(k);
    }
    this.noteEvent(ev.seq, offset, ev.at, ev.actor, ev.action, keys);
    this.seq = ev.seq;
    this.lastHash = ev.hash;
  }

  reset(): void {
    this.records.clear();
    this.accounts.clear();
    this.#hist.clear();
    this.#evOffset = [];
    this.#evAt = [];
    this.#evActor = [];
    this.#evAction = [];
    this.#evEntities = [];
    this.#byActor.clear();
    this.#byAction.clear();
    this.#byEntity.clear();
    this.#timesAscend = true;
    this.seq = 0;
    this.lastHash = '';
    this.snapshotSeq = 0;
  }

  /** Every record parsed, as plain maps (for comparing with a recovered state). */
  materialize(): RecordsByEntity {
    return new Map([...this.records].map(([k, m]) => [k, new Map([...m.keys()].map((id) => [id, this.recOf(m, id)!] as const))]));
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, m] of this.records) if (m.size) out[k] = m.size;
    return out;
  }

  /** Seqs of the events that touched a record, oldest first. */
  historySeqs(entity: string, id: string): readonly number[] {
    return this.#hist.get(entity)?.get(id) ?? [];
  }

  /** True when any event ever touched this record (also after it was deleted). */
  everExisted(entity: string, id: string): boolean {
    return this.#hist.get(entity)?.has(id) ?? false;
  }

  /**
   * Seqs of the events matching the filter, ascending. Starts from the shortest of the
   * actor/action/entity lists and narrows the time range by binary search, so a page of the
   * audit trail never walks every event.
   */
  matchingSeqs(filter: EventFilter): number[] {
    const m = this.#match(filter);
    if (m.exact) return Array.from({ length: m.hi - m.lo }, (_, i) => m.seqAt(m.lo + i));
    const out: number[] = [];
    for (let i = m.lo; i < m.hi; i++) if (m.test(m.seqAt(i))) out.push(m.seqAt(i));
    return out;
  }

  /**
   * The candidates for a filter: positions [lo, hi) of the shortest index list that applies
   * (or of all seqs), the time range cut by binary search while event times ascend. `exact`
   * when every candidate matches (one list, time handled by the cut), so a page needs no scan.
   */
  #match(filter: EventFilter) {
    const lists: (readonly number[])[] = [];
    if (filter.actor) lists.push(this.#byActor.get(filter.actor) ?? []);
    if (filter.action) lists.push(this.#byAction.get(filter.action) ?? []);
    if (filter.entity) lists.push(this.#byEntity.get(filter.entity) ?? []);
    lists.sort((a, b) => a.length - b.length);
    const base = lists[0];
    const n = base ? base.length : this.seq;
    const seqAt = base ? (i: number) => base[i]! : (i: number) => i + 1;
    const timeAt = (i: number) => this.#evAt[seqAt(i) - 1]!;
    const from = filter.from ?? '';
    const to = filter.to ?? '\uffff';
    const sorted = this.#timesAscend;
    const lo = sorted && filter.from ? firstNotBefore(n, (i) => timeAt(i) < from) : 0;
    const hi = sorted && filter.to ? firstNotBefore(n, (i) => timeAt(i) < to) : n;
    const test = (s: number): boolean => {
      if (filter.actor && this.#evActor[s - 1] !== filter.actor) return false;
      if (filter.action && this.#evAction[s - 1] !== filter.action) return false;
      const at = this.#evAt[s - 1]!;
      if (at < from || at >= to) return false;
      if (filter.entity) {
        const e = this.#evEntities[s - 1]!;
        if (e !== filter.entity && !e.split('\u001e').includes(filter.entity)) return false;
      }
      return true;
    };
    const exact = lists.length <= 1 && (sorted || (!filter.from && !filter.to));
    return { lo, hi, seqAt, test, exact };
  }

  /** A page of matching events, newest first, reading only the page's lines from the journal. */
  eventPage(fd: number, filter: EventFilter, page: { offset: number; limit: number }): EventPage {
    const m = this.#match(filter);
    if (m.exact) {
      const end = Math.max(m.lo, m.hi - page.offset);
      const start = Math.max(m.lo, end - page.limit);
      const seqs = Array.from({ length: end - start }, (_, i) => m.seqAt(start + i));
      return { total: m.hi - m.lo, events: this.readEvents(fd, seqs).reverse() };
    }
    const seqs = this.matchingSeqs(filter);
    const end = Math.max(0, seqs.length - page.offset);
    const events = this.readEvents(fd, seqs.slice(Math.max(0, end - page.limit), end)).reverse();
    return { total: seqs.length, events };
  }

  /** Reads the events with these seqs (ascending) back from the journal open as `fd`. */
  readEvents(fd: number, seqs: readonly number[]): StoredEvent[] {
    const out: StoredEvent[] = [];
    const off = this.#evOffset;
    let i = 0;
    while (i < seqs.length) {
      // group runs of consecutive seqs into one read (max ~8 MB)
      let j = i;
      const start = off[seqs[i]! - 1]!;
      while (j + 1 < seqs.length && seqs[j + 1] === seqs[j]! + 1 && off[seqs[j + 1]! - 1]! - start < 8 << 20) j++;
      const lastSeq = seqs[j]!;
      const end = lastSeq < this.seq ? off[lastSeq]! : this.journalSize;
      const buf = Buffer.allocUnsafe(end - start);
      let got = 0;
      while (got < buf.length) {
        const n = fs.readSync(fd, buf, got, buf.length - got, start + got);
        if (n === 0) throw new Error('journal shorter than expected');
        got += n;
      }
      core.forEachLine(buf, (s, e) => {
        out.push(deepFreeze(JSON.parse(buf.toString('utf8', s, e)) as StoredEvent));
      });
      i = j + 1;
    }
    return out;
  }
}
