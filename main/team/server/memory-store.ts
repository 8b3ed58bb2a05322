// The team server's CaseStore: the center's records in memory, kept in step with PostgreSQL.
// The desk core's handlers run unchanged over it. Appends made while a layer is open are
// provisional: commit() keeps them, rollback() undoes them exactly (the PostgreSQL transaction
// they belong to failed). Subscribers hear of an event only once it is committed.
//
// Memory is bounded: every record is kept, but only the newest TAIL events (and, per record,
// those of its events still in that tail). A call that asks for more history than memory holds
// (a case's full history, an audit page) is answered by PostgreSQL: the store notes what was
// missing and throws HistoryNotLoaded; the center loads exactly that (loadMissing) and runs the
// call again with it (see center.ts, withHistory).
import { AsyncLocalStorage } from 'node:async_hooks';
import { AccountIndex } from '../../store/account-index.js';
import { CaseIndex } from '../../store/search.js';
import type { CaseSearchQuery, CaseSearchResult, CaseStore, Change, EventFilter, EventInput, EventPage, StoredEvent, StoredRecord } from '../../store/types.js';

type Undo = { entity: string; id: string; previous: StoredRecord | undefined };
interface Layer {
  undo: Undo[];
  eventsAt: number; // tail.length when the layer opened
}
/** A record's events still in the tail, and how many it has had in all. */
interface Trail {
  recent: StoredEvent[];
  total: number;
}

const CASES = 'cases';
// As the desk store allows (main/store/validate.ts): keyEvents, mailMessages … are entities too.
const ENTITY_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
/** Committed events kept in memory (newest); older ones are read from PostgreSQL when asked. */
export const DEFAULT_TAIL = 5_000;

export class StoreChangeError extends Error {
  override name = 'StoreChangeError';
}

/** Thrown by append() inside readOnly(): the work wants to write, so it must run as a transaction. */
export class WriteInReadOnly extends Error {
  override name = 'WriteInReadOnly';
}

/** History older than memory holds was asked for: load `store.missing()` and run the work again. */
export class HistoryNotLoaded extends Error {
  override name = 'HistoryNotLoaded';
}

/** What a run asked for that memory does not hold. */
export interface Missing {
  histories: Array<{ entity: string; id: string }>;
  pages: Array<{ filter: EventFilter; page: { offset: number; limit: number } }>;
}

/** History loaded from PostgreSQL for one run. */
export interface Loaded {
  histories: Map<string, StoredEvent[]>;
  pages: Map<string, EventPage>;
}

const readOnlyWork = new AsyncLocalStorage<true>();
const loadedFor = new AsyncLocalStorage<Loaded>();

export class TeamMemoryStore implements CaseStore {
  readonly #records = new Map<string, Map<string, StoredRecord>>();
  /** The newest events (committed, then this process's provisional ones). */
  #tail: StoredEvent[] = [];
  #position = 0;
  /** Position of the newest event dropped from the tail (0: memory holds the whole history). */
  #committedFloor = 0;
  readonly #trails = new Map<string, Trail>();
  readonly #layers: Layer[] = [];
  readonly #listeners = new Set<(event: StoredEvent) => void>();
  /** Built at the first case search (the server's own searches are SQL), then kept up to date. */
  #index: CaseIndex | undefined;
  readonly #accounts = new AccountIndex(
    (entity) => this.all(entity),
    (entity, id) => this.get(entity, id),
  );
  #pendingNotices: StoredEvent[] = [];
  #missing: Missing = { histories: [], pages: [] };

  constructor(
    private readonly now: () => Date,
    private readonly tailSize = DEFAULT_TAIL,
  ) {}

  /** Position of the last event held (committed or provisional). */
  get position(): number {
    return this.#position;
  }

  /** Events held in memory (at most the tail size, plus one transaction's). */
  get eventsHeld(): number {
    return this.#tail.length;
  }

  get inLayer(): boolean {
    return this.#layers.length > 0;
  }

  begin(): void {
    this.#layers.push({ undo: [], eventsAt: this.#tail.length });
  }

  commit(): void {
    const layer = this.#layers.pop();
    if (!layer) throw new Error('commit without begin');
    const parent = this.#layers.at(-1);
    if (parent) {
      parent.undo.push(...layer.undo);
      return;
    }
    const notices = this.#pendingNotices;
    this.#pendingNotices = [];
    this.#trim();
    for (const event of notices) this.#notify(event);
  }

  rollback(): void {
    const layer = this.#layers.pop();
    if (!layer) throw new Error('rollback without begin');
    for (const { entity, id, previous } of layer.undo.reverse()) this.#set(entity, id, previous);
    for (const event of this.#tail.splice(layer.eventsAt).reverse()) {
      for (const k of touchedKeys(event)) {
        const trail = this.#trails.get(k)!;
        trail.recent.pop();
        if (--trail.total === 0) this.#trails.delete(k);
      }
    }
    this.#position = this.#tail.at(-1)?.seq ?? this.#committedFloor;
    this.#pendingNotices = this.#pendingNotices.filter((event) => event.seq <= this.#position);
  }

  /** Events appended since position `after` (this process's provisional ones included; `after` within the tail). */
  since(after: number): StoredEvent[] {
    const first = this.#tail[0]?.seq ?? this.#position + 1;
    if (after + 1 < first) throw new Error(`events after ${after} are no longer in memory (tail starts at ${first})`);
    return this.#tail.slice(after + 1 - first);
  }

  /** An event already committed in PostgreSQL (by any process), applied in position order. */
  applyCommitted(event: StoredEvent): void {
    if (this.inLayer) throw new Error('committed events are applied outside a transaction layer');
    if (event.seq !== this.position + 1) throw new Error(`event ${event.seq} out of order after ${this.position}`);
    this.#record(event);
    this.#trim();
    this.#notify(event);
  }

  /** Runs work that may read concurrently with a transaction's layer but must not write. */
  readOnly<T>(work: () => Promise<T>): Promise<T> {
    return readOnlyWork.run(true, work);
  }

  /** Runs work with history loaded from PostgreSQL (see HistoryNotLoaded). */
  withLoaded<T>(loaded: Loaded, work: () => Promise<T>): Promise<T> {
    return loadedFor.run(loaded, work);
  }

  /** Whether a run since the last takeMissing() asked for something memory lacks. */
  get hasMissing(): boolean {
    return this.#missing.histories.length > 0 || this.#missing.pages.length > 0;
  }

  /** What the runs since the last call asked for and memory lacked; clears the list. */
  takeMissing(): Missing {
    const missing = this.#missing;
    this.#missing = { histories: [], pages: [] };
    return missing;
  }

  append(input: EventInput): StoredEvent {
    if (readOnlyWork.getStore()) throw new WriteInReadOnly('this work writes; run it as a transaction');
    if (!input.actor || !input.action) throw new StoreChangeError('an event needs an actor and an action');
    if (!input.changes?.length) throw new StoreChangeError('an event needs at least one change');
    this.#checkChanges(input.changes);
    const event: StoredEvent = {
      actor: input.actor,
      action: input.action,
      ...(input.reason === undefined ? {} : { reason: input.reason }),
      changes: structuredClone(input.changes),
      seq: this.position + 1,
      at: this.now().toISOString(),
      prevHash: '',
      hash: '',
    };
    this.#record(event);
    if (this.inLayer) this.#pendingNotices.push(event);
    else {
      this.#trim();
      this.#notify(event);
    }
    return event;
  }

  get<T extends { id: string } = StoredRecord>(entity: string, id: string): T | undefined {
    return this.#records.get(entity)?.get(id) as T | undefined;
  }

  all<T extends { id: string } = StoredRecord>(entity: string): T[] {
    return [...(this.#records.get(entity)?.values() ?? [])] as unknown as T[];
  }

  ofAccount<T extends { id: string } = StoredRecord>(entity: string, account: string): T[] {
    return this.#accounts.ofAccount<T>(entity, account);
  }

  entities(): string[] {
    return [...this.#records.keys()];
  }

  count(entity: string): number {
    return this.#records.get(entity)?.size ?? 0;
  }

  /** Whether the record ever had an event (an id once used is never given again). */
  known(entity: string, id: string): boolean {
    return this.#trails.has(key(entity, id));
  }

  /** The record's events still in memory, newest last (always complete after any baseCursor in the tail). */
  recentHistory(entity: string, id: string): StoredEvent[] {
    return [...(this.#trails.get(key(entity, id))?.recent ?? [])];
  }

  history(entity: string, id: string): StoredEvent[] {
    const k = key(entity, id);
    const trail = this.#trails.get(k);
    if (!trail) return [];
    if (trail.recent.length === trail.total) return [...trail.recent];
    const loaded = loadedFor.getStore()?.histories.get(k);
    if (loaded) return [...loaded, ...trail.recent.filter((e) => e.seq > (loaded.at(-1)?.seq ?? 0))];
    this.#missing.histories.push({ entity, id });
    throw new HistoryNotLoaded(`the history of ${entity}/${id} is older than the team server keeps in memory`);
  }

  events(filter: EventFilter = {}): StoredEvent[] {
    if (this.#committedFloor > 0) {
      const page = this.eventPage(filter, { offset: 0, limit: Number.MAX_SAFE_INTEGER });
      return page.events.reverse();
    }
    return this.#tail.filter((e) => matches(e, filter));
  }

  eventPage(filter: EventFilter, page: { offset: number; limit: number }): EventPage {
    if (this.#committedFloor === 0) {
      const all = this.#tail.filter((e) => matches(e, filter));
      const end = Math.max(0, all.length - page.offset);
      return { total: all.length, events: all.slice(Math.max(0, end - page.limit), end).reverse() };
    }
    const loaded = loadedFor.getStore()?.pages.get(pageKey(filter, page));
    if (loaded) return loaded;
    this.#missing.pages.push({ filter, page });
    throw new HistoryNotLoaded('the audit trail is older than the team server keeps in memory');
  }

  async searchCases(query: CaseSearchQuery): Promise<CaseSearchResult> {
    if (!this.#index) {
      this.#index = new CaseIndex();
      for (const record of this.#records.get(CASES)?.values() ?? []) this.#index.upsert(record, undefined);
    }
    return this.#index.search(query);
  }

  subscribe(listener: (event: StoredEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }

  #checkChanges(changes: Change[]): void {
    const seen = new Map<string, boolean>(); // key → exists after the earlier changes of this event
    for (const change of changes) {
      if (!ENTITY_NAME.test(change.entity)) throw new StoreChangeError(`bad entity name ${JSON.stringify(change.entity)}`);
      if (typeof change.id !== 'string' || !change.id) throw new StoreChangeError('a change needs a record id');
      const k = key(change.entity, change.id);
      const exists = seen.get(k) ?? this.get(change.entity, change.id) !== undefined;
      if (change.op === 'put') {
        if (change.record?.id !== change.id) throw new StoreChangeError(`record id differs from change id ${change.id}`);
        seen.set(k, true);
      } else if (change.op === 'patch') {
        if (!exists) throw new StoreChangeError(`patch of a missing record ${change.entity}/${change.id}`);
        if ('id' in change.patch && change.patch.id !== change.id) throw new StoreChangeError(`a patch may not change the id of ${change.id}`);
      } else if (change.op === 'delete') {
        if (!exists) throw new StoreChangeError(`delete of a missing record ${change.entity}/${change.id}`);
        seen.set(k, false);
      } else throw new StoreChangeError(`unknown change ${(change as { op: unknown }).op}`);
    }
  }

  #record(event: StoredEvent): void {
    this.#tail.push(event);
    this.#position = event.seq;
    for (const change of event.changes) {
      const previous = this.get(change.entity, change.id);
      const next =
        change.op === 'put'
          ? deepFreeze(structuredClone(change.record))
          : change.op === 'patch'
            ? deepFreeze({ ...previous!, ...structuredClone(change.patch) })
            : undefined;
      this.#layers.at(-1)?.undo.push({ entity: change.entity, id: change.id, previous });
      this.#set(change.entity, change.id, next);
    }
    for (const k of touchedKeys(event)) {
      const trail = this.#trails.get(k);
      if (trail) {
        trail.recent.push(event);
        trail.total++;
      } else this.#trails.set(k, { recent: [event], total: 1 });
    }
  }

  /** Drops the oldest committed events beyond the tail size (outside a transaction only). */
  #trim(): void {
    const excess = this.#tail.length - this.tailSize;
    if (excess < Math.max(1, this.tailSize >> 3)) return; // in steps, not one event at a time
    const dropped = this.#tail.splice(0, excess);
    this.#committedFloor = dropped.at(-1)!.seq;
    for (const event of dropped) {
      for (const k of touchedKeys(event)) {
        const trail = this.#trails.get(k)!;
        if (trail.recent[0] === event) trail.recent.shift();
      }
    }
  }

  #set(entity: string, id: string, record: StoredRecord | undefined): void {
    let map = this.#records.get(entity);
    if (!map) this.#records.set(entity, (map = new Map()));
    const previous = map.get(id);
    if (record) map.set(id, record);
    else map.delete(id);
    this.#accounts.noteSet(entity, id, record);
    if (entity !== CASES || !this.#index) return;
    if (record) this.#index.upsert(record, previous);
    else if (previous) this.#index.remove(id, previous);
  }

  #notify(event: StoredEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('[team-store] listener failed:', error);
      }
    }
  }
}

function matches(e: StoredEvent, filter: EventFilter): boolean {
  return (
    (!filter.actor || e.actor === filter.actor) &&
    (!filter.action || e.action === filter.action) &&
    (!filter.from || e.at >= filter.from) &&
    (!filter.to || e.at < filter.to) &&
    (!filter.entity || e.changes.some((c) => c.entity === filter.entity))
  );
}

/** Records are handed out frozen, as the desk's own store does: change them with append(). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export const key = (entity: string, id: string) => `${entity}\u0000${id}`;
export const pageKey = (filter: EventFilter, page: { offset: number; limit: number }) => JSON.stringify([filter, page]);
const touchedKeys = (event: StoredEvent) => [...new Set(event.changes.map((c) => key(c.entity, c.id)))];
