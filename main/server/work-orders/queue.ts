// The agent's queue: every case matching the filters, ordered in the main process —
// breached first, then VIP, then by SLA due time, then newest — and served a page at a time.
// The ordering is computed once per query and kept until a case changes (or 5 s pass), so
// scrolling through 100k rows only slices a cached array.
import type { QueueRow } from '../../../shared/contract/work-orders.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { isWorkOrder } from '../../../shared/domain/work-order.js';
import type { CaseSearchQuery, CaseStore } from '../../store/types.js';
import { customerDirectory } from '../customers/directory.js';
import type { Handlers, Services } from '../context.js';
import { CLOSED_STATUSES, isOpenWorkOrder, isTimedOpenCase, openWorkOrders, runningDue } from './model.js';
import { keptSla } from './sla-reading.js';
import { CASES } from '../../../shared/domain/entities.js';
import { operatorLevel, ownershipOf, type Level } from '../../../shared/domain/ownership.js';
import { caseQueues } from '../cases/queues.js';

const MAX_AGE_MS = 5_000;
const CACHE_SIZE = 8;
const SLICE_MS = 8;

interface Ordered {
  key: string;
  version: number;
  builtAt: number;
  ids: string[];
  sla: Map<string, { breached: boolean; dueAt?: string; dueKind?: 'firstResponse' | 'nextUpdate'; paused: boolean }>;
}

const caches = new WeakMap<CaseStore, Ordered[]>();

/**
 * The queue's filters; `accounts`: the customers on the phone number typed as the search text;
 * `owner`: only the open cases this operator owns; `waitingAt`: only the unowned open cases of this level.
 */
type QueueQuery = CaseSearchQuery & { accounts?: string[]; owner?: string; waitingAt?: Level };

/** Every matching case id, newest first: the text search and, for a phone number, every case of the customers on it. */
async function matching(store: CaseStore, query: QueueQuery): Promise<string[]> {
  const { accounts = [], owner, waitingAt, ...search } = query;
  const within = owner !== undefined ? caseQueues(store).ownedBy(owner) : waitingAt !== undefined ? caseQueues(store).waitingAt(waitingAt) : undefined;
  if (within) return (await matchingAll(store, search, accounts)).filter((id) => within.has(id));
  return matchingAll(store, search, accounts);
}

async function matchingAll(store: CaseStore, search: CaseSearchQuery, accounts: string[]): Promise<string[]> {
  const all = { limit: Math.max(store.count(CASES), 1), offset: 0 };
  const { ids } = await store.searchCases({ ...search, ...all });
  if (accounts.length === 0) return ids;
  const { text: _typed, ...filters } = search;
  const theirs = await Promise.all(accounts.map((customerAccount) => store.searchCases({ ...filters, customerAccount, ...all })));
  const opened = (id: string) => Date.parse(store.get<CaseRecord>(CASES, id)?.openedAt ?? '') || 0;
  return [...new Set([...ids, ...theirs.flatMap((r) => r.ids)])].sort((a, b) => opened(b) - opened(a));
}

async function ordered(
  services: Pick<Services, 'store' | 'settings' | 'now'>,
  key: string,
  query: QueueQuery,
): Promise<Ordered> {
  const { store } = services;
  const open = openWorkOrders(store);
  const cache = caches.get(store) ?? [];
  caches.set(store, cache);
  const nowMs = services.now().getTime();
  const hit = cache.find((c) => c.key === key);
  if (hit && hit.version === open.version() && Math.abs(nowMs - hit.builtAt) < MAX_AGE_MS) return hit;

  const version = open.version(); // before the slices: a change meanwhile makes the next call rebuild
  const ids = await matching(store, query);
  // SLA figures only for open cases with a severity (a small set), from the rules engine's one reading.
  const sla: Ordered['sla'] = new Map();
  // The first reading of every open case takes a while at 100k cases: sliced, other calls go on meanwhile.
  await warmQueue(services);
  for (const id of open.ids) {
    const record = store.get<CaseRecord>(CASES, id);
    const a = record && isTimedOpenCase(record) ? keptSla(record, services) : undefined;
    if (!record || !a) continue;
    const due = runningDue(a);
    sla.set(id, {
      breached: a.breached || (isWorkOrder(record) && record.details.breached),
      ...(due ? { dueAt: due.at, dueKind: due.kind } : {}),
      paused: a.nextUpdate?.state === 'paused',
    });
  }
  const n = ids.length;
  const group = new Uint8Array(n);
  const due = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    const s = sla.get(id);
    const record = store.get(CASES, id) as CaseRecord | undefined;
    // VIP priority is for cases still being worked on.
    const vip = record?.vip === true && !CLOSED_STATUSES.includes(record.status);
    group[i] = s?.breached ? 0 : vip ? 1 : 2;
    due[i] = s?.dueAt ? Date.parse(s.dueAt) : Number.POSITIVE_INFINITY;
    order[i] = i;
  }
  // ids come newest first, so the index is the tie-break.
  order.sort((a, b) => group[a]! - group[b]! || (due[a] === due[b] ? a - b : due[a]! < due[b]! ? -1 : 1));
  const result: Ordered = { key, version, builtAt: nowMs, ids: Array.from(order, (i) => ids[i]!), sla };
  const at = cache.findIndex((c) => c.key === key);
  if (at >= 0) cache.splice(at, 1);
  cache.unshift(result);
  cache.length = Math.min(cache.length, CACHE_SIZE);
  return result;
}

/** Reads every open case's SLA (sliced) so the first queue does not wait for it; the dashboard reads the rest later. */
export async function warmQueue(services: Pick<Services, 'store' | 'settings' | 'now'>): Promise<void> {
  let slice = performance.now();
  for (const id of [...openWorkOrders(services.store).ids]) {
    if (performance.now() - slice > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    const record = services.store.get<CaseRecord>(CASES, id);
    if (record && isTimedOpenCase(record)) keptSla(record, services);
  }
}

export const queueHandlers: Pick<Handlers, 'queue.list'> = {
  async 'queue.list'(input, ctx) {
    const { limit, offset, view, ...filters } = input;
    const accounts = filters.text ? customerDirectory(ctx.store).accountsWithPhone(filters.text) : [];
    const people = view === 'mine' ? { owner: ctx.operator.username } : view === 'level' ? { waitingAt: operatorLevel(ctx.operator) } : {};
    const query = { ...filters, ...people, ...(accounts.length > 0 ? { accounts } : {}) };
    const key = JSON.stringify(query);
    const list = await ordered(ctx, key, query);
    const rows: QueueRow[] = [];
    for (const id of list.ids.slice(offset, offset + limit)) {
      const c = ctx.store.get<CaseRecord>(CASES, id);
      if (!c) continue;
      const s = list.sla.get(id);
      const wo = isOpenWorkOrder(c) ? c.details : undefined;
      rows.push({
        id: c.id,
        type: c.type,
        channel: c.channel,
        customerName: c.customerName,
        customerAccount: c.customerAccount,
        vip: c.vip,
        ...(c.severity ? { severity: c.severity } : {}),
        status: c.status,
        summary: c.summary,
        agent: c.agent,
        ...ownershipOf(c),
        openedAt: c.openedAt,
        breached: s?.breached ?? false,
        ...(wo ? { escalationLevel: wo.escalationLevel, flagSupervisor: wo.flagSupervisor } : {}),
        ...(s?.dueAt ? { dueAt: s.dueAt, dueKind: s.dueKind } : {}),
        ...(s ? { paused: s.paused } : {}),
      });
    }
    return { total: list.ids.length, offset, rows };
  },
};
