// The queues of people and levels: for every open case, who owns it, or the level whose queue
// it waits in. Kept current from the store's events (one scan at first use), never a scan per query.
import type { CaseRecord } from '../../../shared/domain/case.js';
import { CASES } from '../../../shared/domain/entities.js';
import { isOpenCase, ownershipOf, type Level } from '../../../shared/domain/ownership.js';
import type { CaseStore } from '../../store/types.js';

export interface CaseQueues {
  /** Open cases this operator owns. */
  ownedBy(username: string): ReadonlySet<string>;
  /** Open cases nobody owns, waiting at this level. */
  waitingAt(level: Level): ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();
const trackers = new WeakMap<CaseStore, CaseQueues>();

export function caseQueues(store: CaseStore): CaseQueues {
  const known = trackers.get(store);
  if (known) return known;
  const queues = new Map<string, Set<string>>();
  const queueOf = new Map<string, string>();
  const place = (id: string, record: CaseRecord | undefined) => {
    const before = queueOf.get(id);
    if (before !== undefined) queues.get(before)?.delete(id);
    queueOf.delete(id);
    if (!record || !isOpenCase(record)) return;
    const { owner, level } = ownershipOf(record);
    const key = owner === null ? `level:${level}` : `owner:${owner}`;
    let set = queues.get(key);
    if (!set) queues.set(key, (set = new Set()));
    set.add(id);
    queueOf.set(id, key);
  };
  for (const record of store.all<CaseRecord>(CASES)) place(record.id, record);
  store.subscribe((event) => {
    for (const change of event.changes) {
      if (change.entity === CASES) place(change.id, change.op === 'delete' ? undefined : store.get<CaseRecord>(CASES, change.id));
    }
  });
  const tracker: CaseQueues = {
    ownedBy: (username) => queues.get(`owner:${username}`) ?? NONE,
    waitingAt: (level) => queues.get(`level:${level}`) ?? NONE,
  };
  trackers.set(store, tracker);
  return tracker;
}
