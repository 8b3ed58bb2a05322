// The team server's CaseStore: the center's state in memory, kept in step with PostgreSQL.
// The desk core's handlers run unchanged over it. Appends made while a layer is open are
// provisional: commit() keeps them, rollback() undoes them exactly (the PostgreSQL transaction
// they belong to failed). Subscribers hear of an event only once it is committed.
import { AsyncLocalStorage } from 'node:async_hooks';
import { CaseIndex } from '../../store/search.js';
import type { CaseSearchQuery, CaseSearchResult, CaseStore, Change, EventFilter, EventInput, EventPage, StoredEvent, StoredRecord } from '../../store/types.js';

type Undo = { entity: string; id: string; previous: StoredRecord | undefined };
interface Layer {
  undo: Undo[];
  eventsAt: number; // events.length when the layer opened
}

const CASES = 'cases';
// As the desk store allows (main/store/validate.ts): keyEvents, mailMessages … are entities too.
const ENTITY_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export class StoreChangeError extends Error {
  override name = 'StoreChangeError';
}

/** Thrown by append() inside readOnly(): the work wants to write, so it must run as a transaction. */
export class WriteInReadOnly extends Error {
  override name = 'WriteInReadOnly';
}

const readOnlyWork = new AsyncLocalStorage<true>();

export class TeamMemoryStore implements CaseStore {
  readonly #records = new Map<string, Map<string, StoredRecord>>();
  readonly #events: StoredEvent[] = [];
  readonly #history = new Map<string, StoredEvent[]>();
  readonly #layers: Layer[] = [];
  readonly #listeners = new Set<(event: StoredEvent) => void>();
  readonly #index = new CaseIndex();
  #pendingNotices: StoredEvent[] = [];

  constructor(private readonly now: () => Date) {}

  /** Position of the last event held (committed or provisional). */
  get position(): number {
    return this.#events.at(-1)?.seq ?? 0;
  }

  get inLayer(): boolean {
    return this.#layers.length > 0;
  }

  begin(): void {
    this.#layers.push({ undo: [], eventsAt: this.#events.length });
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
    for (const event of notices) this.#notify(event);
  }

  rollback(): void {
    const layer = this.#layers.pop();
    if (!layer) throw new Error('rollback without begin');
    for (const { entity, id, previous } of layer.undo.reverse()) this.#set(entity, id, previous);
    for (const event of this.#events.splice(layer.eventsAt)) {
      for (const key of touchedKeys(event)) this.#history.get(key)?.pop();
    }
    this.#pendingNotices = this.#pendingNotices.filter((event) => event.seq <= this.position);
  }

  /** Events appended since position `after` (this process's provisional ones included). */
  since(after: number): StoredEvent[] {
    const start = this.#events.findIndex((event) => event.seq > after);
    return start < 0 ? [] : this.#events.slice(start);
  }

  /** An event already committed in PostgreSQL (by any process), applied in position order. */
  applyCommitted(event: StoredEvent): void {
    if (this.inLayer) throw new Error('committed events are applied outside a transaction layer');
    if (event.seq !== this.position + 1) throw new Error(`event ${event.seq} out of order after ${this.position}`);
    this.#record(event);
    this.#notify(event);
  }

  /** Runs work that may read concurrently with a transaction's layer but must not write. */
  readOnly<T>(work: () => Promise<T>): Promise<T> {
    return readOnlyWork.run(true, work);
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
    else this.#notify(event);
    return event;
  }

  get<T extends { id: string } = StoredRecord>(entity: string, id: string): T | undefined {
    return this.#records.get(entity)?.get(id) as T | undefined;
  }

  all<T extends { id: string } = StoredRecord>(entity: string): T[] {
    return [...(this.#records.get(entity)?.values() ?? [])] as unknown as T[];
  }

  entities(): string[] {
    return [...this.#records.keys()];
  }

  count(entity: string): number {
    return this.#records.get(entity)?.size ?? 0;
  }

  history(entity: string, id: string): StoredEvent[] {
    return [...(this.#history.get(key(entity, id)) ?? [])];
  }

  events(filter: { actor?: string; action?: string; from?: string; to?: string; entity?: string } = {}): StoredEvent[] {
    return this.#events.filter(
      (e) =>
        (!filter.actor || e.actor === filter.actor) &&
        (!filter.action || e.action === filter.action) &&
        (!filter.from || e.at >= filter.from) &&
        (!filter.to || e.at < filter.to) &&
        (!filter.entity || e.changes.some((c) => c.entity === filter.entity)),
    );
  }

  eventPage(filter: EventFilter, page: { offset: number; limit: number }): EventPage {
    const all = this.events(filter);
    const end = Math.max(0, all.length - page.offset);
    return { total: all.length, events: all.slice(Math.max(0, end - page.limit), end).reverse() };
  }

  async searchCases(query: CaseSearchQuery): Promise<CaseSearchResult> {
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
    this.#events.push(event);
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
      const list = this.#history.get(k);
      if (list) list.push(event);
      else this.#history.set(k, [event]);
    }
  }

  #set(entity: string, id: string, record: StoredRecord | undefined): void {
    let map = this.#records.get(entity);
    if (!map) this.#records.set(entity, (map = new Map()));
    const previous = map.get(id);
    if (record) map.set(id, record);
    else map.delete(id);
    if (entity !== CASES) return;
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

/** Records are handed out frozen, as the desk's own store does: change them with append(). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const key = (entity: string, id: string) => `${entity}\u0000${id}`;
const touchedKeys = (event: StoredEvent) => [...new Set(event.changes.map((c) => key(c.entity, c.id)))];
