// The case store's contract. Every change is an event: it is the case history and the
// audit trail at once. Implementations must not import electron or electron-store.

/** A plain JSON record; every record has a string `id`. */
export type StoredRecord = { id: string } & Record<string, unknown>;

/** One change to one record inside an event. */
export type Change =
  | { entity: string; id: string; op: 'put'; record: StoredRecord } // create or replace
  | { entity: string; id: string; op: 'patch'; patch: Record<string, unknown> } // shallow merge
  | { entity: string; id: string; op: 'delete' };

/** What a caller asks the store to record. All changes of one event apply atomically. */
export interface EventInput {
  actor: string; // operator username, or 'system'
  action: string; // what happened in the center's words, e.g. 'call.logged', 'refund.approved'
  reason?: string; // why, where the operator gave one
  changes: Change[];
}

/** An event as stored: numbered, timestamped, hash-chained. */
export interface StoredEvent extends EventInput {
  seq: number; // 1-based, no gaps
  at: string; // ISO-8601 UTC instant
  /** Set on every event of an appendMany batch but its last: a journal ending on one ends in an unfinished batch, never acknowledged. */
  more?: true;
  prevHash: string; // hash of event seq-1 ('' for the first)
  hash: string; // sha256 over this event's canonical form incl. prevHash
  /** HMAC-SHA256 of `hash` with the store's key, kept outside the data directory (absent in stores without the anchor). */
  mac?: string;
}

/** What one durable event changed in one entity (main/store/changes.ts derives it). */
export type { StoreChange } from '../../shared/domain/entities.js';

export interface CaseSearchQuery {
  text?: string; // full text over summary, notes, customer, error codes; Chinese segmented
  status?: string[];
  severity?: string[];
  channel?: string[];
  type?: string[];
  agent?: string;
  customerAccount?: string;
  from?: string; // ISO instant, inclusive, on openedAt
  to?: string; // ISO instant, exclusive, on openedAt
  limit?: number; // default 50
  offset?: number;
  /**
   * Case ids the caller puts before the rest in an order of its own (the queue's urgent cases):
   * the result's `ahead` lists those that match, in this order, and `ids`/`offset`/`limit` page
   * through the other matches only. `total` counts every match.
   */
  ahead?: readonly string[]; // read once per array: pass a new array when its ids change
}

export interface CaseSearchResult {
  total: number;
  ids: string[]; // case ids, newest openedAt first
  /** With `ahead` in the query: its ids that match, in its order. */
  ahead?: string[];
}

/** Which events the audit view shows: all given conditions hold. `from`/`to` are ISO instants on `at` (to exclusive). */
export interface EventFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  entity?: string;
}

export interface EventPage {
  /** Events matching the filter. */
  total: number;
  /** The page, newest first. */
  events: StoredEvent[];
}

export interface CaseStore {
  /** Applies and durably records one event (fsynced before returning). Throws on invalid changes, leaving the store unchanged. */
  append(input: EventInput): StoredEvent;
  get<T extends { id: string } = StoredRecord>(entity: string, id: string): T | undefined;
  /** All records of an entity, in insertion order. */
  all<T extends { id: string } = StoredRecord>(entity: string): T[];
  count(entity: string): number;
  /** The records of an entity whose `customerAccount` is this account (an index, not a scan). */
  ofAccount<T extends { id: string } = StoredRecord>(entity: string, account: string): T[];
  /** Every event that touched this record, oldest first. */
  history(entity: string, id: string): StoredEvent[];
  /** Events in seq order, optionally filtered (global audit view). */
  events(filter?: EventFilter): StoredEvent[];
  /** One page of the audit view, newest first: `offset` events from the newest are skipped. Reads only the page's events. */
  eventPage(filter: EventFilter, page: { offset: number; limit: number }): EventPage;
  searchCases(query: CaseSearchQuery): Promise<CaseSearchResult>;
  /** Called once per event after it is durable and applied (storeChanges(event) gives what changed, per entity); returns an unsubscribe function. */
  subscribe(listener: (event: StoredEvent) => void): () => void;
  close(): Promise<void>;
}
