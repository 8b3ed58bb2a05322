// The queue's urgent order: the open cases with an SLA and the open VIP cases (the tracker of
// model.ts), breached first, then VIP, then by running due time, equal due times newest first.
// It is kept in place rather than rebuilt: the cases an applied event changed, and the cases whose
// kept SLA reading has run out (a running timer at its due instant, a paused one after a while),
// are placed again when the order is next read, and merged into it. Only the first reading places
// every urgent case, and the desk's warm-up does that in slices before the first queue.
import type { CaseRecord } from '../../../shared/domain/case.js';
import { CASES } from '../../../shared/domain/entities.js';
import { isWorkOrder } from '../../../shared/domain/work-order.js';
import type { DeskSettings } from '../../rules/index.js';
import { openedMsOf } from '../../store/search.js';
import type { CaseStore } from '../../store/types.js';
import { firstNotBefore, yieldNow } from '../../store/util.js';
import type { Services } from '../context.js';
import { storeRules } from '../policy/rules-context.js';
import { isTimedOpenCase, openWorkOrders, runningDue } from './model.js';
import { keptEntry } from './sla-reading.js';

const SLICE_MS = 8;

/** What a queue row shows of its case's SLA. */
export interface RowSla {
  breached: boolean;
  dueAt?: string;
  dueKind?: 'firstResponse' | 'nextUpdate';
  paused: boolean;
}

export interface UrgentOrder {
  /** Breached, then VIP, then by running due time; equal due times newest first. Urgent cases neither breached, VIP nor timed are not here: they sort with the rest, newest first. A new array whenever the order changes. */
  ids: readonly string[];
  sla: ReadonlyMap<string, RowSla>;
}

interface Place {
  /** 0 breached, 1 VIP still worked on, 2 the rest. */
  group: number;
  /** The running SLA due instant in ms; Infinity for none. */
  due: number;
  opened: number;
  sla?: RowSla;
}

/** Places by the reading they come from (or the record, for a case without an SLA): a kept reading is placed once. */
const places = new WeakMap<object, Place>();

interface Entry {
  id: string;
  place: Place;
  /** Until when its reading is kept (Infinity: until the case changes). */
  until: number;
}

/** The SLA a row shows and the place it sorts at. */
function entryOf(id: string, record: CaseRecord, rules: DeskSettings, nowMs: number): Entry {
  const kept = isTimedOpenCase(record) ? keptEntry(record, rules, nowMs) : undefined;
  const a = kept?.assessment;
  const until = kept?.until ?? Number.POSITIVE_INFINITY;
  const known = places.get(a ?? record);
  if (known) return { id, place: known, until };
  const vip = record.vip === true; // urgent cases are not closed
  const opened = openedMsOf(record);
  let place: Place;
  if (!a) place = { group: vip ? 1 : 2, due: Number.POSITIVE_INFINITY, opened };
  else {
    const due = runningDue(a);
    const sla: RowSla = {
      breached: a.breached || (isWorkOrder(record) && record.details.breached),
      ...(due ? { dueAt: due.at, dueKind: due.kind } : {}),
      paused: a.nextUpdate?.state === 'paused',
    };
    place = { group: sla.breached ? 0 : vip ? 1 : 2, due: due ? Date.parse(due.at) : Number.POSITIVE_INFINITY, opened, sla };
  }
  places.set(a ?? record, place);
  return { id, place, until };
}

const placed = ({ place: p }: Entry) => p.group !== 2 || p.due !== Number.POSITIVE_INFINITY;

function inOrder({ id: ia, place: a }: Entry, { id: ib, place: b }: Entry): number {
  return a.group - b.group || (a.due === b.due ? b.opened - a.opened || (ia < ib ? 1 : ia > ib ? -1 : 0) : a.due < b.due ? -1 : 1);
}

/** Two lists in queue order as one. */
function merged(a: readonly Entry[], b: readonly Entry[]): Entry[] {
  const out: Entry[] = new Array<Entry>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = inOrder(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

interface Kept {
  rules: DeskSettings;
  /** Every urgent case's entry, placed in the order or not. */
  entries: Map<string, Entry>;
  /** The placed entries in queue order. */
  order: Entry[];
  /** Entries whose reading runs out, latest first (one that was placed again since is skipped). */
  expiries: Entry[];
  /** Cases changed by events since the order was last read. */
  changed: Set<string>;
  /** The order as last given, until it changes. */
  given?: UrgentOrder;
  /** The first placing of every urgent case, while the warm-up does it in slices. */
  building?: Building;
}

interface Building {
  ids: string[];
  at: number;
  entries: Entry[];
}

const kept = new WeakMap<CaseStore, Kept>();

/** Every urgent case, once: the open ones with an SLA, then the open VIP ones without. */
function urgentIds(store: CaseStore): string[] {
  const open = openWorkOrders(store);
  return [...open.ids, ...[...open.vip].filter((id) => !open.ids.has(id))];
}

const firstPlacing = (store: CaseStore): Building => ({ ids: urgentIds(store), at: 0, entries: [] });

/** The kept order of a store, its first placing begun (and carried on by the caller). */
function keptOf(services: Pick<Services, 'store' | 'settings'>): Kept {
  const { store } = services;
  let k = kept.get(store);
  if (k) return k;
  k = { rules: storeRules(store, services.settings.get().timeZone), entries: new Map(), order: [], expiries: [], changed: new Set() };
  const mine = k;
  store.subscribe((event) => {
    for (const change of event.changes) if (change.entity === CASES) mine.changed.add(change.id);
  });
  // Changes from here on are in `changed`: the first placing reads the cases as they are now.
  k.building = firstPlacing(store);
  kept.set(store, k);
  return k;
}

/** Places the first placing's next cases until `deadline` (performance.now()); true once every one is placed. */
function build(k: Kept, store: CaseStore, nowMs: number, deadline: number): boolean {
  const b = k.building;
  if (!b) return true;
  while (b.at < b.ids.length) {
    if ((b.at & 63) === 0 && performance.now() > deadline) return false;
    const id = b.ids[b.at++]!;
    const record = store.get<CaseRecord>(CASES, id);
    if (record) b.entries.push(entryOf(id, record, k.rules, nowMs));
  }
  for (const e of b.entries) k.entries.set(e.id, e);
  k.order = b.entries.filter(placed).sort(inOrder);
  k.expiries = b.entries.filter((e) => e.until !== Number.POSITIVE_INFINITY).sort((x, y) => y.until - x.until);
  k.building = undefined;
  return true;
}

/** Starts over (the rules changed: every reading is another). */
function restart(k: Kept, services: Pick<Services, 'store' | 'settings'>, rules: DeskSettings): void {
  k.rules = rules;
  k.entries = new Map();
  k.order = [];
  k.expiries = [];
  k.changed.clear();
  k.given = undefined;
  k.building = firstPlacing(services.store);
}

/** Every urgent case in queue order at nowMs: the kept order, the cases changed or run out since placed again. */
export function urgentOrder(services: Pick<Services, 'store' | 'settings'>, nowMs: number): UrgentOrder {
  const { store } = services;
  const k = keptOf(services);
  const rules = storeRules(store, services.settings.get().timeZone);
  if (rules !== k.rules) restart(k, services, rules);
  build(k, store, nowMs, Number.POSITIVE_INFINITY);

  const again = new Set(k.changed);
  k.changed.clear();
  while (k.expiries.length > 0 && k.expiries.at(-1)!.until < nowMs) {
    const e = k.expiries.pop()!;
    if (k.entries.get(e.id) === e) again.add(e.id);
  }
  if (again.size > 0) {
    const open = openWorkOrders(store);
    const gone = new Set<Entry>();
    const added: Entry[] = [];
    for (const id of again) {
      const old = k.entries.get(id);
      if (old) gone.add(old);
      const record = open.ids.has(id) || open.vip.has(id) ? store.get<CaseRecord>(CASES, id) : undefined;
      const e = record && entryOf(id, record, k.rules, nowMs);
      if (e) k.entries.set(id, e);
      else k.entries.delete(id);
      if (e && placed(e)) added.push(e);
      if (e && e.until !== Number.POSITIVE_INFINITY) k.expiries.splice(firstNotBefore(k.expiries.length, (i) => k.expiries[i]!.until > e.until), 0, e);
    }
    const before = k.order;
    k.order = merged(gone.size > 0 ? before.filter((e) => !gone.has(e)) : before, added.sort(inOrder));
    if (gone.size > 0 || added.length > 0) k.given = undefined;
  }
  return (k.given ??= given(k.entries, k.order));
}

function given(entries: ReadonlyMap<string, Entry>, order: readonly Entry[]): UrgentOrder {
  const sla = new Map<string, RowSla>();
  for (const [id, e] of entries) if (e.place.sla) sla.set(id, e.place.sla);
  return { ids: order.map((e) => e.id), sla };
}

/** Every urgent case placed afresh at nowMs, as the kept order must give them. */
export function urgentOrderAfresh(services: Pick<Services, 'store' | 'settings'>, nowMs: number): UrgentOrder {
  const { store } = services;
  const rules = storeRules(store, services.settings.get().timeZone);
  const entries = new Map<string, Entry>();
  for (const id of urgentIds(store)) {
    const record = store.get<CaseRecord>(CASES, id);
    if (record) entries.set(id, entryOf(id, record, rules, nowMs));
  }
  return given(entries, [...entries.values()].filter(placed).sort(inOrder));
}

/** The first placing of every urgent case, in slices (the desk's warm-up), so no queue request does it. */
export async function buildUrgentOrder(services: Pick<Services, 'store' | 'settings' | 'now'>): Promise<void> {
  const k = keptOf(services);
  while (!build(k, services.store, services.now().getTime(), performance.now() + SLICE_MS)) await yieldNow();
}
