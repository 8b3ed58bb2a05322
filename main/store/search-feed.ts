// The search index over one entity (OpenOptions.search): built after open in ≤ 8 ms
// slices, then kept current on every committed event.
import { performance } from 'node:perf_hooks';
import { CaseIndex, type RecordIndex } from './search.js';
import type { StoreState } from './state.js';
import type { CaseSearchQuery, CaseSearchResult, StoredEvent, StoredRecord } from './types.js';
import { yieldNow } from './util.js';

/** Which records are searched and by what index. Default: cases, CaseIndex. */
export interface SearchOption {
  entity: string;
  index?: () => RecordIndex;
}

export interface SearchReady {
  ms: number;
  cases: number;
}

export class SearchFeed {
  readonly entity: string;
  readonly #index: RecordIndex;
  readonly #state: StoreState;
  #stopping = false;
  readonly ready: Promise<SearchReady>;

  constructor(state: StoreState, option: SearchOption) {
    this.entity = option.entity;
    this.#index = option.index?.() ?? new CaseIndex();
    this.#state = state;
    this.ready = this.#warmUp();
  }

  /** Stops the warm-up early (close). */
  stop(): void {
    this.#stopping = true;
  }

  /** The indexed records an event is about to change, as they are before it. */
  before(event: StoredEvent): (StoredRecord | undefined)[] {
    return event.changes.map((c) => (c.entity === this.entity ? this.#state.get(this.entity, c.id) : undefined));
  }

  /**
   * Updates the index after the event was applied; `before` from before(). A record changed twice
   * in one event is indexed once, from its state before the event (what the index holds) to after.
   */
  after(event: StoredEvent, before: (StoredRecord | undefined)[]): void {
    const index = this.#index;
    const done = new Set<string>();
    event.changes.forEach((c, i) => {
      if (c.entity !== this.entity || done.has(c.id)) return;
      done.add(c.id);
      const cur = this.#state.get(this.entity, c.id);
      if (cur) index.upsert(cur, index.has(c.id) ? before[i] : undefined);
      else index.remove(c.id, before[i]);
    });
  }

  async search(query: CaseSearchQuery): Promise<CaseSearchResult> {
    await this.ready;
    return this.#index.search(query);
  }

  async #warmUp(): Promise<SearchReady> {
    await yieldNow();
    const index = this.#index;
    const state = this.#state;
    const ts = performance.now();
    let sliceStart = performance.now();
    const pause = async () => {
      await yieldNow();
      sliceStart = performance.now();
    };
    // First the other entities' lazy records (a desk has parsed its cases at opening): once none
    // is left, the snapshot's bytes are freed, before the index's build needs memory of its own.
    for (const [entity, m] of state.records)
      for (const id of entity === this.entity ? [] : [...m.keys()]) {
        if (this.#stopping) break;
        state.recOf(m, id);
        if (performance.now() - sliceStart > 8) await pause();
      }
    index.beginBulk();
    const ids = [...(state.records.get(this.entity)?.keys() ?? [])];
    for (let i = 0; i < ids.length; i++) {
      if (this.#stopping) break;
      const r = state.get(this.entity, ids[i]!);
      if (r && !index.has(r.id)) index.upsert(r);
      if ((i & 15) === 0 && performance.now() - sliceStart > 8) {
        if (index.pendingDates > 4096) index.settle();
        await pause();
      }
    }
    index.sortNow();
    return { ms: Math.round(performance.now() - ts), cases: index.size };
  }
}
