// The queue's order: breached first, then VIP cases still worked on, then by SLA due time, then
// newest. Only the "urgent" cases (open cases with an SLA and open VIP cases, kept in their order
// by urgent-order.ts) can come before the newest-first rest, so a query takes its matches of that
// order ahead of the rest.
// A query without text does not wait for the search index: until the index is built, its
// filters are tested on the records themselves (the same test as the index's).
import type { CaseRecord } from '../../../shared/domain/case.js';
import { CASES } from '../../../shared/domain/entities.js';
import { caseFilter, caseFilterFields, openedMsOf } from '../../store/search.js';
import type { CaseSearchQuery, CaseStore } from '../../store/types.js';
import type { Services } from '../context.js';
import type { Level } from '../../../shared/domain/ownership.js';
import { caseQueues } from '../cases/queues.js';
import { openWorkOrders } from './model.js';
import { buildUrgentOrder, urgentOrder, type RowSla, type UrgentOrder } from './urgent-order.js';


const CACHE_SIZE = 8;

/**
 * The queue's filters; `accounts`: the customers on the phone number typed as the search text;
 * `owner`: only the open cases this operator owns; `waitingAt`: only the unowned open cases of this level.
 */
export type QueueQuery = CaseSearchQuery & { accounts?: string[]; owner?: string; waitingAt?: Level };

/** The cases a person's or a level's view is limited to (undefined: every case). */
function withinOf(store: CaseStore, { owner, waitingAt }: QueueQuery): ReadonlySet<string> | undefined {
  if (owner !== undefined) return caseQueues(store).ownedBy(owner);
  return waitingAt !== undefined ? caseQueues(store).waitingAt(waitingAt) : undefined;
}

export interface Ordered {
  key: string;
  version: number;
  /** The urgent order it was made from: a new one (a case placed again) makes it stale. */
  urgent: UrgentOrder;
  total: number;
  /** The urgent matches in queue order; every later row is one of the rest, newest first. */
  head: string[];
  /** `count` of the other matches from `from` on, newest first. */
  rest: (from: number, count: number) => Promise<string[]>;
  sla: ReadonlyMap<string, RowSla>;
}

const caches = new WeakMap<CaseStore, Ordered[]>();
const indexed = new WeakSet<CaseStore>();
const watched = new WeakSet<CaseStore>();

/** Notes when the store's search index is built (searchCases answers once it is). */
function watchIndex(store: CaseStore): void {
  if (watched.has(store)) return;
  watched.add(store);
  void store.searchCases({ limit: 1 }).then(() => indexed.add(store), () => undefined);
}

const INDEX_WAIT_MS = 150;

/** Whether the store's search index is built, waiting a moment for it (a small desk builds it in that time). */
export async function searchIndexReady(store: CaseStore): Promise<boolean> {
  watchIndex(store);
  if (indexed.has(store)) return true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ready = await Promise.race([
    store.searchCases({ limit: 1 }).then(() => true, () => false), // it answers once the index is built
    new Promise<boolean>((resolve) => (timer = setTimeout(resolve, INDEX_WAIT_MS, false))),
  ]);
  clearTimeout(timer);
  if (ready) indexed.add(store);
  return ready;
}

/** The ids the store gives for a query, all of them, newest first. */
async function searched(store: CaseStore, query: CaseSearchQuery): Promise<string[]> {
  return (await store.searchCases({ ...query, limit: Math.max(store.count(CASES), 1), offset: 0 })).ids;
}

/** A person's or a level's view with text, or a phone number's: every matching case id, newest first (the text search and every case of the customers on the number). */
async function matching(store: CaseStore, query: QueueQuery): Promise<string[]> {
  const within = withinOf(store, query);
  const { accounts = [] } = query;
  const search = withoutPeople(query);
  let ids = await searched(store, search);
  if (accounts.length > 0) {
    const { text: _typed, ...filters } = search;
    const theirs = await Promise.all(accounts.map((customerAccount) => searched(store, { ...filters, customerAccount })));
    const opened = (id: string) => Date.parse(store.get<CaseRecord>(CASES, id)?.openedAt ?? '') || 0;
    ids = [...new Set([...ids, ...theirs.flatMap((r) => r)])].sort((a, b) => opened(b) - opened(a));
  }
  return within ? ids.filter((id) => within.has(id)) : ids;
}

/** How many of the rest the first index call keeps (two of the screen's pages), so the first page needs no second call. */
const REST_KEPT = 200;

/** The queue's head and total from the index, which also pages the rest: only what a page needs leaves it. */
async function fromIndex(store: CaseStore, query: CaseSearchQuery, urgent: readonly string[]): Promise<Pick<Ordered, 'head' | 'total' | 'rest'>> {
  const asked = { ...query, ahead: urgent };
  const first = await store.searchCases({ ...asked, offset: 0, limit: REST_KEPT });
  const rest = async (from: number, count: number) =>
    from + count <= first.ids.length || first.ids.length < REST_KEPT ? first.ids.slice(from, from + count) : (await store.searchCases({ ...asked, offset: from, limit: count })).ids;
  return { head: first.ahead ?? [], total: first.total, rest };
}

/** The queue's head and total from every matching id (newest first): the urgent ones in queue order ahead of the rest. */
function fromList(ids: string[], urgent: readonly string[]): Pick<Ordered, 'head' | 'total' | 'rest'> {
  const matched = new Set(ids);
  const head = urgent.filter((id) => matched.has(id));
  const ahead = new Set(head);
  let rest: string[] | undefined;
  return { head, total: ids.length, rest: async (from, count) => (rest ??= ids.filter((id) => !ahead.has(id))).slice(from, from + count) };
}

/** A text-less query answered from the records (the index is not built yet, or a person's or a level's few cases): the urgent matches in queue order, the total and, on need, the rest newest first. */
function scanned(store: CaseStore, query: QueueQuery, urgent: readonly string[]): Pick<Ordered, 'head' | 'total' | 'rest'> {
  const pass = caseFilter(query);
  const within = withinOf(store, query);
  const plain = !within && !query.status && !query.severity && !query.channel && !query.type && !query.agent && !query.customerAccount && !query.from && !query.to;
  const timed = Boolean(query.from || query.to);
  const matches = (r: CaseRecord | undefined): r is CaseRecord =>
    r !== undefined && (plain || ((!within || within.has(r.id)) && pass(caseFilterFields(r), timed ? openedMsOf(r) : 0)));
  // A person's or a level's view is a small set: only its cases are read; otherwise every case.
  const universe = () => (within ? [...within].map((id) => store.get<CaseRecord>(CASES, id)) : store.all<CaseRecord>(CASES)).filter(matches);
  const head = urgent.filter((id) => matches(store.get<CaseRecord>(CASES, id)));
  let rest: string[] | undefined;
  const restOf = () => {
    if (rest) return rest;
    // Newest first; the later stored of two opened at the same instant first, as the index orders them.
    const ahead = new Set(head);
    const all = universe().filter((r) => !ahead.has(r.id));
    const opened = Float64Array.from(all, openedMsOf);
    const order = Array.from(all.keys()).sort((a, b) => opened[b]! - opened[a]! || b - a);
    return (rest = order.map((i) => all[i]!.id));
  };
  return { head, total: plain ? store.count(CASES) : universe().length, rest: async (from, count) => restOf().slice(from, from + count) };
}

/** `index`: answer a text-less query from the search index (default: once it is built) or from the records. */
export async function ordered(services: Pick<Services, 'store' | 'settings' | 'now'>, key: string, query: QueueQuery, index?: boolean): Promise<Ordered> {
  const { store } = services;
  watchIndex(store);
  const open = openWorkOrders(store);
  const cache = caches.get(store) ?? [];
  caches.set(store, cache);
  // The urgent cases' order is the same for every query of the moment: it is kept, and each
  // query keeps its matches of it rather than placing and sorting its own.
  const order = urgentOrder(services, services.now().getTime());
  const hit = cache.find((c) => c.key === key);
  if (hit && hit.version === open.version() && hit.urgent === order) return hit;

  const version = open.version(); // before any wait: a change meanwhile makes the next call rebuild
  const found = await matchesOf(store, query, order.ids, index ?? indexed.has(store));
  const result: Ordered = { key, version, urgent: order, ...found, sla: order.sla };
  const at = cache.findIndex((c) => c.key === key);
  if (at >= 0) cache.splice(at, 1);
  cache.unshift(result);
  cache.length = Math.min(cache.length, CACHE_SIZE);
  return result;
}

/** Where a query's matches come from: the index pages them, unless a person's or a level's view or a phone number narrows them. */
async function matchesOf(store: CaseStore, query: QueueQuery, urgent: readonly string[], index: boolean): Promise<Pick<Ordered, 'head' | 'total' | 'rest'>> {
  if (query.accounts || (query.text && withinOf(store, query))) return fromList(await matching(store, query), urgent);
  // A person's or a level's view without text reads its few cases rather than the index's every case.
  if (query.text || (index && !withinOf(store, query))) return fromIndex(store, withoutPeople(query), urgent);
  return scanned(store, query, urgent);
}

/** The query as the store's search takes it: without the person, level and phone number the queue adds. */
function withoutPeople({ accounts: _accounts, owner: _owner, waitingAt: _level, ...search }: QueueQuery): CaseSearchQuery {
  return search;
}

/** The ids of a page of the queue: from the head, then from the rest. */
export async function pageOf(list: Ordered, offset: number, limit: number): Promise<string[]> {
  const head = list.head.slice(offset, offset + limit);
  if (head.length === limit || offset + head.length >= list.total) return head;
  return head.concat(await list.rest(Math.max(0, offset - list.head.length), limit - head.length));
}

/** Places every urgent case (sliced, from the desk's opening) so that no queue request does. */
export async function warmQueue(services: Pick<Services, 'store' | 'settings' | 'now'>): Promise<void> {
  watchIndex(services.store);
  await buildUrgentOrder(services);
}
